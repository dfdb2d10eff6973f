// keras_adversarial's example_gan_cifar10.py: a convolutional GAN on
// CIFAR-10 (upsampling generator, max-pooling discriminator), trained as an
// AdversarialModel of two players with Simultaneous updates.
//   pnpm example examples/keras-adversarial/example_gan_cifar10.ts --data DIR [--tiny] [--epochs N]
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import 'gandlf/node';
import { AdversarialModel, callbacks, helpers, Simultaneous, train } from 'gandlf';
import { main, outDir, type ExampleOptions, type ExampleSpec } from '../support/cli';
import { cifar10Data } from '../support/data';
import { saveCheckpoint, say, writeHistory, writePng } from '../support/output';
import type { GanRun } from './example_gan';

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

export async function run(options: ExampleOptions = {}): Promise<GanRun> {
  const { tiny = false, seed = 0, verbose } = options;
  const out = outDir(spec, options);
  const epochs = options.epochs ?? (tiny ? 2 : 100);
  const latentDim = tiny ? 16 : 100;
  const data = await cifar10Data(options.data, tiny ? { limit: TINY_IMAGES } : {});
  const generator = modelGenerator(latentDim, tiny ? 4 : 256);
  const discriminator = modelDiscriminator(tiny ? 4 : 256);
  const csvPath = `${out}/history.csv`;
  // The Python skips a run whose history.csv exists ("Already exists"); here a run overwrites its folder, as example_gan.ts does.
  say(verbose, `Training: ${csvPath}`);
  const model = new AdversarialModel({
    baseModel: helpers.simpleGan(generator, discriminator, helpers.normalLatentSampling([latentDim])),
    playerParams: [generator.trainableWeights, discriminator.trainableWeights],
    playerNames: ['generator', 'discriminator'],
  });
  model.setSeed(seed);
  // The Python's Adam(1e-4, decay=1e-5) and Adam(1e-3, decay=1e-5).
  model.compile({ adversarialOptimizer: new Simultaneous(), playerOptimizers: [train.adam({ lr: 1e-4, decay: 1e-5 }), train.adam({ lr: 1e-3, decay: 1e-5 })], loss: 'binaryCrossentropy' });
  // One fixed latent batch, as the Python's zsamples, so the grids show progress.
  const zSamples = tf.randomNormal([100, latentDim], 0, 1, 'float32', seed);
  const files: string[] = [];
  try {
    const y = helpers.ganTargets(data.xtrain.shape[0]!);
    const yTest = helpers.ganTargets(data.xtest.shape[0]!);
    // No TensorBoard callback, which the Python adds on the tensorflow backend: history.csv holds the same scalars.
    const history = await model.fit(data.xtrain, y, {
      epochs,
      batchSize: tiny ? TINY_IMAGES : 32,
      validationData: [data.xtest, yTest],
      verbose: false,
      callbacks: [
        {
          onEpochEnd: async (epoch, logs) => {
            say(
              verbose,
              `epoch ${epoch + 1}/${epochs} ${Object.entries(logs ?? {})
                .map(([k, v]) => `${k}=${Number(v).toFixed(4)}`)
                .join(' ')}`,
            );
          },
        },
        // ImageGridCallback('epoch-{:03d}.png', generator_sampler, cmap=None): a 10x10 grid of RGB samples.
        callbacks.imageGrid({
          generator: () => generator.predict(zSamples) as tf.Tensor,
          rows: 10,
          cols: 10,
          range: [0, 1],
          draw: async (grid, epoch) => {
            const path = join(out, `epoch-${String(epoch).padStart(3, '0')}.png`);
            await writePng(path, grid);
            files.push(path);
          },
        }),
      ],
    });
    tf.dispose([...y, ...yTest]);
    await writeHistory(out, history);
    files.push(csvPath, await saveCheckpoint(model, out));
    say(verbose, `wrote ${files.length} files to ${out}`);
    return { history, out, files };
  } finally {
    zSamples.dispose();
    tf.dispose(Object.values(data));
    model.dispose();
  }
}

await main(import.meta, spec, run);
