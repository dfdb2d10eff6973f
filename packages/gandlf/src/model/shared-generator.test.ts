import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import type { Penalty } from '../adversarial/penalty';
import type { PlayerEval } from '../adversarial/player';
import type { AdversarialOptimizer, StepContext } from '../optimizers/adversarial-optimizer';
import { Alternating } from '../optimizers/alternating';
import { Simultaneous } from '../optimizers/simultaneous';
import { gradientPenalty } from '../penalties/gradient-penalty';
import { r1Penalty } from '../penalties/r1';
import { relativisticAverage } from '../penalties/relativistic-average';
import { Model } from './model';

/** An identity layer that counts its forward passes. */
class CountCalls extends tf.layers.Layer {
  static readonly className = 'TestCountCalls';
  calls = 0;
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    this.calls++;
    return tf.clone(Array.isArray(inputs) ? inputs[0]! : inputs);
  }
}

/** G: [z, c] -> x through a counted identity; D: [x, c] -> logit, with batch normalization if asked. */
function gan(cond: number, batchNorm = false) {
  const z = tf.input({ shape: [3] });
  const c = tf.input({ shape: [cond] });
  const counter = new CountCalls({});
  let h = tf.layers.dense({ units: 8, activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }).apply(tf.layers.concatenate().apply([z, c])) as tf.SymbolicTensor;
  h = tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }).apply(h) as tf.SymbolicTensor;
  const generator = tf.model({ inputs: [z, c], outputs: counter.apply(h) as tf.SymbolicTensor, name: 'generator' });
  const x = tf.input({ shape: [2] });
  const dc = tf.input({ shape: [cond] });
  let d = tf.layers.dense({ units: 8, activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }).apply(tf.layers.concatenate().apply([x, dc])) as tf.SymbolicTensor;
  if (batchNorm) d = tf.layers.batchNormalization().apply(d) as tf.SymbolicTensor;
  d = tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }) }).apply(d) as tf.SymbolicTensor;
  const discriminator = tf.model({ inputs: [x, dc], outputs: d, name: 'discriminator' });
  return { model: new Model({ generator, discriminator }), counter };
}

/** A generator penalty that runs the generator itself: its gradient must still reach G. */
const generatorNorm: Penalty = {
  name: 'g_norm',
  className: 'TestGeneratorNorm',
  compute: ({ batch, roles }) => tf.mul(0.1, tf.mean(tf.square(roles!.generator.apply([batch.inputs[0]!, batch.inputs[1]!], { training: true }) as tf.Tensor))),
  getConfig: () => ({}),
};

/** Takes each player's own gradients and the joint ones on the same batch, and applies neither. */
class Compare implements AdversarialOptimizer {
  readonly className = 'TestCompare';
  own: number[][][] = [];
  joint: number[][][] = [];
  bind(): void {}
  getConfig(): Record<string, unknown> {
    return {};
  }
  async step({ players, batch, jointGradients }: StepContext): Promise<tf.Tensor1D[]> {
    const read = (evs: PlayerEval[]) => evs.map((ev) => [Array.from(ev.values.dataSync()), ...(ev.grads ?? []).map((g) => Array.from(g.dataSync()))]);
    const own = players.map((p) => p.gradients(batch));
    const joint = jointGradients!();
    this.own = read(own);
    this.joint = read(joint);
    for (const ev of [...own, ...joint]) tf.dispose(ev.grads ?? []);
    tf.dispose(joint.map((ev) => ev.values));
    return own.map((ev) => ev.values);
  }
}

describe('Model: the generator runs once for both players', () => {
  const data = () => [tf.randomNormal([16, 2], 0, 1, 'float32', 5), tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0], 'int32'), 3).toFloat()];

  it.each([
    ['row-wise (real and fake in one pass)', false],
    ['with batch normalization (real and fake apart)', true],
  ])('the joint gradients equal each player\'s own, with penalties that read the predictions, the real data or the generator: D %s', async (_, batchNorm) => {
    const { model } = gan(3, batchNorm);
    const compare = new Compare();
    const ra = relativisticAverage();
    model.compile({
      loss: 'binaryCrossentropyFromLogits',
      metrics: ['accuracy'],
      adversarialOptimizer: compare,
      penalties: { generator: [...ra.generator, generatorNorm], discriminator: [...ra.discriminator, r1Penalty({ gamma: 1 })] },
    });
    const [x, c] = data();
    await model.trainOnBatch(['normal', c!, x!, c!], { gen: 0, fake: 1, real: 0 });
    expect(compare.own.length).toBe(2);
    compare.own.forEach((player, i) =>
      player.forEach((values, k) => {
        const joint = compare.joint[i]![k]!;
        expect(joint.length).toBe(values.length);
        values.forEach((v, j) => expect(joint[j]).toBeCloseTo(v, 5));
      }),
    );
    // Both players' gradients are non-trivial, so the comparison means something.
    expect(compare.own[0]!.slice(1).flat().some((g) => Math.abs(g) > 1e-4)).toBe(true);
    expect(compare.own[1]!.slice(1).flat().some((g) => Math.abs(g) > 1e-4)).toBe(true);
    model.dispose();
    tf.dispose([x!, c!]);
  });

  it('Simultaneous runs G once a step (with a gradient penalty that reuses its samples); Alternating runs it per player', async () => {
    const counts: Record<string, number> = {};
    for (const [name, opt] of [['Simultaneous', new Simultaneous()], ['Alternating', new Alternating()]] as const) {
      const { model, counter } = gan(3);
      model.compile({ loss: 'binaryCrossentropyFromLogits', adversarialOptimizer: opt, penalties: { discriminator: [gradientPenalty({ seed: 1 })] } });
      const [x, c] = data();
      await model.trainOnBatch(['normal', c!, x!, c!], { gen: 0, fake: 1, real: 0 });
      counter.calls = 0;
      await model.trainOnBatch(['normal', c!, x!, c!], { gen: 0, fake: 1, real: 0 });
      counts[name] = counter.calls;
      model.dispose();
      tf.dispose([x!, c!]);
    }
    expect(counts).toEqual({ Simultaneous: 1, Alternating: 3 });
  });

  it('a row-wise D scores real and fake data in one pass; one with batch normalization, apart', async () => {
    const calls: Record<string, number> = {};
    for (const batchNorm of [false, true]) {
      const { model } = gan(3, batchNorm);
      model.compile({ loss: 'binaryCrossentropyFromLogits', adversarialOptimizer: new Simultaneous() });
      const [x, c] = data();
      const apply = vi.spyOn(model.discriminator, 'apply');
      await model.trainOnBatch(['normal', c!, x!, c!], { gen: 0, fake: 1, real: 0 });
      calls[batchNorm ? 'batchNorm' : 'rowWise'] = apply.mock.calls.length;
      model.dispose();
      tf.dispose([x!, c!]);
    }
    // The generator's turn scores the fakes once; the discriminator's, once or twice.
    expect(calls).toEqual({ rowWise: 2, batchNorm: 3 });
  });

  it.each(['generator', 'discriminator'] as const)('leaks no tensors, and a failure in the %s player leaves the weights as they were', async (player) => {
    let fail = false;
    const failing: Penalty = {
      name: 'may_fail',
      className: 'TestMayFail',
      compute: () => {
        if (fail) throw new Error('penalty failed');
        return tf.scalar(0);
      },
      getConfig: () => ({}),
    };
    const { model } = gan(3);
    model.compile({ loss: 'binaryCrossentropyFromLogits', adversarialOptimizer: new Simultaneous(), penalties: { [player]: [failing] } });
    const [x, c] = data();
    const y = { gen: 0, fake: 1, real: 0 };
    await model.trainOnBatch(['normal', c!, x!, c!], y);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await model.trainOnBatch(['normal', c!, x!, c!], y);
    expect(tf.memory().numTensors).toBe(before);
    const weights = [...model.generator.getWeights(), ...model.discriminator.getWeights()].map((w) => Array.from(w.dataSync()));
    fail = true;
    await expect(model.trainOnBatch(['normal', c!, x!, c!], y)).rejects.toThrow('penalty failed');
    expect(tf.memory().numTensors).toBe(before);
    expect([...model.generator.getWeights(), ...model.discriminator.getWeights()].map((w) => Array.from(w.dataSync()))).toEqual(weights);
    model.dispose();
    tf.dispose([x!, c!]);
  });
});
