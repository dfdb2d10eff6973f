import type { BiganKnobs } from '../knobs';

// The MLP BiGAN on all 60000 training digits: G 32-256-512-784, E 784-512-256-32,
// D (z, x) -> 512 -> 256 -> 1. The defaults in config.ts are this preset.
export const mlp: Partial<BiganKnobs> = {};
