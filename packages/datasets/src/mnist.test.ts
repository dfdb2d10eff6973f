import { describe, expect, it } from 'vitest';
import { mnistFromIdx } from './mnist';
import { idxBytes } from './test-utils/fixtures';

// Three 2x2 images and their labels.
const images = idxBytes(0x08, [3, 2, 2], [0, 255, 51, 102, 255, 255, 0, 0, 1, 2, 3, 4]);
const labels = idxBytes(0x08, [3], [7, 0, 9]);

describe('mnistFromIdx', () => {
  it('scales pixels to [0, 1] by default and keeps labels', () => {
    const out = mnistFromIdx(images, labels);
    expect(out).toMatchObject({ count: 3, height: 2, width: 2 });
    expect(Array.from(out.images.subarray(0, 4))).toEqual([0, 1, 0.2, 0.4].map(Math.fround));
    expect(Array.from(out.labels)).toEqual([7, 0, 9]);
  });

  it('scales to [-1, 1] and honours limit', () => {
    const out = mnistFromIdx(images.buffer as ArrayBuffer, labels, { range: [-1, 1], limit: 2 });
    expect(out.count).toBe(2);
    expect(out.images.length).toBe(8);
    expect(Array.from(out.images.subarray(0, 2))).toEqual([-1, 1]);
    expect(Array.from(out.labels)).toEqual([7, 0]);
  });

  it('caps limit at the number of examples', () => {
    expect(mnistFromIdx(images, labels, { limit: 100 }).count).toBe(3);
  });

  it('rejects mismatched counts', () => {
    expect(() => mnistFromIdx(images, idxBytes(0x08, [2], [1, 2]))).toThrow(/3 images but 2 labels/);
  });

  it('rejects swapped files and says which file is broken', () => {
    expect(() => mnistFromIdx(labels, images)).toThrow(/'imagesBytes' must hold uint8 images of shape \[N, height, width\]. Received dtype=uint8, shape=\[3\]/);
    expect(() => mnistFromIdx(images, labels.subarray(0, 9))).toThrow(/mnistFromIdx: 'labelsBytes': parseIdx: the file is truncated/);
  });

  it('rejects labels above 9, bad limits and bad ranges', () => {
    expect(() => mnistFromIdx(images, idxBytes(0x08, [3], [1, 12, 3]))).toThrow(/Received label 12 at index 1/);
    expect(() => mnistFromIdx(images, labels, { limit: 0 })).toThrow(/'limit' must be a positive integer. Received: limit=0/);
    expect(() => mnistFromIdx(images, labels, { range: [1, 1] })).toThrow(/Received: range=\[1, 1\]/);
  });
});
