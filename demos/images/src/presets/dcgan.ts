import type { ImagesKnobs } from '../knobs';

// A small DCGAN for 32x32 RGB: G dense 4x4x128 -> convT 64 -> convT 32 -> convT 3,
// D conv 32 -> 64 -> 128 -> dense 1. The defaults in config.ts are this preset.
export const dcgan: Partial<ImagesKnobs> = {};
