import type { MixtureKnobs } from '../knobs';

// The 25-mode grid of VEEGAN and PacGAN: harder than the ring, and slower to cover.
export const grid: Partial<MixtureKnobs> = {
  mixture: 'grid',
  width: 128, // more modes, more capacity (not tuned: expect to adjust)
  batchSize: 256,
};
