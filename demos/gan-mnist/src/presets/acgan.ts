import type { MnistKnobs } from '../knobs';

// ACGAN (Odena et al. 2017), the seed's mnist_gan example: G(z, digit) and a D
// that also classifies. Pick the digit the grid shows with the Digit knob;
// training goes on while you switch.
export const acgan: Partial<MnistKnobs> = {
  architecture: 'acgan',
  width: 256,
  digit: 3,
  sampleEvery: 50,
};
