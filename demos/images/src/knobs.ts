// The demo's knobs, apart from config.ts so that presets/*.ts can name their type without importing config.ts (which imports them).
import type { AdversarialOptimizerName, GanLossName } from '@gandlf/demo-shell/knobs';

/** Every setting of the images demo. Presets override the defaults in config.ts. */
export type ImagesKnobs = {
  /** The preset these knobs started from (names checkpoints). */
  preset: string;
  architecture: 'dcgan' | 'mlp';
  latentDim: number;
  /** DCGAN base filters (D: w, 2w, 4w; G mirrors them) or MLP hidden units. */
  width: number;
  batchSize: number;
  lrD: number;
  lrG: number;
  beta1: number;
  loss: GanLossName;
  adversarialOptimizer: AdversarialOptimizerName;
  unrollDepth: number;
  sampleEvery: number;
  gridSize: number;
  seed: number;
};
