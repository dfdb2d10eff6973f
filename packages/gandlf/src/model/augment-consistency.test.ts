import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DiffAugment } from '../augment/diff-augment-layer';
import { Alternating } from '../engine/alternating';
import type { AdversarialOptimizer } from '../engine/adversarial-optimizer';
import { Simultaneous } from '../engine/simultaneous';
import { gradientPenalty } from '../penalties/gradient-penalty';
import { r1Penalty } from '../penalties/r1';
import { relativisticAverage } from '../penalties/relativistic-average';
import type { Penalty } from '../engine/penalty';
import { Model } from './model';

// The rule: with `Model({ augment })`, every image D sees in training is
// augmented, in every player's loss and in every penalty. Checked by recording
// the tensors DiffAugment returns and the tensors D is called on.

function imageGan() {
  const z = tf.input({ shape: [3] });
  const img = tf.layers.reshape({ targetShape: [4, 4, 1] }).apply(tf.layers.dense({ units: 16, activation: 'tanh' }).apply(z)) as tf.SymbolicTensor;
  const generator = tf.model({ inputs: z, outputs: img, name: 'g' });
  const discriminator = tf.sequential({ name: 'd', layers: [tf.layers.flatten({ inputShape: [4, 4, 1] }), tf.layers.dense({ units: 1 })] });
  return new Model({ generator, discriminator, augment: { policy: 'translation,cutout', seed: 1 } });
}

/** Records, during `run`, which tensors DiffAugment produced in training calls and which D was called on. */
async function record(model: Model, run: () => Promise<unknown>) {
  const augmented = new Set<number>();
  const seen: { id: number; training: boolean }[] = [];
  const augmentCall = DiffAugment.prototype.call;
  vi.spyOn(DiffAugment.prototype, 'call').mockImplementation(function (this: DiffAugment, inputs, kwargs) {
    const out = augmentCall.call(this, inputs, kwargs);
    if (kwargs['training'] === true) augmented.add(out.id);
    return out;
  });
  const d = model.discriminator;
  const dCall = d.call.bind(d);
  vi.spyOn(d, 'call').mockImplementation((inputs, kwargs) => {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    seen.push({ id: x.id, training: kwargs['training'] === true });
    return dCall(inputs, kwargs);
  });
  await run();
  return { augmented, seen };
}

afterEach(() => {
  vi.restoreAllMocks();
});

const cases: [string, () => AdversarialOptimizer, { generator?: readonly Penalty[]; discriminator?: readonly Penalty[] }][] = [
  ['relativistic average, Simultaneous (one generator pass for both players)', () => new Simultaneous(), relativisticAverage()],
  ['relativistic average, Alternating (each player its own pass)', () => new Alternating(), relativisticAverage()],
  ['R1 and a gradient penalty on D', () => new Alternating(), { discriminator: [r1Penalty({ gamma: 1 }), gradientPenalty({ weight: 1, seed: 2 })] }],
];

describe('Model({ augment }): every image D sees in training is augmented', () => {
  it.each(cases)('%s', async (_, optimizer, penalties) => {
    const model = imageGan();
    const usesRa = penalties.generator !== undefined;
    model.compile({ loss: 'binaryCrossentropyFromLogits', ...(usesRa ? { lossWeights: 0 } : {}), adversarialOptimizer: optimizer(), penalties });
    const x = tf.randomUniform([8, 4, 4, 1], -1, 1, 'float32', 2);
    const z = tf.randomNormal([8, 3], 0, 1, 'float32', 3);
    await model.trainOnBatch([z, x], ['zeros', 'ones']); // warm-up: builds everything
    const before = tf.memory().numTensors;
    const { augmented, seen } = await record(model, () => model.trainOnBatch([z, x], ['zeros', 'ones']));
    expect(tf.memory().numTensors).toBe(before);
    const training = seen.filter((s) => s.training);
    expect(training.length).toBeGreaterThanOrEqual(usesRa ? 3 : 4);
    expect(training.filter((s) => !augmented.has(s.id))).toEqual([]);
    tf.dispose([x, z]);
    model.dispose();
  });

  it('evaluate and predict see the images as they are', async () => {
    const model = imageGan();
    model.compile({ loss: 'binaryCrossentropyFromLogits', lossWeights: 0, penalties: relativisticAverage() });
    const x = tf.randomUniform([8, 4, 4, 1], -1, 1, 'float32', 2);
    const z = tf.randomNormal([8, 3], 0, 1, 'float32', 3);
    const { augmented, seen } = await record(model, async () => {
      await model.evaluate([z, x], ['zeros', 'ones']);
      tf.dispose(model.predict([x]));
    });
    expect(augmented.size).toBe(0);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => !s.training)).toBe(true);
    tf.dispose([x, z]);
    model.dispose();
  });
});
