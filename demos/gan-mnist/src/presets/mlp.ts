import type { MnistKnobs } from '../knobs';

// The MLP GAN: G 100-256-512-784, D 784-512-256-1. About 20x fewer FLOPs per
// step than the DCGAN, so it is the one to try on a machine without a GPU.
export const mlp: Partial<MnistKnobs> = {
  architecture: 'mlp',
  width: 256, // G hidden layers: width, 2 * width; D mirrors them
  sampleEvery: 50, // steps are fast; redrawing less often keeps them fast
};
