// keras_adversarial's example_gan_cifar10.py: a convolutional GAN on
// CIFAR-10 (upsampling generator, max-pooling discriminator), trained as an
// AdversarialModel of two players with Simultaneous updates.
//   pnpm example examples/keras-adversarial/example_gan_cifar10.ts --data DIR [--tiny] [--epochs N]
import * as tf from '@tensorflow/tfjs';
import 'gandlf/node';
import { Simultaneous, train } from 'gandlf';
import { main, type ExampleOptions, type ExampleSpec } from '../support/cli';
import { cifar10Data } from '../support/data';
import { disposing, runSettings, type GanRun } from '../support/train';
import { exampleGan } from './example_gan';

export const spec: ExampleSpec = {
  name: 'keras-adversarial/example_gan_cifar10',
  summary: 'A convolutional GAN on CIFAR-10 (keras_adversarial example_gan_cifar10.py): two players, Simultaneous updates.',
  notes: ['Reads CIFAR-10 from --data DIR: the binary version (data_batch_1.bin … data_batch_5.bin, test_batch.bin) from https://www.cs.toronto.edu/~kriz/cifar.html.'],
};

// l1l2(1e-7, 1e-7) on every kernel, as the Python's `reg`.
const reg = () => tf.regularizers.l1l2({ l1: 1e-7, l2: 1e-7 });

// The Python builds for Theano's channels-first order and converts with
// dim_ordering_*; tfjs is channels-last, so images are [32, 32, 3] throughout.
// Its `BatchNormalization(axis=1)` means the channel axis under 'th', so the
// layers here normalize axis -1; `mode=0` is Keras 1 only (legacy drops it).

/** The Python's `model_generator()`: z -> Dense(nch·4·4) -> 4x4xnch -> three conv + upsample stages -> [32, 32, 3] in [0, 1]. */
export function modelGenerator(latentDim = 100, nch = 256): tf.Sequential {
  const h = 5;
  const convBlock = (filters: number) => [
    tf.layers.conv2d({ filters, kernelSize: h, padding: 'same', kernelRegularizer: reg() }),
    tf.layers.batchNormalization({ axis: -1 }),
    tf.layers.leakyReLU({ alpha: 0.2 }),
    tf.layers.upSampling2d({ size: [2, 2] }),
  ];
  return tf.sequential({
    name: 'generator',
    layers: [
      tf.layers.dense({ units: nch * 4 * 4, inputShape: [latentDim], kernelRegularizer: reg() }),
      tf.layers.batchNormalization(),
      tf.layers.reshape({ targetShape: [4, 4, nch] }),
      ...convBlock(nch / 2),
      ...convBlock(nch / 2),
      ...convBlock(nch / 4),
      tf.layers.conv2d({ filters: 3, kernelSize: h, padding: 'same', kernelRegularizer: reg() }),
      tf.layers.activation({ activation: 'sigmoid' }),
    ],
  });
}

/** The Python's `model_discriminator()`: three conv + max-pool stages, a one-filter conv, a 4x4 average pool, a sigmoid score. */
export function modelDiscriminator(nch = 256): tf.Sequential {
  const h = 5;
  const stage = (filters: number, first = false) => [
    tf.layers.conv2d({ filters, kernelSize: h, padding: 'same', kernelRegularizer: reg(), ...(first ? { inputShape: [32, 32, 3] } : {}) }),
    tf.layers.maxPooling2d({ poolSize: 2 }),
    tf.layers.leakyReLU({ alpha: 0.2 }),
  ];
  return tf.sequential({
    name: 'discriminator',
    layers: [
      ...stage(nch / 4, true),
      ...stage(nch / 2),
      ...stage(nch),
      tf.layers.conv2d({ filters: 1, kernelSize: h, padding: 'same', kernelRegularizer: reg() }),
      tf.layers.averagePooling2d({ poolSize: 4, padding: 'valid' }),
      tf.layers.flatten(),
      tf.layers.activation({ activation: 'sigmoid' }),
    ],
  });
}

// A tiny run trains on one batch of 8 per epoch, not the 256-image slice: the
// cpu backend's Conv2DBackpropFilter is a scalar loop (about 0.4 µs a
// multiply-add here), and the RGB 5x5 convs at 32x32 alone cost about 70 ms
// an image, however few channels the hidden layers have.
const TINY_IMAGES = 8;

/**
 * The Python's `main()`: the convolutional GAN on CIFAR-10, Simultaneous updates, Adam(1e-4, decay=1e-5) and
 * Adam(1e-3, decay=1e-5). Its `example_gan` is example_gan.py's with CIFAR-10 loaded and the grids in colour.
 */
export async function run(options: ExampleOptions = {}): Promise<GanRun> {
  const settings = runSettings(spec, options, 100);
  const { tiny, out, epochs } = settings;
  const latentDim = tiny ? 16 : 100;
  const data = await cifar10Data(options.data, tiny ? { limit: TINY_IMAGES } : {});
  const nets = { generator: modelGenerator(latentDim, tiny ? 4 : 256), discriminator: modelDiscriminator(tiny ? 4 : 256) };
  const optimizers = { optG: train.adam({ lr: 1e-4, decay: 1e-5 }), optD: train.adam({ lr: 1e-3, decay: 1e-5 }) };
  // ImageGridCallback('epoch-{:03d}.png', generator_sampler, cmap=None): a 10x10 grid of RGB samples.
  const args = { adversarialOptimizer: new Simultaneous(), path: out, ...optimizers, epochs, ...nets, latentDim, data, cmap: null, batchSize: tiny ? TINY_IMAGES : 32 };
  return disposing(Object.values(data), () => exampleGan(args, settings));
}

await main(import.meta, spec, run);
