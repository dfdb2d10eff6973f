import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { TrainingDivergedError } from '../errors';
import { Model } from '../model/model';
import { Alternating } from '../optimizers/alternating';
import type { Random } from '../random';
import { seededData, seededGan } from '../test-utils/seeded-gan';

/** Real data that turns to NaN at the given steps (counted per draw). */
function poisonedInputs(badSteps: number[]) {
  const data = seededData(8);
  let draw = 0;
  const x = (n: number) => {
    const bad = badSteps.includes(draw++);
    return bad ? tf.fill([n, 2], Number.NaN) : tf.randomNormal([n, 2], 1, 0.5, 'float32', draw);
  };
  return { inputs: [data.inputs[0] as (n: number, r: Random) => tf.Tensor, x] as const, y: data.y, dispose: data.dispose };
}

describe('divergence guard', () => {
  it('stops a run whose learning rate is far too high, naming player, output and step', async () => {
    // Linear networks and squared error: nothing saturates, so the weights blow up.
    const linear = (inDim: number, outDim: number) => tf.sequential({ layers: [tf.layers.dense({ inputShape: [inDim], units: outDim })] });
    const gan = new Model({ generator: linear(3, 2), discriminator: linear(2, 1) });
    gan.compile({ optimizer: tf.train.sgd(1e3), loss: 'meanSquaredError', adversarialOptimizer: new Alternating() });
    const x = tf.randomNormal([64, 2]);
    const err = await gan.fit(['normal', x], ['zeros', 'ones'], { epochs: 50, batchSize: 8, divergence: { checkEvery: 4 } }).catch((e: unknown) => e);
    x.dispose();
    expect(err).toBeInstanceOf(TrainingDivergedError);
    const d = err as TrainingDivergedError;
    expect(['generator', 'discriminator']).toContain(d.player);
    expect(d.step).toBeGreaterThanOrEqual(0);
    expect(d.step).toBeLessThan(gan.step);
    expect(d.message).toMatch(/^Training diverged at step \d+: .* became NaN or Infinity/);
  });

  it('reports the exact first bad step even between checks', async () => {
    const gan = seededGan(new Alternating());
    const data = poisonedInputs([6]);
    const err = (await gan.fit(data.inputs, data.y, { epochs: 20, batchSize: 8, shuffle: false, divergence: { checkEvery: 5, checkWeights: false } }).catch((e: unknown) => e)) as TrainingDivergedError;
    expect(err).toBeInstanceOf(TrainingDivergedError);
    // Poisoned real data: both players' yReal losses are NaN from step 6.
    expect(err.step).toBe(6);
    expect(err.player).toBe('discriminator');
    expect(err.output).toBe('yReal');
    expect(gan.step).toBe(10); // found at the check after step 10
    data.dispose();
  });

  it('rolls back to the last good snapshot with lower learning rates, and leaks nothing', async () => {
    const gan = seededGan(new Alternating());
    const data = poisonedInputs([7]);
    const lr = () => gan.getPlayers().map((p) => (p.optimizer as unknown as { learningRate: number }).learningRate);
    const before = lr();
    await gan.fit(data.inputs, data.y, { epochs: 1, batchSize: 8, numSamples: 8 }); // warm-up
    const tensors = tf.memory().numTensors;
    await gan.fit(data.inputs, data.y, {
      epochs: 30,
      batchSize: 8,
      divergence: { checkEvery: 2, rollback: { snapshotEvery: 4, learningRateFactor: 0.5 } },
    });
    expect(gan.rollbacks).toEqual([{ step: 7, what: 'discriminator_yReal_loss', restoredStep: 6 }]);
    expect(lr()).toEqual(before.map((v) => v * 0.5));
    const weights = gan.playerModels[0]!.getWeights().flatMap((w) => Array.from(w.dataSync()));
    expect(weights.every(Number.isFinite)).toBe(true);
    expect(tf.memory().numTensors).toBe(tensors);
    data.dispose();
  });

  it('gives up after maxRetries rollbacks', async () => {
    const gan = seededGan(new Alternating());
    const data = poisonedInputs(Array.from({ length: 100 }, (_, i) => i + 3));
    const err = (await gan
      .fit(data.inputs, data.y, { epochs: 40, batchSize: 8, divergence: { checkEvery: 2, rollback: { maxRetries: 2 } } })
      .catch((e: unknown) => e)) as TrainingDivergedError;
    expect(err).toBeInstanceOf(TrainingDivergedError);
    expect(err.message).toMatch(/after 2 rollback\(s\)/);
    expect(gan.rollbacks).toHaveLength(2);
    data.dispose();
  });

  it('notices a weight that went non-finite', async () => {
    const gan = seededGan(new Alternating());
    const data = seededData(64);
    const err = (await gan
      .fit(data.inputs, data.y, {
        epochs: 2,
        batchSize: 8,
        divergence: { checkEvery: 3 },
        callbacks: [
          {
            onBatchEnd: (b) => {
              const v = gan.getPlayers()[1]!.variables[0]!;
              if (b === 4) v.assign(tf.fill(v.shape, Number.POSITIVE_INFINITY));
            },
          },
        ],
      })
      .catch((e: unknown) => e)) as TrainingDivergedError;
    expect(err).toBeInstanceOf(TrainingDivergedError);
    expect(err.player).toBe('discriminator');
    data.dispose();
  });
});
