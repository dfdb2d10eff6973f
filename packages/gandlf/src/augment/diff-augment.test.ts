import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors';
import { Random } from '../random';
import { diffAugment } from './diff-augment';

/** A stream that returns the given draws in order. */
const scripted = (draws: number[]) => ({ next: () => draws.shift() as number });

const grid = (rows: number[][]) => tf.tensor4d(rows.flat(), [1, rows.length, rows[0]!.length, 1]);
const rows = (t: tf.Tensor) => (t.squeeze([0, 3]).arraySync() as number[][]).map((r) => r.map((v) => Math.round(v * 1e5) / 1e5));

describe('diffAugment (hand-computed, scripted draws)', () => {
  it('color: brightness + (r - 0.5), saturation × 2r around the channel mean, contrast × (r + 0.5) around the image mean', () => {
    const x = tf.tensor4d([1, 2, 3], [1, 1, 1, 3]);
    // brightness r = 0.5: +0; saturation r = 0.25: [1.5, 2, 2.5]; contrast r = 0.75: × 1.25 around 2.
    const y = diffAugment(x, { policy: 'color', random: scripted([0.5, 0.25, 0.75]) });
    expect(Array.from(y.dataSync())).toEqual([1.375, 2, 2.625]);
    // Brightness alone shows on one channel: r = 0.75 adds 0.25 (saturation and contrast at factor 1).
    const z = diffAugment(
      grid([
        [1, 2],
        [3, 4],
      ]),
      { policy: 'color', random: scripted([0.75, 0.5, 0.5]) },
    );
    expect(rows(z)).toEqual([
      [1.25, 2.25],
      [3.25, 4.25],
    ]);
    tf.dispose([x, y, z]);
  });

  it('translation: out[i, j] = x[i + ty, j + tx], zero outside', () => {
    const x = grid([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10, 11],
      [12, 13, 14, 15],
    ]);
    // Shift up to round(4 × 0.125) = 1; randint(-1, 2) = -1 + floor(3r): ty = +1 (r = 0.9), tx = -1 (r = 0.1).
    const y = diffAugment(x, { policy: 'translation', random: scripted([0.9, 0.1]) });
    expect(rows(y)).toEqual([
      [0, 4, 5, 6],
      [0, 8, 9, 10],
      [0, 12, 13, 14],
      [0, 0, 0, 0],
    ]);
    tf.dispose([x, y]);
  });

  it('cutout: zeroes a square of side round(4 × 0.5) = 2 centred at a random offset', () => {
    const x = tf.ones([1, 4, 4, 1]);
    // offset row = floor(5 × 0.5) = 2 -> rows 1..2; offset column = 0 -> columns -1..0, clipped to 0.
    const y = diffAugment(x, { policy: 'cutout', random: scripted([0.5, 0]) });
    expect(rows(y)).toEqual([
      [1, 1, 1, 1],
      [0, 1, 1, 1],
      [0, 1, 1, 1],
      [1, 1, 1, 1],
    ]);
    tf.dispose([x, y]);
  });
});

describe('diffAugment', () => {
  it('repeats for a seeded stream, and draws per sample', () => {
    const x = tf.randomUniform([3, 8, 8, 3], -1, 1, 'float32', 1);
    const a = diffAugment(x, { random: new Random(5) });
    const b = diffAugment(x, { random: new Random(5) });
    const c = diffAugment(x, { random: new Random(6) });
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    expect(Array.from(a.dataSync())).not.toEqual(Array.from(c.dataSync()));
    tf.dispose([x, a, b, c]);
  });

  it('is differentiable with respect to the images', () => {
    const x = tf.randomUniform([2, 8, 8, 1], 0, 1, 'float32', 2);
    const random = new Random(3);
    const g = tf.grad((t: tf.Tensor) => tf.sum(tf.square(diffAugment(t, { random }))))(x);
    expect(tf.sum(tf.abs(g)).dataSync()[0]).toBeGreaterThan(0);
    tf.dispose([x, g]);
  });

  it('rejects non-images and unknown transforms, naming them', () => {
    expect(() => diffAugment(tf.zeros([2, 3]))).toThrowError(ShapeMismatchError);
    expect(() => diffAugment(tf.zeros([1, 2, 2, 1]), { policy: 'color,flip' })).toThrowError(InvalidArgumentError);
    expect(() => diffAugment(tf.zeros([1, 2, 2, 1]), { policy: 'color,flip' })).toThrowError(/'policy' passed to 'diffAugment'.*Received: policy="color,flip"/);
  });

  it('leaks no tensors', () => {
    const x = tf.ones([2, 4, 4, 3]);
    const random = new Random(1);
    diffAugment(x, { random }).dispose();
    const before = tf.memory().numTensors;
    diffAugment(x, { random }).dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
