// keras_adversarial's example_gan_unrolled.py: example_gan's MLP GAN on MNIST
// (512 hidden units), trained with UnrolledAdversarialOptimizer at the seven
// unroll depths the Python runs, each into its own folder.
//   pnpm example examples/keras-adversarial/example_gan_unrolled.ts [--tiny] [--epochs N] [--config k_8_8]
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import 'gandlf/node';
import { AdversarialModel, callbacks, helpers, train, Unrolled, type AdversarialOptimizer, type LossSpec } from 'gandlf';
import { main, outDir, type ExampleOptions, type ExampleSpec } from '../support/cli';
import { mnistData, type ImageData } from '../support/data';
import { saveCheckpoint, say, writeHistory, writePng } from '../support/output';
import { modelDiscriminator, modelGenerator, type GanRun } from './example_gan';

/** One of the Python's `example(name, depth_g, depth_d)` calls. */
export interface UnrolledConfig {
  /** The run's folder under `--out`, e.g. `k_8_8`. */
  name: string;
  /** Steps the discriminator is unrolled when the generator updates. */
  depthG: number;
  /** Steps the generator is unrolled when the discriminator updates. */
  depthD: number;
}

/** The Python's `__main__`, in its order. */
export const CONFIGS: readonly UnrolledConfig[] = [
  { name: 'k_0_0', depthG: 0, depthD: 0 },
  { name: 'k_8_8', depthG: 8, depthD: 8 },
  { name: 'k_16_16', depthG: 16, depthD: 16 },
  { name: 'k_8_0', depthG: 8, depthD: 0 },
  // The Python passes (8, 0) here, a copy of the line above; the name says depth_d = 8.
  { name: 'k_0_8', depthG: 0, depthD: 8 },
  { name: 'k_16_8', depthG: 16, depthD: 8 },
  { name: 'k_32_32', depthG: 32, depthD: 32 },
];

/** What `--tiny` runs without `--config`: the shallowest unroll for both players. */
export const TINY_CONFIG: UnrolledConfig = { name: 'k_1_1', depthG: 1, depthD: 1 };

/**
 * A tiny run trains on two batches per epoch, not the 256-image slice: an
 * unrolled step takes every player's gradient again at the others' unrolled
 * weights, two to three Simultaneous steps.
 */
export const TINY_IMAGES = 64;

export const spec: ExampleSpec = {
  name: 'keras-adversarial/example_gan_unrolled',
  summary: 'An MLP GAN on MNIST with unrolled updates (keras_adversarial example_gan_unrolled.py), at the seed\u2019s seven unroll depths.',
  notes: ['Each configuration k_<depth_g>_<depth_d> writes to its own folder under --out; --tiny runs k_1_1 unless --config names one.'],
  flags: { config: { type: 'string', help: 'run only this configuration (default: all, in the seed\u2019s order)', choices: CONFIGS.map((c) => c.name) } },
};

/** `run`'s options: the shared ones, and `--config`. */
export interface UnrolledOptions extends ExampleOptions {
  /** Runs only this configuration of {@link CONFIGS}. @default all of them (with `tiny`: {@link TINY_CONFIG}) */
  config?: string;
}

/**
 * The Python's `UnrolledAdversarialOptimizer(depth_g, depth_d)`: the generator
 * takes its gradient against the discriminator as it will be `depthG` steps
 * ahead, and the discriminator against the generator `depthD` steps ahead.
 * First order, as the Python's: it substitutes the unrolled weights into the
 * update it already differentiated, so no gradient flows through the unroll.
 */
export function unrolledOptimizer(depthG: number, depthD: number): AdversarialOptimizer {
  return new Unrolled({ depths: [depthG, depthD] });
}

/** What {@link exampleGan} trains: the arguments of example_gan.py's `example_gan()`. */
export interface ExampleGanArgs {
  /** Who updates when. */
  adversarialOptimizer: AdversarialOptimizer;
  /** The run's folder: `epoch-NNN.png`, `history.csv` and the checkpoint go here. */
  path: string;
  /** The generator's optimizer. */
  optG: tf.Optimizer;
  /** The discriminator's optimizer. */
  optD: tf.Optimizer;
  /** Epochs to train. */
  epochs: number;
  /** `z -> x`, images `[28, 28]` in [0, 1]. */
  generator: tf.LayersModel;
  /** `x -> y`. */
  discriminator: tf.LayersModel;
  /** Size of `z`. */
  latentDim: number;
  /** MNIST, loaded once for every configuration (the Python loads it in each call); not disposed here. */
  data: ImageData;
  /** Targets for `n` samples, player-major. @default helpers.ganTargets */
  targets?: (n: number) => tf.Tensor[];
  /** Every output's loss. @default 'binaryCrossentropy' */
  loss?: LossSpec;
  /** Seeds `z` draws and shuffling. @default 0 */
  seed?: number;
  /** Prints progress lines. @default true */
  verbose?: boolean;
}

/**
 * example_gan.py's `example_gan()`, which example_gan.ts inlines in its `run`:
 * builds the two-player AdversarialModel over `simpleGan`, trains it with a
 * grid of 100 samples after every epoch, then writes history and checkpoint.
 * Frees the networks and optimizers it was given.
 */
export async function exampleGan(args: ExampleGanArgs): Promise<GanRun> {
  const { adversarialOptimizer, path, optG, optD, epochs, generator, discriminator, latentDim, data } = args;
  const { targets = helpers.ganTargets, loss = 'binaryCrossentropy', seed = 0, verbose } = args;
  const csvPath = join(path, 'history.csv');
  // The Python skips a run whose history.csv exists ("Already exists"); here a run overwrites its folder, as example_gan.ts does.
  say(verbose, `Training: ${csvPath}`);
  const model = new AdversarialModel({
    baseModel: helpers.simpleGan(generator, discriminator, helpers.normalLatentSampling([latentDim])),
    playerParams: [generator.trainableWeights, discriminator.trainableWeights],
    playerNames: ['generator', 'discriminator'],
  });
  const zSamples = tf.randomNormal([100, latentDim], 0, 1, 'float32', seed);
  const files: string[] = [];
  try {
    model.setSeed(seed);
    model.compile({ adversarialOptimizer, playerOptimizers: [optG, optD], loss });
    const y = targets(data.xtrain.shape[0]!);
    const yTest = targets(data.xtest.shape[0]!);
    // No TensorBoard callback, which the Python adds on the tensorflow backend: history.csv holds the same scalars.
    const history = await model.fit(data.xtrain, y, {
      epochs,
      batchSize: 32,
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
        // ImageGridCallback('epoch-{:03d}.png', generator_sampler): the fixed zsamples as a 10x10 grid, in 'gray'.
        callbacks.imageGrid({
          generator: () => generator.predict(zSamples) as tf.Tensor,
          rows: 10,
          cols: 10,
          range: [0, 1],
          cmap: 'gray',
          draw: async (grid, epoch) => {
            const png = join(path, `epoch-${String(epoch).padStart(3, '0')}.png`);
            await writePng(png, grid);
            files.push(png);
          },
        }),
      ],
    });
    tf.dispose([...y, ...yTest]);
    await writeHistory(path, history);
    files.push(csvPath, await saveCheckpoint(model, path));
    return { history, out: path, files };
  } finally {
    zSamples.dispose();
    model.dispose();
  }
}

/** What a run reports: every configuration's run, and (as `history`) the last one's. */
export interface UnrolledRun extends GanRun {
  runs: Record<string, GanRun>;
}

/** The configurations a run trains: `--config`, else all (tiny: {@link TINY_CONFIG}). */
export function pickConfigs<C extends { name: string }>(all: readonly C[], tinyConfig: C, options: { tiny?: boolean; config?: string }): C[] {
  if (options.config === undefined) return options.tiny ? [tinyConfig] : [...all];
  const found = [...all, tinyConfig].find((c) => c.name === options.config);
  if (!found) throw new Error(`Option 'config' must be one of ${all.map((c) => c.name).join(', ')}. Received: config=${options.config}`);
  return [found];
}

export async function run(options: UnrolledOptions = {}): Promise<UnrolledRun> {
  const { tiny = false, seed = 0, verbose } = options;
  const out = outDir(spec, options);
  const configs = pickConfigs(CONFIGS, TINY_CONFIG, options);
  const epochs = options.epochs ?? (tiny ? 2 : 50);
  const latentDim = tiny ? 16 : 100;
  const hidden = tiny ? 64 : 512;
  const data = await mnistData(tiny ? { limit: TINY_IMAGES } : {});
  const runs: Record<string, GanRun> = {};
  try {
    for (const { name, depthG, depthD } of configs) {
      // The Python passes batch_norm_mode=1 and dropout=0, keywords example_gan.py's builders lost in
      // keras_adversarial's Keras 2 port (a28d0fa), so the call raises TypeError there. Built here: the builders
      // as example_gan.py has them now, without dropout (dropout=0) and without the Keras 1 batch norm.
      const generator = modelGenerator(latentDim, [28, 28], hidden);
      const discriminator = modelDiscriminator([28, 28], hidden);
      runs[name] = await exampleGan({
        adversarialOptimizer: unrolledOptimizer(depthG, depthD),
        path: join(out, name),
        optG: train.adam({ lr: 1e-4, decay: 1e-4 }),
        optD: train.adam({ lr: 1e-3, decay: 1e-4 }),
        epochs,
        generator,
        discriminator,
        latentDim,
        data,
        seed,
        verbose,
      });
    }
  } finally {
    tf.dispose(Object.values(data));
  }
  const all = Object.values(runs);
  const files = all.flatMap((r) => r.files);
  say(verbose, `wrote ${files.length} files to ${out}`);
  return { history: all[all.length - 1]!.history, out, files, runs };
}

await main(import.meta, spec, run);
