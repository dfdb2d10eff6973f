// The demo's knobs, apart from config.ts so that presets/*.ts can name their type without importing config.ts (which imports them).
import type { GanKnobs, MnistDataKnobs } from '@gandlf/demo-shell/knobs';

/**
 * Every setting of the BiGAN demo. Presets override the defaults in config.ts.
 * `latentDim` is the size of z, drawn by the prior and produced by the encoder;
 * `width` the hidden units (G z-w-2w-784, E 784-2w-w-z, D (z, x) -> 2w -> w -> 1);
 * `lrG` the generator's and encoder's (one player).
 */
export type BiganKnobs = GanKnobs &
  MnistDataKnobs & {
    /** The sample grid is gridSize x gridSize digits. */
    gridSize: number;
    /** Real digits shown, each followed by its reconstruction G(E(x)). */
    reconstructions: number;
  };
