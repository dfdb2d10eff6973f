import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { buildGan } from '../helpers/builders';
import { ganTargets } from '../helpers/targets';
import { Model } from '../model/model';
import { Alternating } from './alternating';
import { AdversarialModel } from './adversarial-model';

// Keras evaluates with `training: false`: dropout off, batch normalization
// reading its moving statistics and updating nothing. So do `evaluate` and
// `fit({ validationData })`.

/** G and D with dropout and batch normalization, seeded. */
function nets() {
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });
  const generator = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [3], units: 8, kernelInitializer: init(1) }),
      tf.layers.batchNormalization({ name: 'g_bn' }),
      tf.layers.dropout({ rate: 0.5, seed: 1 }),
      tf.layers.dense({ units: 2, kernelInitializer: init(2) }),
    ],
    name: 'generator',
  });
  const discriminator = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [2], units: 8, kernelInitializer: init(3) }),
      tf.layers.batchNormalization({ name: 'd_bn' }),
      tf.layers.dropout({ rate: 0.5, seed: 2 }),
      tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: init(4) }),
    ],
    name: 'discriminator',
  });
  return { generator, discriminator };
}

/** Every batch normalization layer's moving mean and variance, flattened. */
const movingStats = (...models: tf.LayersModel[]) =>
  models.flatMap((m) =>
    m.layers
      .filter((l) => l.getClassName() === 'BatchNormalization')
      .flatMap((l) =>
        l
          .getWeights()
          .slice(2)
          .flatMap((w) => Array.from(w.dataSync())),
      ),
  );

describe('evaluation runs the networks in inference mode', () => {
  it('Model.evaluate: two calls give the same losses and change no moving statistic', async () => {
    const { generator, discriminator } = nets();
    const model = new Model({ generator, discriminator });
    model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
    const z = tf.randomNormal([32, 3], 0, 1, 'float32', 5);
    const x = tf.randomNormal([32, 2], 1, 0.5, 'float32', 6);
    await model.fit([z, x], ['zeros', 'ones'], { epochs: 1, batchSize: 8 });
    const stats = movingStats(generator, discriminator);
    const before = tf.memory().numTensors;
    const a = await model.evaluate([z, x], ['zeros', 'ones'], { batchSize: 8 });
    const b = await model.evaluate([z, x], ['zeros', 'ones'], { batchSize: 8 });
    expect(tf.memory().numTensors).toBe(before);
    expect(b).toEqual(a);
    expect(movingStats(generator, discriminator)).toEqual(stats);
    // The scores are D's inference-mode outputs: the same as `predict`.
    const scores = model.predict([x]) as tf.Tensor;
    const expected = tf.tidy(() => tf.metrics.binaryCrossentropy(tf.zerosLike(scores), scores).mean().dataSync()[0]!);
    const real = Object.keys(a).find((k) => /^discriminator_.*_real_loss$/.test(k))!;
    expect(a[real]).toBeCloseTo(expected, 4);
    tf.dispose([z, x, scores]);
    model.dispose();
  });

  it('fit({ validationData }): val_ logs equal evaluate on the same data, and validation updates no statistic', async () => {
    const { generator, discriminator } = nets();
    const model = new Model({ generator, discriminator });
    model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
    const z = tf.randomNormal([16, 3], 0, 1, 'float32', 7);
    const x = tf.randomNormal([16, 2], 1, 0.5, 'float32', 8);
    let statsAtEpochEnd: number[] = [];
    const history = await model.fit([z, x], ['zeros', 'ones'], {
      epochs: 1,
      batchSize: 8,
      validationData: [
        [z, x],
        ['zeros', 'ones'],
      ],
      // Validation runs after the last batch and before onEpochEnd.
      callbacks: [{ onBatchEnd: async () => void (statsAtEpochEnd = movingStats(generator, discriminator)) }],
    });
    expect(movingStats(generator, discriminator)).toEqual(statsAtEpochEnd);
    const logs = await model.evaluate([z, x], ['zeros', 'ones'], { batchSize: 32 });
    for (const [k, v] of Object.entries(logs)) expect(history.history[`val_${k}`]![0]).toBeCloseTo(v, 4);
    tf.dispose([z, x]);
    model.dispose();
  });

  it('AdversarialModel.evaluate: deterministic, and the statistics stay as they were', async () => {
    const { generator, discriminator } = nets();
    const gan = new AdversarialModel({
      baseModel: buildGan(generator, discriminator),
      playerParams: [generator.trainableWeights, discriminator.trainableWeights],
      playerNames: ['generator', 'discriminator'],
    });
    gan.compile({ adversarialOptimizer: new Alternating(), playerOptimizers: ['adam', 'adam'], loss: 'binaryCrossentropy' });
    const z = tf.randomNormal([16, 3], 0, 1, 'float32', 9);
    const x = tf.randomNormal([16, 2], 1, 0.5, 'float32', 10);
    const y = ganTargets(16);
    await gan.fit([z, x], y, { epochs: 1, batchSize: 8 });
    const stats = movingStats(generator, discriminator);
    const a = await gan.evaluate([z, x], y);
    const b = await gan.evaluate([z, x], y);
    expect(b).toEqual(a);
    expect(movingStats(generator, discriminator)).toEqual(stats);
    tf.dispose([z, x, ...y]);
    gan.dispose();
  });
});
