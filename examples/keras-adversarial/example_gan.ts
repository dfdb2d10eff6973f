// keras_adversarial's example_gan.py: an MLP GAN on MNIST, trained as an
// AdversarialModel of two players with Simultaneous updates.
//   pnpm example examples/keras-adversarial/example_gan.ts [--tiny] [--epochs N]
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import 'gandlf/node';
import { callbacks, helpers, Simultaneous, train, type AdversarialOptimizer, type LossSpec } from 'gandlf';
import { main, type ExampleOptions, type ExampleSpec } from '../support/cli';
import { mnistData } from '../support/data';
import { say } from '../support/output';
import { epochPngs, fixedSampler } from '../support/samplers';
import { disposing, fitAndSave, runSettings, twoPlayers, type GanRun, type RunSettings } from '../support/train';

export const spec: ExampleSpec = { name: 'keras-adversarial/example_gan', summary: 'An MLP GAN on MNIST (keras_adversarial example_gan.py): two players, Simultaneous updates.' };

// l1l2(1e-5, 1e-5) on every kernel, as the Python's `reg`.
const reg = () => tf.regularizers.l1l2({ l1: 1e-5, l2: 1e-5 });

export function modelGenerator(latentDim: number, inputShape: number[], hiddenDim = 1024): tf.Sequential {
  return tf.sequential({
    name: 'generator',
    layers: [
      tf.layers.dense({ units: hiddenDim / 4, inputShape: [latentDim], name: 'generator_h1', kernelRegularizer: reg() }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.dense({ units: hiddenDim / 2, name: 'generator_h2', kernelRegularizer: reg() }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.dense({ units: hiddenDim, name: 'generator_h3', kernelRegularizer: reg() }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.dense({ units: inputShape.reduce((a, b) => a * b, 1), name: 'generator_x_flat', kernelRegularizer: reg() }),
      tf.layers.activation({ activation: 'sigmoid' }),
      tf.layers.reshape({ targetShape: inputShape, name: 'generator_x' }),
    ],
  });
}

export function modelDiscriminator(inputShape: number[], hiddenDim = 1024, outputActivation: 'sigmoid' | 'linear' = 'sigmoid'): tf.Sequential {
  return tf.sequential({
    name: 'discriminator',
    layers: [
      tf.layers.flatten({ inputShape, name: 'discriminator_flatten' }),
      tf.layers.dense({ units: hiddenDim, name: 'discriminator_h1', kernelRegularizer: reg() }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.dense({ units: hiddenDim / 2, name: 'discriminator_h2', kernelRegularizer: reg() }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.dense({ units: hiddenDim / 4, name: 'discriminator_h3', kernelRegularizer: reg() }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.dense({ units: 1, name: 'discriminator_y', kernelRegularizer: reg() }),
      tf.layers.activation({ activation: outputActivation }),
    ],
  });
}

/** What {@link exampleGan} trains: the arguments of example_gan.py's `example_gan()`, and the images it trains on. */
export interface ExampleGanArgs {
  /** Who updates when. */
  adversarialOptimizer: AdversarialOptimizer;
  /** The run's folder: `epoch-NNN.png`, `history.csv` and the checkpoint go here. */
  path: string;
  /** The generator's optimizer. */
  optG: tf.Optimizer;
  /** The discriminator's optimizer. */
  optD: tf.Optimizer;
  /** Epochs to train (the Python's `nb_epoch`). */
  epochs: number;
  /** `z -> x`, images in [0, 1]. */
  generator: tf.LayersModel;
  /** `x -> y`. */
  discriminator: tf.LayersModel;
  /** Size of `z`. */
  latentDim: number;
  /** The images, in the generator's output shape. The Python loads them in each call; here the caller does, and frees them. */
  data: { xtrain: tf.Tensor; xtest: tf.Tensor };
  /** Targets for `n` samples, player-major. @default helpers.ganTargets */
  targets?: (n: number) => tf.Tensor[];
  /** Every output's loss. @default 'binaryCrossentropy' */
  loss?: LossSpec;
  /** What each epoch's grid shows (the Python's `generator_sampler`). @default the generator on 100 fixed `N(0, 1)` draws, `zsamples` */
  sampler?: () => tf.Tensor;
  /** The grids' colour map, ImageGridCallback's `cmap`; `null` for colour images (the Python's `cmap=None`). @default 'gray' */
  cmap?: 'gray' | null;
  /** @default 32 */
  batchSize?: number;
  /** Digits of the epoch in the grids' names. @default 3, the Python's `epoch-{:03d}.png` */
  pngDigits?: number;
}

/**
 * example_gan.py's `example_gan()`, which the unrolled, convolutional and
 * CIFAR-10 examples train with too: the two-player AdversarialModel over
 * `simpleGan`, trained with a grid of 100 samples after every epoch, then
 * history and checkpoint. Frees the networks and optimizers it was given.
 * `settings.seed` seeds the `z` draws and shuffling; `settings.verbose` prints
 * the models' summaries and progress lines.
 */
export async function exampleGan(args: ExampleGanArgs, settings: Pick<RunSettings, 'seed' | 'verbose'>): Promise<GanRun> {
  const { adversarialOptimizer, path, optG, optD, epochs, generator, discriminator, latentDim, data } = args;
  const { targets = helpers.ganTargets, loss = 'binaryCrossentropy', cmap = 'gray' } = args;
  const { seed, verbose } = settings;
  // The Python skips a run whose history.csv exists ("Already exists"); here a run overwrites its folder.
  say(verbose, `Training: ${join(path, 'history.csv')}`);
  // gan (x -> yfake, yreal), z drawn on the device.
  const gan = helpers.simpleGan(generator, discriminator, helpers.normalLatentSampling([latentDim]));
  if (verbose) for (const m of [generator, discriminator, gan]) m.summary();
  const model = twoPlayers({ baseModel: gan }, [generator.trainableWeights, discriminator.trainableWeights], seed, { adversarialOptimizer, playerOptimizers: [optG, optD], loss });
  // One fixed latent batch, the Python's zsamples, so the grids show progress.
  const zSamples = tf.randomNormal([100, latentDim], 0, 1, 'float32', seed);
  const files: string[] = [];
  // ImageGridCallback(os.path.join(path, "epoch-{:03d}.png"), generator_sampler). No TensorBoard callback,
  // which the Python adds on the tensorflow backend: history.csv holds the same scalars.
  const grid = callbacks.imageGrid({ generator: args.sampler ?? fixedSampler(generator, zSamples), range: [0, 1], ...(cmap ? { cmap } : {}), draw: epochPngs(path, '', files, args.pngDigits) });
  return disposing([zSamples], () => fitAndSave(model, { data, targets: (x) => targets(x.shape[0]!), epochs, batchSize: args.batchSize, out: path, files, callbacks: [grid], verbose }));
}

/** The Python's `main()`: the MLP GAN, Simultaneous updates, Adam(1e-4) for the generator and Adam(1e-3) for the discriminator. */
export async function run(options: ExampleOptions = {}): Promise<GanRun> {
  const settings = runSettings(spec, options, 100);
  const latentDim = settings.tiny ? 16 : 100;
  const hidden = settings.tiny ? 64 : 1024;
  const data = await mnistData({ tiny: settings.tiny });
  const optimizers = { optG: train.adam({ lr: 1e-4, decay: 1e-4 }), optD: train.adam({ lr: 1e-3, decay: 1e-4 }) };
  const nets = { generator: modelGenerator(latentDim, [28, 28], hidden), discriminator: modelDiscriminator([28, 28], hidden) };
  // Grids named epoch-NNNN.png, as gandlf/node's pngFiles names them (the command-line test reads epoch-0000.png).
  return disposing(Object.values(data), () =>
    exampleGan({ adversarialOptimizer: new Simultaneous(), path: settings.out, ...optimizers, epochs: settings.epochs, ...nets, latentDim, data, pngDigits: 4 }, settings),
  );
}

await main(import.meta, spec, run);
