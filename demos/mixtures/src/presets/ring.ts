import type { MixtureKnobs } from '../knobs';

// The ring of 8 Gaussians of the Unrolled GAN paper (Metz et al., 2017): the
// defaults in config.ts are this preset (see the measurement noted there).
export const ring: Partial<MixtureKnobs> = {};
