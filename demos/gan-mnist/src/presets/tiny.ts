import type { MnistKnobs } from '../knobs';

// For tests (?preset=tiny): a few ms a step even on SwiftShader. It learns
// blurry digit shapes at best, and that is not the point.
export const tiny: Partial<MnistKnobs> = {
  architecture: 'mlp',
  latentDim: 16,
  width: 32, // G 16-32-64-784, D 784-64-32-1
  split: 'test', // the 7.8 MB test file downloads faster than the 47 MB training file
  limit: 256,
  batchSize: 16,
  lrD: 2e-3, // large, so the samples visibly change within a few steps
  lrG: 2e-3,
  sampleEvery: 5,
  gridSize: 4,
};

/** For tests: gandlf's techniques on top of tiny (`?preset=tiny-acgan`, ...). */
export const tinyTechniques: Record<string, Partial<MnistKnobs>> = {
  'tiny-diffaugment': { architecture: 'dcgan', width: 4, latentDim: 8, batchSize: 4, augment: 'translation,cutout', ema: 0.9 },
  'tiny-mlp-plus': { architecture: 'mlp-plus', adaptiveLr: 'on', gridView: 'interpolation' },
  'tiny-acgan': { architecture: 'acgan', digit: 3 },
  'tiny-cgan': { architecture: 'cgan', digit: 3 },
};
