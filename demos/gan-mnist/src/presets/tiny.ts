import { tinyMnist } from '@gandlf/demo-shell/knobs';
import type { MnistKnobs } from '../knobs';

// For tests (?preset=tiny): G 16-32-64-784, D 784-64-32-1 on 256 test digits. It
// learns blurry digit shapes at best, and that is not the point.
export const tiny: Partial<MnistKnobs> = { ...tinyMnist, architecture: 'mlp', latentDim: 16 };

/** For tests: gandlf's techniques on top of tiny (`?preset=tiny-acgan`, ...). */
export const tinyTechniques: Record<string, Partial<MnistKnobs>> = {
  'tiny-diffaugment': { architecture: 'dcgan', width: 4, latentDim: 8, batchSize: 4, augment: 'translation,cutout', ema: 0.9 },
  'tiny-mlp-plus': { architecture: 'mlp-plus', adaptiveLr: 'on', gridView: 'interpolation' },
  'tiny-acgan': { architecture: 'acgan', digit: 3 },
  'tiny-cgan': { architecture: 'cgan', digit: 3 },
};
