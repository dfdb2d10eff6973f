// The demo's knobs, apart from config.ts so that presets/*.ts can name their type without importing config.ts (which imports them).
import type { GanKnobs } from '@gandlf/demo-shell/knobs';

/** Every setting of the images demo; `width` is the DCGAN's base filters (D: w, 2w, 4w; G mirrors them) or MLP hidden units. */
export type ImagesKnobs = GanKnobs & {
  architecture: 'dcgan' | 'mlp';
  gridSize: number;
};
