// The demo's knobs, apart from config.ts so that presets/*.ts can name their type without importing config.ts (which imports them).
import type { AdversarialOptimizerName, GanLossName } from '@gandlf/demo-shell/knobs';

/** Every setting of the AAE demo. Presets override the defaults in config.ts. */
export type AaeKnobs = {
  /** The preset these knobs started from (names checkpoints). */
  preset: string;
  /** Size of the latent code; the scatter shows its first two dimensions. */
  latentDim: number;
  /** Hidden units: E 784-2w-w-z, decoder z-w-2w-784, D z-w-w-1. */
  width: number;
  split: 'train' | 'test';
  /** Train on the first `limit` digits only; 0 means all. */
  limit: number;
  batchSize: number;
  lrD: number;
  /** Learning rate of the encoder and decoder (one player). */
  lrG: number;
  beta1: number;
  /** The adversarial loss on the latent code (reconstruction is always mean squared error). */
  loss: GanLossName;
  /** Weight of the adversarial terms; reconstruction weighs 1. */
  adversarialWeight: number;
  adversarialOptimizer: AdversarialOptimizerName;
  unrollDepth: number;
  sampleEvery: number;
  gridSize: number;
  /** Real digits shown, each followed by its reconstruction. */
  reconstructions: number;
  /** Digits whose codes the scatter shows. */
  scatterPoints: number;
  seed: number;
};
