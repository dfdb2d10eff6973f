// The demo's knobs, apart from config.ts so that presets/*.ts can name their type without importing config.ts (which imports them).
import type { GanKnobs, MnistDataKnobs } from '@gandlf/demo-shell/knobs';

/**
 * Every setting of the MNIST demo. Presets override the defaults in config.ts.
 * `width` is DCGAN filters (64 -> conv 64 then 128) or MLP hidden units (256 -> 256, 512).
 */
export type MnistKnobs = GanKnobs &
  MnistDataKnobs & {
    /**
     * dcgan, mlp; mlp-plus: the MLP with Residual, PermanentDropout and BatchSimilarity;
     * acgan: a conditional MLP G and a D with a class head; cgan: the digit is an input of G and D.
     */
    architecture: 'dcgan' | 'mlp' | 'mlp-plus' | 'acgan' | 'cgan';
    /** DiffAugment policy for everything D sees (DCGAN only: it needs images); 'none' is off. */
    augment: string;
    /** Decay of an EMA of G's weights the grid is drawn from; 0 is off. */
    ema: number;
    /** gandlf's adaptiveLearningRate: lrD and lrG become maxima, shared by each side's loss. */
    adaptiveLr: 'off' | 'on';
    /** Conditional models (acgan, cgan): the digit the grid shows. Changing it redraws the grid without restarting training. */
    digit: number;
    /**
     * samples: the grid from fixed noise; interpolation: each row walks between two latents (interpolateLatents, spherical);
     * reconstruct: rows of real digits, each above G(z*) with z* found by gandlf's latentSearch.
     */
    gridView: 'samples' | 'interpolation' | 'reconstruct';
    /** The grid is gridSize x gridSize digits. */
    gridSize: number;
  };
