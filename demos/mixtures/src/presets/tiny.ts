import type { MixtureKnobs } from '../knobs';

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

/** For tests: each technique on top of tiny (`?preset=tiny-wgan-gp`, ...). */
export const tinyTechniques: Record<string, Partial<MixtureKnobs>> = {
  'tiny-wgan-gp': { technique: 'wgan-gp', criticSteps: 2 },
  'tiny-hinge-sn': { technique: 'hinge-sn', criticSteps: 2 },
  'tiny-wgan-clip': { technique: 'wgan-clip', criticSteps: 2 },
  'tiny-lsgan': { technique: 'lsgan' },
  'tiny-relativistic': { technique: 'relativistic' },
  'tiny-r1': { technique: 'r1' },
  'tiny-ema-smoothing': { labelSmoothing: 0.1, ema: 0.9 },
  'tiny-mixture-latent': { technique: 'mixture-latent', categories: 8, ema: 0.9 },
};
