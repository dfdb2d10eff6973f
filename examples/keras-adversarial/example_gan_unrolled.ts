// keras_adversarial's example_gan_unrolled.py: example_gan's MLP GAN on MNIST
// (512 hidden units), trained with UnrolledAdversarialOptimizer at the seven
// unroll depths the Python runs, each into its own folder.
//   pnpm example examples/keras-adversarial/example_gan_unrolled.ts [--tiny] [--epochs N] [--config k_8_8]
import { join } from 'node:path';
import 'gandlf/node';
import { train, Unrolled, type AdversarialOptimizer } from 'gandlf';
import { main, type ExampleOptions, type ExampleSpec } from '../support/cli';
import { mnistData, type ImageData } from '../support/data';
import { say } from '../support/output';
import { disposing, runSettings, type GanRun, type RunSettings } from '../support/train';
import { exampleGan, modelDiscriminator, modelGenerator } from './example_gan';

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

/** The Python's `example_gan_unrolled(path, depth_g, depth_d)`. */
async function exampleGanUnrolled(path: string, { depthG, depthD }: UnrolledConfig, settings: RunSettings, data: ImageData): Promise<GanRun> {
  const latentDim = settings.tiny ? 16 : 100;
  const hidden = settings.tiny ? 64 : 512;
  // The Python passes batch_norm_mode=1 and dropout=0, keywords example_gan.py's builders lost in
  // keras_adversarial's Keras 2 port (a28d0fa), so the call raises TypeError there. Built here: the builders
  // as example_gan.py has them now, without dropout (dropout=0) and without the Keras 1 batch norm.
  const nets = { generator: modelGenerator(latentDim, [28, 28], hidden), discriminator: modelDiscriminator([28, 28], hidden) };
  const optimizers = { optG: train.adam({ lr: 1e-4, decay: 1e-4 }), optD: train.adam({ lr: 1e-3, decay: 1e-4 }) };
  return exampleGan({ adversarialOptimizer: unrolledOptimizer(depthG, depthD), path, ...optimizers, epochs: settings.epochs, ...nets, latentDim, data }, settings);
}

/**
 * The Python's `__main__`: `example(config)` for each configuration in turn, each into
 * `out/<name>`, on MNIST loaded once (the Python loads it in each call) and freed afterwards.
 */
export async function runConfigs<C extends UnrolledConfig>(
  configs: readonly C[],
  settings: RunSettings,
  example: (path: string, config: C, settings: RunSettings, data: ImageData) => Promise<GanRun>,
): Promise<UnrolledRun> {
  const data = await mnistData(settings.tiny ? { limit: TINY_IMAGES } : {});
  const runs: Record<string, GanRun> = {};
  await disposing(Object.values(data), async () => {
    for (const config of configs) runs[config.name] = await example(join(settings.out, config.name), config, settings, data);
  });
  const all = Object.values(runs);
  const files = all.flatMap((r) => r.files);
  say(settings.verbose, `wrote ${files.length} files to ${settings.out}`);
  return { history: all[all.length - 1]!.history, out: settings.out, files, runs };
}

export function run(options: UnrolledOptions = {}): Promise<UnrolledRun> {
  return runConfigs(pickConfigs(CONFIGS, TINY_CONFIG, options), runSettings(spec, options, 50), exampleGanUnrolled);
}

await main(import.meta, spec, run);
