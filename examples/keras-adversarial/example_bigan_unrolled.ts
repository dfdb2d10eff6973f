// keras_adversarial's example_bigan_unrolled.py: a second BiGAN on MNIST,
// with z drawn inside the model (`simple_bigan` with latent sampling), one
// discriminator with dropout that both players see, and stronger regularizers.
//   pnpm example examples/keras-adversarial/example_bigan_unrolled.ts [--tiny] [--epochs N]
//
// Despite its name, the Python trains with AdversarialOptimizerSimultaneous: it
// imports nothing unrolled, and nothing else in it says how deep an unrolling
// would be. We run what it runs. (It also writes to output/bigan, over
// example_bigan's files; here each example has its own folder.)
import * as tf from '@tensorflow/tfjs';
import 'gandlf/node';
import { helpers, Simultaneous, train } from 'gandlf';
import { main, type ExampleOptions, type ExampleSpec } from '../support/cli';
import { mnistData } from '../support/data';
import { runSettings, trainEncoderGame, type GanRun } from '../support/train';
import { apply, batchNorm, leaky, modelEncoder } from './example_bigan';
import { modelGenerator } from './example_gan';

export const spec: ExampleSpec = {
  name: 'keras-adversarial/example_bigan_unrolled',
  summary: 'A BiGAN on MNIST with z drawn inside the model (keras_adversarial example_bigan_unrolled.py): Simultaneous updates, as the Python runs it.',
};

/** The Python's `model_discriminator`: (z, x) -> Dense(h, h/2, h/4) each with norm, LeakyReLU and dropout -> sigmoid. */
export function modelDiscriminator(
  latentDim: number,
  inputShape: number[],
  outputDim = 1,
  hiddenDim = 1024,
  reg = () => tf.regularizers.l1l2({ l1: 1e-4, l2: 1e-4 }),
  batchNormMode: 0 | 1 | 2 = 1,
): tf.LayersModel {
  const z = tf.input({ shape: [latentDim], name: 'z' });
  const x = tf.input({ shape: inputShape, name: 'x' });
  let h = tf.layers.concatenate().apply([z, apply(tf.layers.flatten(), x)]) as tf.SymbolicTensor;
  [1, 2, 4].forEach((div, k) => {
    h = apply(tf.layers.dense({ units: hiddenDim / div, name: `discriminator_h${k + 1}`, kernelRegularizer: reg() }), h);
    h = apply(tf.layers.dropout({ rate: 0.5 }), apply(leaky(), apply(batchNorm(batchNormMode), h)));
  });
  const y = apply(tf.layers.dense({ units: outputDim, name: 'discriminator_y', activation: 'sigmoid', kernelRegularizer: reg() }), h);
  return tf.model({ inputs: [z, x], outputs: y, name: 'discriminator' });
}

export async function run(options: ExampleOptions = {}): Promise<GanRun> {
  const settings = runSettings(spec, options, 100);
  const latentDim = settings.tiny ? 16 : 100;
  const inputShape = [28, 28];
  // Tiny: narrow networks and 128 digits (4 batches), so two epochs take seconds on cpu.
  const hidden = settings.tiny ? 32 : 1024;
  const data = await mnistData(settings.tiny ? { limit: 128 } : {});
  const nets = {
    generator: modelGenerator(latentDim, inputShape, hidden),
    // l1(1e-5) and Keras 1's batch-statistics mode 2 (see batchNorm in example_bigan.ts).
    encoder: modelEncoder(latentDim, inputShape, hidden, () => tf.regularizers.l1({ l1: 1e-5 }), 2),
    discriminator: modelDiscriminator(latentDim, inputShape, 1, hidden),
  };
  // x -> [yFake, yReal], z drawn on the device from the batch of x.
  const bigan = helpers.simpleBigan(nets.generator, nets.encoder, nets.discriminator, helpers.normalLatentSampling([latentDim]));
  // The Python's Adam(lr, decay=1e-4): Keras's time-based decay, lr / (1 + decay · t).
  const compile = { adversarialOptimizer: new Simultaneous(), playerOptimizers: [train.adam({ lr: 1e-4, decay: 1e-4 }), train.adam({ lr: 1e-3, decay: 1e-4 })], loss: 'binaryCrossentropy' } as const;
  return trainEncoderGame({ nets, game: { baseModel: bigan }, shown: bigan, compile, latentDim, data, cmap: 'gray' }, settings);
}

await main(import.meta, spec, run);
