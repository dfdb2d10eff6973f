// Stands in for '@gandlf/demo-shell/mnist' (which fetches the IDX files as page
// assets) when the demos' trainers run in Node: the same digits, read from disk.
import type { MnistData } from '@gandlf/datasets';
import { loadMnistNode } from '@gandlf/datasets/node';

const cache = new Map<string, Promise<MnistData>>();

/** MNIST digits scaled to [-1, 1], as the demo shell's loadMnist returns them. */
export function loadMnist(split: 'train' | 'test', limit: number): Promise<MnistData> {
  const key = `${split}:${limit}`;
  let data = cache.get(key);
  if (!data) cache.set(key, (data = loadMnistNode({ split, range: [-1, 1], ...(limit > 0 ? { limit } : {}) })));
  return data;
}
