import type { MixtureKnobs } from '../config';

// The hinge loss with a spectrally normalised discriminator (Miyato et al. 2018),
// as gandlf's hingeSnRing: SpectralNormalization on D's hidden layers, two D steps.
export const hingeSn: Partial<MixtureKnobs> = { technique: 'hinge-sn', criticSteps: 2, latentDim: 4, lrD: 3e-3, lrG: 3e-3 };
