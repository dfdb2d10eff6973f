import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { buildGan } from '../helpers/builders';
import { ganTargets } from '../helpers/targets';
import { Model } from '../model/model';
import { Simultaneous } from './simultaneous';
import { AdversarialModel } from './adversarial-model';

// Keras adds each model's `losses` (kernel and bias regularizers) to the loss it
// differentiates; so must every player, for the weights it owns.

const LAMBDA = 100;
const LR = 0.01;
const W_G = 0.5;
const W_D = 0.3;

type Regularized = 'none' | 'generator' | 'discriminator';

/** One-unit linear G and sigmoid D with constant kernels, optionally L2-regularized. */
function nets(regularized: Regularized) {
  const layer = (name: string, w: number, reg: boolean, activation?: 'sigmoid') =>
    tf.layers.dense({
      units: 1,
      useBias: false,
      kernelInitializer: tf.initializers.constant({ value: w }),
      ...(reg ? { kernelRegularizer: tf.regularizers.l2({ l2: LAMBDA }) } : {}),
      ...(activation ? { activation } : {}),
      name,
    });
  const generator = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [1] }), layer('g_dense', W_G, regularized === 'generator')], name: 'generator' });
  const discriminator = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [1] }), layer('d_dense', W_D, regularized === 'discriminator', 'sigmoid')], name: 'discriminator' });
  return { generator, discriminator };
}

const kernel = (m: tf.LayersModel) => m.getWeights()[0]!.dataSync()[0]!;

/** Trains one batch on a fresh `Model` and returns both kernels after it and the step's logs. */
async function modelStep(regularized: Regularized) {
  const { generator, discriminator } = nets(regularized);
  const model = new Model({ generator, discriminator });
  model.compile({ optimizer: tf.train.sgd(LR), loss: 'meanSquaredError' });
  const z = tf.tensor2d([[1], [-2], [0.5], [3]]);
  const x = tf.tensor2d([[0.2], [1.5], [-1], [2]]);
  const logs = await model.trainOnBatch([z, x], ['zeros', 'ones']);
  const out = { g: kernel(generator), d: kernel(discriminator), logs, names: model.metricsNames };
  tf.dispose([z, x]);
  model.dispose();
  return out;
}

/** The same for an `AdversarialModel` over `buildGan`: each player runs its own model (no shared pass). */
async function adversarialStep(regularized: Regularized) {
  const { generator, discriminator } = nets(regularized);
  const gan = new AdversarialModel({
    baseModel: buildGan(generator, discriminator),
    playerParams: [generator.trainableWeights, discriminator.trainableWeights],
    playerNames: ['generator', 'discriminator'],
  });
  gan.compile({ adversarialOptimizer: new Simultaneous(), playerOptimizers: [tf.train.sgd(LR), tf.train.sgd(LR)], loss: 'meanSquaredError' });
  const z = tf.tensor2d([[1], [-2], [0.5], [3]]);
  const x = tf.tensor2d([[0.2], [1.5], [-1], [2]]);
  const y = ganTargets(4);
  const logs = await gan.trainOnBatch([z, x], y);
  const out = { g: kernel(generator), d: kernel(discriminator), logs, names: gan.metricsNames };
  tf.dispose([z, x, ...y]);
  gan.dispose();
  return out;
}

describe.each([
  ['Model (Simultaneous, shared generator pass)', modelStep],
  ['AdversarialModel (Simultaneous, one pass per player)', adversarialStep],
])('weight regularizers in %s', (_, step) => {
  it("a regularized generator: its kernel moves by exactly lr·2λw more, D's step is unchanged, and the term is logged", async () => {
    const plain = await step('none');
    const reg = await step('generator');
    // d/dw of λw² is 2λw: one SGD step moves the kernel by lr·2λw more than without it.
    expect(reg.g).toBeCloseTo(plain.g - LR * 2 * LAMBDA * W_G, 4);
    expect(reg.d).toBeCloseTo(plain.d, 6);
    expect(reg.names).toContain('generator_regularization_loss');
    expect(reg.names).not.toContain('discriminator_regularization_loss');
    expect(plain.names).not.toContain('generator_regularization_loss');
    const term = LAMBDA * W_G * W_G;
    expect(reg.logs['generator_regularization_loss']).toBeCloseTo(term, 4);
    // Inside the player's loss and the total, as Keras logs it.
    expect(reg.logs['generator_loss']!).toBeCloseTo(plain.logs['generator_loss']! + term, 3);
    expect(reg.logs['loss']!).toBeCloseTo(plain.logs['loss']! + term, 3);
    expect(reg.logs['discriminator_loss']!).toBeCloseTo(plain.logs['discriminator_loss']!, 5);
  });

  it('a regularized discriminator: counted once (though D runs on real and fake data), for D alone', async () => {
    const plain = await step('none');
    const reg = await step('discriminator');
    expect(reg.d).toBeCloseTo(plain.d - LR * 2 * LAMBDA * W_D, 4);
    expect(reg.g).toBeCloseTo(plain.g, 6);
    const term = LAMBDA * W_D * W_D;
    expect(reg.logs['discriminator_regularization_loss']).toBeCloseTo(term, 4);
    expect(reg.logs['discriminator_loss']!).toBeCloseTo(plain.logs['discriminator_loss']! + term, 3);
    expect(reg.names).not.toContain('generator_regularization_loss');
    expect(reg.logs['generator_loss']!).toBeCloseTo(plain.logs['generator_loss']!, 5);
  });
});

describe('weight regularizers', () => {
  it('count in evaluate too, and leak no tensors over steps', async () => {
    const { generator, discriminator } = nets('generator');
    const model = new Model({ generator, discriminator });
    model.compile({ optimizer: tf.train.sgd(1e-4), loss: 'meanSquaredError' });
    const z = tf.randomNormal([8, 1], 0, 1, 'float32', 1);
    const x = tf.randomNormal([8, 1], 0, 1, 'float32', 2);
    await model.fit([z, x], ['zeros', 'ones'], { epochs: 1, batchSize: 4 });
    const before = tf.memory().numTensors;
    await model.fit([z, x], ['zeros', 'ones'], { epochs: 3, batchSize: 4 });
    expect(tf.memory().numTensors).toBe(before);
    const w = kernel(generator);
    const logs = await model.evaluate([z, x], ['zeros', 'ones']);
    expect(logs['generator_regularization_loss']).toBeCloseTo(LAMBDA * w * w, 3);
    tf.dispose([z, x]);
    model.dispose();
  });

  it('a wrapped or nested layer counts for the player that owns its weights', async () => {
    const inner = tf.sequential({
      layers: [tf.layers.dense({ inputShape: [1], units: 1, useBias: false, kernelInitializer: tf.initializers.constant({ value: W_G }), kernelRegularizer: tf.regularizers.l2({ l2: LAMBDA }) })],
      name: 'inner',
    });
    const zIn = tf.input({ shape: [1] });
    const generator = tf.model({ inputs: zIn, outputs: inner.apply(zIn) as tf.SymbolicTensor, name: 'generator' });
    const { discriminator } = nets('none');
    const model = new Model({ generator, discriminator });
    model.compile({ optimizer: tf.train.sgd(LR), loss: 'meanSquaredError' });
    expect(model.metricsNames).toContain('generator_regularization_loss');
    const z = tf.tensor2d([[1]]);
    const x = tf.tensor2d([[0]]);
    const logs = await model.trainOnBatch([z, x], ['zeros', 'ones']);
    expect(logs['generator_regularization_loss']).toBeCloseTo(LAMBDA * W_G * W_G, 4);
    tf.dispose([z, x]);
    model.dispose();
  });
});
