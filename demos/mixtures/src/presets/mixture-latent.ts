import type { MixtureKnobs } from '../knobs';

// The networks, loss and penalty of gandlf's mixtureLatentGan on the grid of 25: a
// one-hot category of 100 beside the noise, each with a learned offset, R1 (γ 0.1)
// on a logits D, and the panels drawn from an EMA of G. In bench:quality that
// preset (Alternating, batches of 1,024, 16,000 steps) covers all 25 modes in every
// seed, with 94% to 96% of the points near one (bench/README.md).
export const mixtureLatent: Partial<MixtureKnobs> = {
  mixture: 'grid',
  technique: 'mixture-latent',
  categories: 100,
  latentDim: 4,
  width: 64,
  batchSize: 1024,
  ema: 0.999,
};
