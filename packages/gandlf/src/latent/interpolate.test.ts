import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors';
import { interpolateLatents } from './interpolate';

describe('interpolateLatents (hand-computed)', () => {
  it('linear: evenly spaced from z0 to z1', () => {
    const path = interpolateLatents(tf.tensor1d([0, 0]), tf.tensor1d([2, 4]), 3);
    expect(path.arraySync()).toEqual([
      [0, 0],
      [1, 2],
      [2, 4],
    ]);
    path.dispose();
  });

  it('spherical: along the arc, keeping the norm between unit vectors; [1, d] inputs keep their shape', () => {
    const path = interpolateLatents(tf.tensor2d([[1, 0]]), tf.tensor2d([[0, 1]]), 3, { spherical: true });
    expect(path.shape).toEqual([3, 2]);
    const mid = path.arraySync() as number[][];
    expect(mid[1]![0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(mid[1]![1]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(mid[2]![1]).toBeCloseTo(1, 6);
    // Parallel vectors fall back to linear.
    const same = interpolateLatents(tf.tensor1d([1, 1]), tf.tensor1d([2, 2]), 3, { spherical: true });
    expect(same.arraySync()).toEqual([
      [1, 1],
      [1.5, 1.5],
      [2, 2],
    ]);
    tf.dispose([path, same]);
  });

  it('rejects bad counts and shapes, and leaks nothing', () => {
    const [a, b] = [tf.zeros([4]), tf.ones([4])];
    expect(() => interpolateLatents(a, b, 1)).toThrowError(InvalidArgumentError);
    expect(() => interpolateLatents(a, tf.ones([3]), 2)).toThrowError(ShapeMismatchError);
    const before = tf.memory().numTensors;
    interpolateLatents(a, b, 5, { spherical: true }).dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([a, b]);
  });
});
