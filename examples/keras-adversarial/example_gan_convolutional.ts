// keras_adversarial's example_gan_convolutional.py: a convolutional GAN on
// MNIST (upsampling generator, strided-conv discriminator with dropout),
// trained as an AdversarialModel of two players with Simultaneous updates.
//   pnpm example examples/keras-adversarial/example_gan_convolutional.ts [--tiny] [--epochs N]
import * as tf from '@tensorflow/tfjs';
import 'gandlf/node';
import { Random, Simultaneous, train } from 'gandlf';
import { main, type ExampleOptions, type ExampleSpec } from '../support/cli';
import { mnistData } from '../support/data';
import { generatorSampler } from '../support/samplers';
import { disposing, runSettings, type GanRun } from '../support/train';
import { exampleGan } from './example_gan';

export const spec: ExampleSpec = {
  name: 'keras-adversarial/example_gan_convolutional',
  summary: 'A convolutional GAN on MNIST (keras_adversarial example_gan_convolutional.py): two players, Simultaneous updates.',
};

// The Python builds for Theano's channels-first order and converts with
// dim_ordering_*; tfjs is channels-last, so images are [28, 28, 1] throughout.
// Its `BatchNormalization(axis=1)` means the channel axis under 'th' (under
// 'tf' it would normalize over rows), so the layers here normalize axis -1.
// `mode=2` is Keras 1 only: keras_adversarial.legacy drops it on Keras 2.

/** The Python's `model_generator()`: z -> Dense(nch·14·14) -> 14x14xnch -> upsample to 28x28 -> convs -> [28, 28, 1] in [0, 1]. */
export function modelGenerator(latentDim = 100, nch = 256): tf.Sequential {
  return tf.sequential({
    name: 'generator',
    layers: [
      tf.layers.dense({ units: nch * 14 * 14, inputShape: [latentDim] }),
      tf.layers.batchNormalization(),
      tf.layers.activation({ activation: 'relu' }),
      tf.layers.reshape({ targetShape: [14, 14, nch] }),
      tf.layers.upSampling2d({ size: [2, 2] }),
      tf.layers.conv2d({ filters: nch / 2, kernelSize: 3, padding: 'same' }),
      tf.layers.batchNormalization({ axis: -1 }),
      tf.layers.activation({ activation: 'relu' }),
      tf.layers.conv2d({ filters: nch / 4, kernelSize: 3, padding: 'same' }),
      tf.layers.batchNormalization({ axis: -1 }),
      tf.layers.activation({ activation: 'relu' }),
      tf.layers.conv2d({ filters: 1, kernelSize: 1, padding: 'same' }),
      tf.layers.activation({ activation: 'sigmoid' }),
    ],
  });
}

/** The Python's `model_discriminator(input_shape, dropout_rate)`: two strided 5x5 convs, a dense layer, dropout after each, a sigmoid score. */
export function modelDiscriminator(inputShape: number[] = [28, 28, 1], dropoutRate = 0.5, nch = 512): tf.Sequential {
  return tf.sequential({
    name: 'discriminator',
    layers: [
      // relu and then LeakyReLU, as the Python has it: the leak never sees a negative value.
      tf.layers.conv2d({ filters: nch / 2, kernelSize: 5, strides: 2, padding: 'same', activation: 'relu', inputShape, name: 'input_x_conv' }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.dropout({ rate: dropoutRate }),
      tf.layers.conv2d({ filters: nch, kernelSize: 5, strides: 2, padding: 'same', activation: 'relu' }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.dropout({ rate: dropoutRate }),
      tf.layers.flatten(),
      tf.layers.dense({ units: nch / 2 }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.dropout({ rate: dropoutRate }),
      tf.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
}

// A tiny run trains on one batch per epoch, not the 256-image slice: the cpu
// backend's Conv2DBackpropFilter is a scalar loop (about 0.4 µs a multiply-add
// here), so even 4 channels at 28x28 cost about 50 ms an image.
const TINY_IMAGES = 32;

/** The Python's `__main__`: the convolutional GAN on MNIST, Simultaneous updates, Adam(1e-4, decay=1e-4) and Adam(1e-3, decay=1e-4). */
export async function run(options: ExampleOptions = {}): Promise<GanRun> {
  const settings = runSettings(spec, options, 100);
  const { tiny, out, epochs } = settings;
  const latentDim = tiny ? 16 : 100;
  const data = await mnistData(tiny ? { limit: TINY_IMAGES } : {});
  // dim_ordering_fix(x.reshape((-1, 1, 28, 28))): channels-last [n, 28, 28, 1].
  const images = { xtrain: data.xtrain.reshape([-1, 28, 28, 1]), xtest: data.xtest.reshape([-1, 28, 28, 1]) };
  const nets = { generator: modelGenerator(latentDim, tiny ? 4 : 256), discriminator: modelDiscriminator([28, 28, 1], 0.5, tiny ? 4 : 512) };
  const optimizers = { optG: train.adam({ lr: 1e-4, decay: 1e-4 }), optD: train.adam({ lr: 1e-3, decay: 1e-4 }) };
  // ImageGridCallback('epoch-{:03d}.png', generator_sampler(latent_dim, generator)): 100 fresh draws every
  // epoch, as a 10x10 grid in matplotlib's default 'gray'; seeded apart from training's own stream.
  const sampler = generatorSampler(nets.generator, latentDim, new Random(settings.seed));
  const args = { adversarialOptimizer: new Simultaneous(), path: out, ...optimizers, epochs, ...nets, latentDim, data: images, sampler };
  return disposing([...Object.values(images), ...Object.values(data)], () => exampleGan(args, settings));
}

await main(import.meta, spec, run);
