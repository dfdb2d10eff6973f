import type { MixtureKnobs } from '../knobs';

// The original WGAN (Arjovsky et al. 2017): RMSProp, critic weights clipped to
// ±0.01 after every update (gandlf's clipWeights), five critic steps.
export const wganClip: Partial<MixtureKnobs> = { technique: 'wgan-clip', criticSteps: 5, lrD: 5e-4, lrG: 5e-4 };
