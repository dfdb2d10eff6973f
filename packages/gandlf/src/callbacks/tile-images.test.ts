import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors';
import { tileImages } from './tile-images';

describe('tileImages', () => {
  it('lays images out row by row, maps range to [0, 1] and pads with background (hand-computed)', () => {
    // Three 1x1 images -1, 0, 0.5 (-> 0, 0.5, 0.75) in a 2x2 grid, padding 1, background 1.
    const grid = tileImages(tf.tensor4d([-1, 0, 0.5], [3, 1, 1, 1]), { cols: 2 });
    expect(grid.shape).toEqual([5, 5, 1]);
    expect(grid.squeeze([2]).arraySync()).toEqual([
      [1, 1, 1, 1, 1],
      [1, 0, 1, 0.5, 1],
      [1, 1, 1, 1, 1],
      [1, 0.75, 1, 1, 1], // the fourth tile is blank
      [1, 1, 1, 1, 1],
    ]);
    grid.dispose();
  });

  it('keeps channels, clips values outside the range, and takes [n, h, w]', () => {
    const grid = tileImages(tf.tensor4d([2, -2, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0], [2, 1, 2, 3]), { cols: 1, padding: 0, range: [0, 1] });
    expect(grid.shape).toEqual([2, 2, 3]);
    expect(Array.from(grid.dataSync()).slice(0, 3)).toEqual([1, 0, 0.5]);
    const gray = tileImages(tf.zeros([4, 2, 2]));
    expect(gray.shape).toEqual([7, 7, 1]);
    tf.dispose([grid, gray]);
  });

  it('rejects bad shapes and grids that are too small, and leaks no tensors', () => {
    expect(() => tileImages(tf.zeros([2, 2]))).toThrowError(ShapeMismatchError);
    expect(() => tileImages(tf.zeros([1, 2, 2, 2]))).toThrowError(/1, 3 or 4 channels/);
    expect(() => tileImages(tf.zeros([5, 2, 2, 1]), { rows: 2, cols: 2 })).toThrowError(InvalidArgumentError);
    const x = tf.zeros([3, 2, 2, 1]);
    const before = tf.memory().numTensors;
    tileImages(x).dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
