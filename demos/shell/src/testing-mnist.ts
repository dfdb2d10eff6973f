// What '@gandlf/demo-shell/mnist' is in the unit tests (the root vite.config.ts
// aliases it here): the page's loader fetches the IDX files as page assets;
// the tests read at most 64 test digits from disk, so a trainer test takes seconds.
import type { MnistData } from '@gandlf/datasets';
import { loadMnistNode } from '@gandlf/datasets/node';

/** At most 64 of MNIST's test digits, scaled to [-1, 1] as the demos' loader gives them. */
export function loadMnist(_split: 'train' | 'test', limit: number): Promise<MnistData> {
  return loadMnistNode({ split: 'test', limit: Math.min(limit || 64, 64), range: [-1, 1] });
}
