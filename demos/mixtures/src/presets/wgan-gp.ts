import type { MixtureKnobs } from '../config';

// WGAN-GP (Gulrajani et al. 2017) on the ring, as gandlf's wganGpRing: Wasserstein
// loss, gradient penalty λ 1, a linear critic, two critic steps (Alternating run).
export const wganGp: Partial<MixtureKnobs> = { technique: 'wgan-gp', criticSteps: 2, latentDim: 4, lrD: 3e-3, lrG: 3e-3 };
