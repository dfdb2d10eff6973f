import type { MixtureKnobs } from '../knobs';

// WGAN-GP (Gulrajani et al. 2017) on the ring, as gandlf's wganGpRing: Wasserstein
// loss, gradient penalty λ 1, a LeakyReLU critic with a linear output, Adam with
// β2 0.9, two critic steps (Alternating run); the panels draw from an EMA of G.
// Measured (wasm, seed 1, 3-std modes of the EMA panel): Alternating 8/8 modes
// by step 750 (77% of points near one at 1500), Unrolled(5) 8/8 by 750 (58% at
// 1000); Simultaneous, one critic step per G step, 0/8 at 1000: the critic
// needs to lead. With a ReLU critic and β2 0.999 no run had a mode at 300.
export const wganGp: Partial<MixtureKnobs> = { technique: 'wgan-gp', criticSteps: 2, latentDim: 4, lrD: 3e-3, lrG: 3e-3, ema: 0.99 };
