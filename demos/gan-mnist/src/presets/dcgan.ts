import type { MnistKnobs } from '../knobs';

// The DCGAN of the Keras/TensorFlow tutorials on all 60000 training digits:
// G dense 7x7x128 -> conv2dTranspose 64 -> conv2dTranspose 1 (tanh),
// D conv 64 s2 -> conv 128 s2 -> dense 1. The defaults in config.ts are this preset.
export const dcgan: Partial<MnistKnobs> = {};
