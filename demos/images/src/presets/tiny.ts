import type { ImagesKnobs } from '../knobs';

// For tests (?preset=tiny): an MLP GAN of a few thousand units, ms a step on SwiftShader.
export const tiny: Partial<ImagesKnobs> = {
  architecture: 'mlp',
  latentDim: 16,
  width: 32, // G 16-32-64-3072, D 3072-64-32-1
  batchSize: 16,
  lrD: 2e-3, // large, so the samples visibly change within a few steps
  lrG: 2e-3,
  sampleEvery: 5,
  gridSize: 4,
};
