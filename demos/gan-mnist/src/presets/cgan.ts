import type { MnistKnobs } from '../knobs';

// The plain conditional GAN (Mirza and Osindero 2014): the digit is an input of
// G and of D, so D judges "is this a real 3" rather than "is this a real
// digit". Pick the digit the grid shows with the Digit knob; training goes on
// while you switch.
export const cgan: Partial<MnistKnobs> = {
  architecture: 'cgan',
  width: 256,
  digit: 3,
  sampleEvery: 50,
};
