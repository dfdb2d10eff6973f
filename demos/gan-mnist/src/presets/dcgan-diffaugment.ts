import type { MnistKnobs } from '../knobs';

// DiffAugment (Zhao et al. 2020) for small datasets: a narrow DCGAN on the
// first 500 test digits, every image D sees translated and cut out, and the
// grid drawn from an EMA of the generator's weights (Yazıcı et al. 2019).
export const dcganDiffaugment: Partial<MnistKnobs> = {
  width: 32,
  split: 'test',
  limit: 500,
  augment: 'translation,cutout',
  ema: 0.99,
};
