import type { MixtureKnobs } from '../knobs';

// Relativistic average GAN, cross-entropy form (Jolicoeur-Martineau 2018): gandlf's
// relativisticAverage() penalties carry the losses.
export const relativistic: Partial<MixtureKnobs> = { technique: 'relativistic' };
