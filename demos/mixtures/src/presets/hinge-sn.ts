import type { MixtureKnobs } from '../knobs';

// The hinge loss with a spectrally normalised discriminator (Miyato et al. 2018),
// as gandlf's hingeSnRing: SpectralNormalization on D's hidden LeakyReLU layers,
// Adam with β2 0.9, two D steps (Alternating run); the panels draw from an EMA of G.
// Measured (wasm, seed 1, 3-std modes of the EMA panel): Alternating 8/8 modes
// by step 750 (66% of points near one at 1500), Unrolled(5) 7/8 at 750 and 8/8
// at 1000; Simultaneous 0/8 at 1000. With ReLUs and β2 0.999 no run had a mode at 300.
export const hingeSn: Partial<MixtureKnobs> = { technique: 'hinge-sn', criticSteps: 2, latentDim: 4, lrD: 3e-3, lrG: 3e-3, ema: 0.99 };
