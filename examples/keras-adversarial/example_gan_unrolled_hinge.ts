// keras_adversarial's example_gan_unrolled_hinge.py: example_gan's MLP GAN on
// MNIST with a linear discriminator, squared hinge loss on ±1 targets and
// clipped Adam, trained with UnrolledAdversarialOptimizer at the thirteen
// depth and clip settings the Python runs, each into its own folder.
//   pnpm example examples/keras-adversarial/example_gan_unrolled_hinge.ts [--tiny] [--epochs N] [--config k_8_8_clip_2]
import 'gandlf/node';
import { helpers, train } from 'gandlf';
import { main, type ExampleOptions, type ExampleSpec } from '../support/cli';
import type { ImageData } from '../support/data';
import { runSettings, type GanRun, type RunSettings } from '../support/train';
import { exampleGan, modelDiscriminator, modelGenerator } from './example_gan';
import { pickConfigs, runConfigs, unrolledOptimizer, type UnrolledConfig, type UnrolledRun } from './example_gan_unrolled';

/** One of the Python's `example(name, depth_g, depth_d, clipvalue)` calls. */
export interface HingeConfig extends UnrolledConfig {
  /** Adam's `clipvalue`: every gradient element is clipped to ±clipvalue; 0 clips nothing, as in Keras. */
  clipvalue: number;
}

// Nine of the Python's calls leave out clipvalue, which `example` requires, so
// they raise TypeError; they clearly mean example_gan_unrolled_hinge's default, 2.0.
const DEFAULT_CLIP = 2;

/** The Python's `__main__`, in its order. */
export const CONFIGS: readonly HingeConfig[] = [
  { name: 'k_0_0', depthG: 0, depthD: 0, clipvalue: DEFAULT_CLIP },
  { name: 'k_8_8_clip_2', depthG: 8, depthD: 8, clipvalue: 2 },
  { name: 'k_8_8_clip_0.5', depthG: 8, depthD: 8, clipvalue: 0.5 },
  { name: 'k_8_8_clip_0', depthG: 8, depthD: 8, clipvalue: 0 },
  { name: 'k_16_16', depthG: 16, depthD: 16, clipvalue: DEFAULT_CLIP },
  { name: 'k_16_16_clip_0', depthG: 16, depthD: 16, clipvalue: 0 },
  { name: 'k_16_16_clip_0.5', depthG: 16, depthD: 16, clipvalue: 0.5 },
  { name: 'k_16_16_clip_10', depthG: 16, depthD: 16, clipvalue: 10 },
  { name: 'k_32_32', depthG: 32, depthD: 32, clipvalue: DEFAULT_CLIP },
  { name: 'k_1_1', depthG: 1, depthD: 1, clipvalue: DEFAULT_CLIP },
  { name: 'k_2_0', depthG: 2, depthD: 0, clipvalue: DEFAULT_CLIP },
  { name: 'k_4_0', depthG: 4, depthD: 0, clipvalue: DEFAULT_CLIP },
  { name: 'k_8_0', depthG: 8, depthD: 0, clipvalue: DEFAULT_CLIP },
];

/** What `--tiny` runs without `--config`: k_1_1, the shallowest unroll for both players. */
export const TINY_CONFIG: HingeConfig = CONFIGS.find((c) => c.name === 'k_1_1')!;

export const spec: ExampleSpec = {
  name: 'keras-adversarial/example_gan_unrolled_hinge',
  summary: 'An MLP GAN on MNIST with squared hinge loss and unrolled updates (keras_adversarial example_gan_unrolled_hinge.py), at the seed\u2019s thirteen settings.',
  notes: ['Each configuration k_<depth_g>_<depth_d>[_clip_<c>] writes to its own folder under --out; --tiny runs k_1_1 unless --config names one.'],
  flags: { config: { type: 'string', help: 'run only this configuration (default: all, in the seed\u2019s order)', choices: CONFIGS.map((c) => c.name) } },
};

/** `run`'s options: the shared ones, and `--config`. */
export interface HingeOptions extends ExampleOptions {
  /** Runs only this configuration of {@link CONFIGS}. @default all of them (with `tiny`: {@link TINY_CONFIG}) */
  config?: string;
}

/** The Python's `example_gan_unrolled_hinge(path, depth_g, depth_d, clipvalue)`. */
async function exampleGanUnrolledHinge(path: string, config: HingeConfig, settings: RunSettings, data: ImageData): Promise<GanRun> {
  const latentDim = settings.tiny ? 16 : 100;
  const hidden = settings.tiny ? 64 : 512;
  // The Python also passes batch_norm_mode=-1 and dropout=0, keywords example_gan.py's builders lost in
  // keras_adversarial's Keras 2 port (a28d0fa), so the call raises TypeError there; both asked for what the
  // builders now build: no batch norm, no dropout.
  const nets = { generator: modelGenerator(latentDim, [28, 28], hidden), discriminator: modelDiscriminator([28, 28], hidden, 'linear') };
  // Adam(lr, decay=1e-4, clipvalue=clipvalue); Keras reads clipvalue 0 as no clipping.
  const clip = config.clipvalue > 0 ? { clipvalue: config.clipvalue } : {};
  const optimizers = { optG: train.adam({ lr: 1e-4, decay: 1e-4, ...clip }), optD: train.adam({ lr: 1e-3, decay: 1e-4, ...clip }) };
  const hinge = { loss: 'squaredHinge', targets: helpers.ganTargetsHinge } as const;
  return exampleGan({ adversarialOptimizer: unrolledOptimizer(config.depthG, config.depthD), path, ...optimizers, epochs: settings.epochs, ...nets, latentDim, data, ...hinge }, settings);
}

export function run(options: HingeOptions = {}): Promise<UnrolledRun> {
  return runConfigs(pickConfigs(CONFIGS, TINY_CONFIG, options), runSettings(spec, options, 50), exampleGanUnrolledHinge);
}

await main(import.meta, spec, run);
