// The demo's knobs, apart from config.ts so that presets/*.ts can name their type without importing config.ts (which imports them).
import type { AdversarialOptimizerName, GanLossName } from '@gandlf/demo-shell/knobs';

/** Every setting of the BiGAN demo. Presets override the defaults in config.ts. */
export type BiganKnobs = {
  /** The preset these knobs started from (names checkpoints). */
  preset: string;
  /** Size of the latent code z, drawn by the prior and produced by the encoder. */
  latentDim: number;
  /** Hidden units: G z-w-2w-784, E 784-2w-w-z, D (z, x) -> 2w -> w -> 1. */
  width: number;
  split: 'train' | 'test';
  /** Train on the first `limit` digits only; 0 means all. */
  limit: number;
  batchSize: number;
  lrD: number;
  /** Learning rate of the generator and the encoder (one player). */
  lrG: number;
  beta1: number;
  loss: GanLossName;
  adversarialOptimizer: AdversarialOptimizerName;
  unrollDepth: number;
  sampleEvery: number;
  /** The sample grid is gridSize x gridSize digits. */
  gridSize: number;
  /** Real digits shown, each followed by its reconstruction G(E(x)). */
  reconstructions: number;
  seed: number;
};
