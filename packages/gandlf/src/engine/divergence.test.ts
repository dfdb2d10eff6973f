import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { TrainingDivergedError } from '../errors';
import { Model } from '../model/model';
import { Alternating } from './alternating';
import { setLearningRate } from '../optim/weight-clipping';
import { buildGan } from '../helpers/builders';
import { AdversarialModel } from './adversarial-model';
import type { Player } from './player';
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
    const err = (await gan
      .fit(data.inputs, data.y, { epochs: 20, batchSize: 8, shuffle: false, divergence: { checkEvery: 5, checkWeights: false } })
      .catch((e: unknown) => e)) as TrainingDivergedError;
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
    const err = (await gan.fit(data.inputs, data.y, { epochs: 40, batchSize: 8, divergence: { checkEvery: 2, rollback: { maxRetries: 2 } } }).catch((e: unknown) => e)) as TrainingDivergedError;
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

  // The rollback must slow the step the optimizer takes, not only the field it
  // reads: tfjs SGD and momentum step with a cached learning-rate tensor.
  const optimizers: [string, () => tf.Optimizer][] = [
    ['sgd', () => tf.train.sgd(0.05)],
    ['momentum', () => tf.train.momentum(0.05, 0.9)],
    ['rmsprop', () => tf.train.rmsprop(0.01, 0.9, 0, 1e-7)],
    ['adam', () => tf.train.adam(0.01, 0.9, 0.999, 1e-7)],
  ];
  it.each(optimizers)('after a rollback, %s steps half as far from the same state', async (_, make) => {
    const dense = (units: number, seed: number) => tf.layers.dense({ units, kernelInitializer: tf.initializers.glorotUniform({ seed }) });
    const z = tf.input({ shape: [3] });
    const g = tf.model({ inputs: z, outputs: dense(2, 1).apply(z) as tf.SymbolicTensor, name: 'generator' });
    const xIn = tf.input({ shape: [2] });
    const d = tf.model({
      inputs: xIn,
      outputs: tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }).apply(xIn) as tf.SymbolicTensor,
      name: 'discriminator',
    });
    const gan = new AdversarialModel({ baseModel: buildGan(g, d), playerParams: [g.trainableWeights, d.trainableWeights], playerNames: ['generator', 'discriminator'] });
    gan.compile({ adversarialOptimizer: new Alternating(), playerOptimizers: [make(), make()], loss: 'binaryCrossentropy' });
    const rate0 = (gan.getPlayers()[0]!.optimizer as unknown as { learningRate: number }).learningRate;
    const data = poisonedInputs([5]);
    await gan.fit(data.inputs, data.y, { epochs: 12, batchSize: 8, numSamples: 8, divergence: { checkEvery: 2, rollback: { snapshotEvery: 2, learningRateFactor: 0.5 } } });
    expect(gan.rollbacks).toHaveLength(1);
    for (const player of gan.getPlayers()) {
      // The step from the same weights and optimizer state, with the same gradient: now, then at the first rate.
      const after = await stepFrom(player, () => undefined);
      const first = await stepFrom(player, () => setLearningRate(player.optimizer, rate0, 'test'));
      expect(after.length).toBeGreaterThan(0);
      after.forEach((v, i) => expect(v).toBeCloseTo(0.5 * first[i]!, 6));
    }
    data.dispose();
  });
});

/** The update `player` applies for an all-ones gradient; weights and optimizer state are put back afterwards. */
async function stepFrom(player: Player, before: () => void): Promise<number[]> {
  const state = await player.optimizer.getWeights();
  const saved = state.map((w) => ({ name: w.name, tensor: w.tensor.clone() }));
  const weights = player.variables.map((v) => v.clone());
  before();
  player.apply(player.variables.map((v) => tf.onesLike(v)));
  const delta = player.variables.flatMap((v, i) => Array.from(tf.tidy(() => tf.sub(v, weights[i]!)).dataSync()));
  player.variables.forEach((v, i) => v.assign(weights[i]!));
  await player.optimizer.setWeights(saved);
  tf.dispose([...weights, ...saved.map((w) => w.tensor)]);
  return delta;
}
