// The demo's knobs, apart from config.ts so that presets/*.ts can name their type without importing config.ts (which imports them).
import type { GanKnobs, MnistDataKnobs } from '@gandlf/demo-shell/knobs';

/**
 * Every setting of the AAE demo. Presets override the defaults in config.ts.
 * `latentDim` is the code's size (the scatter shows its first two dimensions);
 * `width` the hidden units (E 784-2w-w-z, decoder z-w-2w-784, D z-w-w-1); `lrG`
 * the encoder's and decoder's (one player); `loss` the adversarial loss on the
 * code (reconstruction is always mean squared error).
 */
export type AaeKnobs = GanKnobs &
  MnistDataKnobs & {
    /** Weight of the adversarial terms; reconstruction weighs 1. */
    adversarialWeight: number;
    gridSize: number;
    /** Real digits shown, each followed by its reconstruction. */
    reconstructions: number;
    /** Digits whose codes the scatter shows. */
    scatterPoints: number;
  };
