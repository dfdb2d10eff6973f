import { describe, expect, it } from 'vitest';
import { CIFAR10_CLASSES, parseCifar10Batch } from './cifar10';

// One record: label, then R, G, B planes; pixel p gets R = p % 256, G = 1, B = 255.
function record(label: number): Uint8Array {
  const out = new Uint8Array(3073);
  out[0] = label;
  for (let p = 0; p < 1024; p++) {
    out[1 + p] = p % 256;
    out[1 + 1024 + p] = 1;
    out[1 + 2048 + p] = 255;
  }
  return out;
}

function file(...labels: number[]): Uint8Array {
  const out = new Uint8Array(labels.length * 3073);
  labels.forEach((l, i) => out.set(record(l), i * 3073));
  return out;
}

describe('parseCifar10Batch', () => {
  it('decodes labels and interleaves planes into HWC', () => {
    const out = parseCifar10Batch(file(3, 9));
    expect(out).toMatchObject({ count: 2, height: 32, width: 32, channels: 3 });
    expect(Array.from(out.labels)).toEqual([3, 9]);
    expect(out.images.length).toBe(2 * 32 * 32 * 3);
    // Pixel (row 0, col 5) of image 1.
    const o = 32 * 32 * 3 + 5 * 3;
    expect(Array.from(out.images.subarray(o, o + 3))).toEqual([5 / 255, 1 / 255, 1].map(Math.fround));
  });

  it('scales to [-1, 1] when asked', () => {
    const out = parseCifar10Batch(file(0).buffer as ArrayBuffer, { range: [-1, 1] });
    expect(Array.from(out.images.subarray(0, 3))).toEqual([-1, Math.fround(-1 + 2 / 255), 1]);
  });

  it('rejects an empty file', () => {
    expect(() => parseCifar10Batch(new Uint8Array(0))).toThrow(/the file is empty/);
  });

  it('rejects a length that is not a multiple of 3073, saying what is left over', () => {
    expect(() => parseCifar10Batch(file(1, 2).subarray(0, 3073 + 100))).toThrow(/Received 3173 bytes: 1 whole records and 100 bytes left over/);
  });

  it('rejects labels above 9', () => {
    expect(() => parseCifar10Batch(file(1, 10))).toThrow(/Received label 10 in record 1 \(byte 3073\)/);
  });

  it('names the ten classes', () => {
    expect(CIFAR10_CLASSES).toHaveLength(10);
    expect(CIFAR10_CLASSES[0]).toBe('airplane');
    expect(CIFAR10_CLASSES[9]).toBe('truck');
  });
});
