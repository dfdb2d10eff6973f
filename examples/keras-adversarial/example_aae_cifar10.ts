// keras_adversarial's example_aae_cifar10.py: a convolutional adversarial
// autoencoder on CIFAR-10, trained as example_aae.ts trains its MLP one.
//   pnpm example examples/keras-adversarial/example_aae_cifar10.ts --data DIR [--tiny] [--epochs N]
//
// The Python builds for either image ordering through dim_ordering_*; tfjs is
// channels-last, so images are [32, 32, 3] throughout and `dim_ordering_shape((units, 4, 4))` is [4, 4, units].
import * as tf from '@tensorflow/tfjs';
import 'gandlf/node';
import { Simultaneous, train } from 'gandlf';
import { main, type ExampleOptions, type ExampleSpec } from '../support/cli';
import { cifar10Data, TINY } from '../support/data';
import { GaussianSample } from '../support/layers';
import { runSettings, type GanRun } from '../support/train';
import { trainAae } from './example_aae';

export const spec: ExampleSpec = {
  name: 'keras-adversarial/example_aae_cifar10',
  summary: 'A convolutional adversarial autoencoder on CIFAR-10 (keras_adversarial example_aae_cifar10.py): Simultaneous updates.',
  notes: ['CIFAR-10 is read from --data DIR: the binary version (data_batch_1.bin … data_batch_5.bin, test_batch.bin) from https://www.cs.toronto.edu/~kriz/cifar.html.'],
};

const reg = () => tf.regularizers.l1l2({ l1: 1e-7, l2: 1e-7 });
const leaky = () => tf.layers.leakyReLU({ alpha: 0.2 });
const conv = (filters: number, k = 5) => tf.layers.conv2d({ filters, kernelSize: k, padding: 'same', kernelRegularizer: reg() });
const apply = (layer: tf.layers.Layer, h: tf.SymbolicTensor) => layer.apply(h) as tf.SymbolicTensor;

/** The Python's `model_generator` ("decoder"): z -> 4x4xunits -> three 5x5 convs with 2x upsampling -> [32, 32, 3] in [0, 1]. */
export function modelGenerator(latentDim: number, units = 512): tf.Sequential {
  return tf.sequential({
    name: 'decoder',
    layers: [
      tf.layers.dense({ units: units * 4 * 4, inputShape: [latentDim], kernelRegularizer: reg() }),
      tf.layers.reshape({ targetShape: [4, 4, units] }),
      leaky(),
      conv(units / 2),
      leaky(),
      tf.layers.upSampling2d({ size: [2, 2] }),
      conv(units / 2),
      leaky(),
      tf.layers.upSampling2d({ size: [2, 2] }),
      conv(units / 4),
      leaky(),
      tf.layers.upSampling2d({ size: [2, 2] }),
      conv(3),
      tf.layers.activation({ activation: 'sigmoid' }),
    ],
  });
}

/** The Python's `model_encoder`: three 5x5 convs each with 2x max pooling, a fourth conv, then (mu, log σ²) -> a sampled z. */
export function modelEncoder(latentDim: number, inputShape: number[], units = 512): tf.LayersModel {
  const x = tf.input({ shape: inputShape });
  let h = x;
  for (const filters of [units / 4, units / 2, units / 2]) h = apply(leaky(), apply(tf.layers.maxPooling2d({ poolSize: [2, 2] }), apply(conv(filters), h)));
  h = apply(tf.layers.flatten(), apply(leaky(), apply(conv(units), h)));
  const mu = apply(tf.layers.dense({ units: latentDim, name: 'encoder_mu', kernelRegularizer: reg() }), h);
  const logSigmaSq = apply(tf.layers.dense({ units: latentDim, name: 'encoder_log_sigma_sq', kernelRegularizer: reg() }), h);
  return tf.model({ inputs: x, outputs: new GaussianSample({ name: 'encoder_z' }).apply([mu, logSigmaSq]) as tf.SymbolicTensor, name: 'encoder' });
}

/** The Python's `model_discriminator`: z -> Dense(units, units/2, units/2) with LeakyReLU -> sigmoid. */
export function modelDiscriminator(latentDim: number, outputDim = 1, units = 256): tf.LayersModel {
  const z = tf.input({ shape: [latentDim] });
  let h = z;
  [1, 2, 2].forEach((div, k) => (h = apply(leaky(), apply(tf.layers.dense({ units: units / div, name: `discriminator_h${k + 1}`, kernelRegularizer: reg() }), h))));
  const y = apply(tf.layers.dense({ units: outputDim, name: 'discriminator_y', activation: 'sigmoid', kernelRegularizer: reg() }), h);
  return tf.model({ inputs: z, outputs: y, name: 'discriminator' });
}

export async function run(options: ExampleOptions = {}): Promise<GanRun> {
  const settings = runSettings(spec, options, 100);
  const { tiny } = settings;
  // Tiny: a few channels and a slice of the data, so two epochs take seconds on cpu.
  const latentDim = tiny ? 16 : 256;
  const units = tiny ? 4 : 512;
  const data = await cifar10Data(options.data, tiny ? { limit: TINY.train } : {});
  const nets = {
    generator: modelGenerator(latentDim, units),
    encoder: modelEncoder(latentDim, [32, 32, 3], units),
    // The Python passes units=512 to a discriminator whose default is 256.
    discriminator: modelDiscriminator(latentDim, 1, units),
  };
  return trainAae(
    {
      nets,
      latentDim,
      // The Python's Adam(lr, decay=1e-4): Keras's time-based decay, lr / (1 + decay · t).
      playerOptimizers: [train.adam({ lr: 3e-4, decay: 1e-4 }), train.adam({ lr: 1e-3, decay: 1e-4 })],
      lossWeights: { yfake: 1e-1, yreal: 1e-1, xpred: 1e2 },
      data,
      // Colour images: the Python's cmap=None (matplotlib ignores a colour map on RGB).
    },
    new Simultaneous(),
    settings,
  );
}

await main(import.meta, spec, run);
