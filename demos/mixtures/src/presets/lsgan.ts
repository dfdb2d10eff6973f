import type { MixtureKnobs } from '../knobs';

// Least squares GAN (Mao et al. 2017): a linear D and mean squared error.
export const lsgan: Partial<MixtureKnobs> = { technique: 'lsgan' };
