// keras_adversarial's example_bigan.py: a BiGAN on MNIST. The generator maps
// z to x, the encoder x to z, and the discriminator scores (z, x) pairs; the
// generator and the encoder are one player, the discriminator the other.
//   pnpm example examples/keras-adversarial/example_bigan.ts [--tiny] [--epochs N]
import * as tf from '@tensorflow/tfjs';
import 'gandlf/node';
import { helpers, Simultaneous, train, type AdversarialOptimizer } from 'gandlf';
import { main, type ExampleOptions, type ExampleSpec } from '../support/cli';
import { mnistData } from '../support/data';
import { GaussianSample } from '../support/layers';
import { runSettings, trainEncoderGame, type GanRun } from '../support/train';
import { modelGenerator } from './example_gan';

export const spec: ExampleSpec = {
  name: 'keras-adversarial/example_bigan',
  summary: 'A BiGAN on MNIST (keras_adversarial example_bigan.py): generator+encoder against a (z, x) discriminator, Simultaneous updates.',
};

/**
 * Keras 1's `BatchNormalization(mode)`, which keras_adversarial's examples use. Mode 0 is
 * batch normalization. Mode 1 normalizes each sample over its features: layer normalization
 * (Keras 1 divides by sqrt(var + ε) + ε, tfjs by sqrt(var + ε)). Mode 2 is batch normalization
 * with batch statistics at inference too; tfjs's reads its moving averages there, so mode 2
 * differs only in `predict` and validation.
 */
export const batchNorm = (mode: 0 | 1 | 2): tf.layers.Layer => (mode === 1 ? tf.layers.layerNormalization({ epsilon: 1e-3 }) : tf.layers.batchNormalization({ epsilon: 1e-3, momentum: 0.99 }));
export const leaky = () => tf.layers.leakyReLU({ alpha: 0.2 });
export const apply = (layer: tf.layers.Layer, h: tf.SymbolicTensor) => layer.apply(h) as tf.SymbolicTensor;

/** The Python's `model_encoder`: x -> three Dense+BN+LeakyReLU -> (mu, log σ²) -> a sampled z. */
export function modelEncoder(latentDim: number, inputShape: number[], hiddenDim = 1024, reg = () => tf.regularizers.l1l2({ l1: 1e-5, l2: 0 }), batchNormMode: 0 | 1 | 2 = 0): tf.LayersModel {
  const x = tf.input({ shape: inputShape, name: 'x' });
  let h = apply(tf.layers.flatten(), x);
  [1, 2, 4].forEach((div, k) => {
    h = apply(tf.layers.dense({ units: hiddenDim / div, name: `encoder_h${k + 1}`, kernelRegularizer: reg() }), h);
    h = apply(leaky(), apply(batchNorm(batchNormMode), h));
  });
  const mu = apply(tf.layers.dense({ units: latentDim, name: 'encoder_mu', kernelRegularizer: reg() }), h);
  const logSigmaSq = apply(tf.layers.dense({ units: latentDim, name: 'encoder_log_sigma_sq', kernelRegularizer: reg() }), h);
  const z = new GaussianSample({ name: 'encoder_z' }).apply([mu, logSigmaSq]) as tf.SymbolicTensor;
  return tf.model({ inputs: x, outputs: z, name: 'encoder' });
}

/**
 * The Python's `model_discriminator`: (z, x) -> three Dense(hiddenDim)+norm+LeakyReLU -> sigmoid.
 * Two models share every weight: the training one with dropout after each
 * block (the discriminator's own view), the testing one without (the generator's view).
 */
export function modelDiscriminator(
  latentDim: number,
  inputShape: number[],
  outputDim = 1,
  hiddenDim = 2048,
  reg = () => tf.regularizers.l1l2({ l1: 1e-7, l2: 1e-7 }),
  batchNormMode: 0 | 1 | 2 = 1,
  dropout = 0.5,
): { train: tf.LayersModel; test: tf.LayersModel } {
  const z = tf.input({ shape: [latentDim], name: 'z' });
  const x = tf.input({ shape: inputShape, name: 'x' });
  const h = tf.layers.concatenate().apply([z, apply(tf.layers.flatten(), x)]) as tf.SymbolicTensor;
  const blocks = [1, 2, 3].map((k) => [tf.layers.dense({ units: hiddenDim, name: `discriminator_h${k}`, kernelRegularizer: reg() }), batchNorm(batchNormMode)] as const);
  const y = tf.layers.dense({ units: outputDim, name: 'discriminator_y', activation: 'sigmoid', kernelRegularizer: reg() });
  const head = (withDropout: boolean) => {
    let t = h;
    for (const [dense, norm] of blocks) {
      t = apply(leaky(), apply(norm, apply(dense, t)));
      if (withDropout) t = apply(tf.layers.dropout({ rate: dropout }), t);
    }
    return apply(y, t);
  };
  return {
    train: tf.model({ inputs: [z, x], outputs: head(true), name: 'discriminator_train' }),
    test: tf.model({ inputs: [z, x], outputs: head(false), name: 'discriminator_test' }),
  };
}

/** The Python's `example_bigan(path, adversarial_optimizer)`; `main` runs it with Simultaneous. */
export async function exampleBigan(options: ExampleOptions, adversarialOptimizer: AdversarialOptimizer): Promise<GanRun> {
  const settings = runSettings(spec, options, 100);
  const latentDim = 25;
  const inputShape = [28, 28];
  // Tiny: narrow networks and 128 digits (4 batches), so two epochs take seconds on cpu.
  const hidden = settings.tiny ? 32 : 1024;
  const data = await mnistData(settings.tiny ? { limit: 128 } : {});
  const generator = modelGenerator(latentDim, inputShape, hidden);
  const encoder = modelEncoder(latentDim, inputShape, hidden);
  const discriminator = modelDiscriminator(latentDim, inputShape, 1, settings.tiny ? 32 : 2048);
  // bigan_generator and bigan_discriminator: each player sees the game through its own model, the generator's
  // without dropout, the discriminator's with it (`simple_bigan` with either discriminator). z is drawn from
  // the batch of x (the Python's eliminate-z step). Both views are built on one x and share their named
  // output layers, so they save as one checkpoint (layer names must be unique across the players' models).
  const x = tf.input({ shape: inputShape, name: 'x' });
  const z = helpers.normalLatentSampling([latentDim]).apply(x) as tf.SymbolicTensor;
  const xFake = generator.apply(z) as tf.SymbolicTensor;
  const zReal = encoder.apply(x) as tf.SymbolicTensor;
  const [yfake, yreal] = ['yfake', 'yreal'].map((name) => tf.layers.activation({ activation: 'linear', name }));
  const playerView = (d: tf.LayersModel, name: string) =>
    tf.model({ inputs: x, outputs: [apply(yfake!, d.apply([z, xFake]) as tf.SymbolicTensor), apply(yreal!, d.apply([zReal, x]) as tf.SymbolicTensor)], name });
  const biganGenerator = playerView(discriminator.test, 'bigan_generator');
  const biganDiscriminator = playerView(discriminator.train, 'bigan_discriminator');
  // The Python's Adam(lr, decay=1e-4): Keras's time-based decay, lr / (1 + decay · t).
  const compile = { adversarialOptimizer, playerOptimizers: [train.adam({ lr: 1e-4, decay: 1e-4 }), train.adam({ lr: 1e-3, decay: 1e-4 })], loss: 'binaryCrossentropy' } as const;
  const nets = { generator, encoder, discriminator: discriminator.train };
  return trainEncoderGame({ nets, game: { playerModels: [biganGenerator, biganDiscriminator] }, shown: biganDiscriminator, compile, latentDim, data, cmap: 'gray' }, settings);
}

export function run(options: ExampleOptions = {}): Promise<GanRun> {
  return exampleBigan(options, new Simultaneous());
}

await main(import.meta, spec, run);
