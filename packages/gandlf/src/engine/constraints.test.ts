import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { buildGan } from '../helpers/builders';
import { ganTargets } from '../helpers/targets';
import { Model } from '../model/model';
import { Alternating } from './alternating';
import { AdversarialModel } from './adversarial-model';

// Keras projects every weight through its layer's constraint after each update;
// tfjs's optimizers do not, so the players must.

function nets() {
  const generator = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 8, activation: 'relu' }), tf.layers.dense({ units: 2 })], name: 'generator' });
  const discriminator = tf.sequential({
    name: 'discriminator',
    layers: [
      // Start far outside the constraint: one step must bring the kernel back inside.
      tf.layers.dense({ inputShape: [2], units: 8, activation: 'relu', kernelInitializer: tf.initializers.constant({ value: -0.5 }), kernelConstraint: tf.constraints.nonNeg() }),
      tf.layers.dense({ units: 1, activation: 'sigmoid', kernelConstraint: tf.constraints.maxNorm({ maxValue: 0.1, axis: 0 }) }),
    ],
  });
  return { generator, discriminator };
}

const expectConstrained = (d: tf.LayersModel) => {
  const [k1, , k2] = d.getWeights();
  expect(Math.min(...k1!.dataSync())).toBeGreaterThanOrEqual(0);
  expect(tf.norm(k2!).dataSync()[0]!).toBeLessThanOrEqual(0.1 + 1e-5);
};

describe('weight constraints', () => {
  it("gandlf's Model projects D's kernels through their constraints after each step", async () => {
    const { generator, discriminator } = nets();
    const model = new Model({ generator, discriminator });
    model.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy' });
    const x = tf.randomNormal([16, 2], 0, 1, 'float32', 1);
    await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 1, batchSize: 16, verbose: false });
    expectConstrained(discriminator);
    x.dispose();
    model.dispose();
  });

  it('an AdversarialModel player applies the constraints of the weights it owns, with numTensors flat', async () => {
    const { generator, discriminator } = nets();
    const gan = new AdversarialModel({
      baseModel: buildGan(generator, discriminator),
      playerParams: [generator.trainableWeights, discriminator.trainableWeights],
      playerNames: ['generator', 'discriminator'],
    });
    gan.compile({ adversarialOptimizer: new Alternating(), playerOptimizers: ['sgd', 'sgd'], loss: 'binaryCrossentropy' });
    const z = tf.randomNormal([16, 2], 0, 1, 'float32', 2);
    const x = tf.randomNormal([16, 2], 0, 1, 'float32', 3);
    const y = ganTargets(16);
    await gan.fit([z, x], y, { epochs: 1, batchSize: 16, verbose: false });
    expectConstrained(discriminator);
    const before = tf.memory().numTensors;
    await gan.fit([z, x], y, { epochs: 2, batchSize: 8, verbose: false });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([z, x, ...y]);
    gan.dispose();
  });
});
