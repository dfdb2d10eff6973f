import type { MixtureKnobs } from '../config';

// For tests (?preset=tiny): narrow nets, small batches, a shallow unroll. Far
// too short a run to show collapse; it shows that all three train.
export const tiny: Partial<MixtureKnobs> = {
  latentDim: 4,
  width: 16,
  batchSize: 32,
  unrollDepth: 2,
  samples: 128,
  sampleEvery: 5,
  lrD: 5e-3, // large, so the points visibly move within a few steps
  lrG: 5e-3,
};
