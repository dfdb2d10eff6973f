import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { getLoss } from './registry';
import { cosineProximity, logcosh, meanAbsoluteError, meanAbsolutePercentageError, meanSquaredLogarithmicError } from './regression';

const val = (t: tf.Scalar) => {
  const v = t.dataSync()[0] as number;
  t.dispose();
  return v;
};

// Two samples of two values each.
const Y = [
  [1, 2],
  [3, 4],
];
const P = [
  [2, 4],
  [3, 1],
];
const y = () => tf.tensor2d(Y);
const p = () => tf.tensor2d(P);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const pairs = () => Y.flat().map((t, i) => [t, P.flat()[i]!] as const);

describe('regression losses (hand-computed, as Keras 2 computes them)', () => {
  it('meanAbsoluteError: mean |y - p|', () => {
    // |1-2|, |2-4|, |3-3|, |4-1|
    expect(val(meanAbsoluteError(y(), p()))).toBeCloseTo((1 + 2 + 0 + 3) / 4, 6);
  });

  it('meanAbsolutePercentageError: 100 mean |y - p| / |y|, finite at y = 0', () => {
    // 1/1, 2/2, 0/3, 3/4
    expect(val(meanAbsolutePercentageError(y(), p()))).toBeCloseTo((100 * (1 + 1 + 0 + 0.75)) / 4, 4);
    const atZero = val(meanAbsolutePercentageError(tf.tensor2d([[0]]), tf.tensor2d([[1e-3]])));
    expect(atZero).toBeCloseTo((100 * 1e-3) / 1e-7, -3); // divides by epsilon, not by 0
  });

  it('meanSquaredLogarithmicError: mean (log(1 + p) - log(1 + y))^2, negatives clipped', () => {
    const expected = mean(pairs().map(([t, q]) => (Math.log(1 + q) - Math.log(1 + t)) ** 2));
    expect(val(meanSquaredLogarithmicError(y(), p()))).toBeCloseTo(expected, 6);
    // p = -5 is clipped to 1e-7: (log(1 + 1e-7) - log 2)^2 ~ (log 2)^2.
    expect(val(meanSquaredLogarithmicError(tf.tensor2d([[1]]), tf.tensor2d([[-5]])))).toBeCloseTo(Math.log(2) ** 2, 5);
  });

  it('logcosh: mean log cosh(p - y), finite for large errors', () => {
    const expected = mean(pairs().map(([t, q]) => Math.log(Math.cosh(q - t))));
    expect(val(logcosh(y(), p()))).toBeCloseTo(expected, 5);
    // cosh(1000) overflows a float; Keras's form gives |x| - log 2.
    expect(val(logcosh(tf.tensor2d([[0]]), tf.tensor2d([[1000]])))).toBeCloseTo(1000 - Math.log(2), 2);
  });

  it('cosineProximity: minus the per-sample cosine along the last axis, averaged over samples', () => {
    // Sample 1: p = 2 y, cosine 1. Sample 2: (9 + 4) / (5 sqrt 10).
    const expected = -(1 + 13 / (5 * Math.sqrt(10))) / 2;
    expect(val(cosineProximity(y(), p()))).toBeCloseTo(expected, 6);
  });

  it('resolves by camelCase name, Keras snake_case name and Keras alias', () => {
    const names: [string[], unknown][] = [
      [['meanAbsoluteError', 'mean_absolute_error', 'mae', 'MAE'], meanAbsoluteError],
      [['meanAbsolutePercentageError', 'mean_absolute_percentage_error', 'mape', 'MAPE'], meanAbsolutePercentageError],
      [['meanSquaredLogarithmicError', 'mean_squared_logarithmic_error', 'msle', 'MSLE'], meanSquaredLogarithmicError],
      [['logcosh', 'log_cosh'], logcosh],
      [['cosineProximity', 'cosine_proximity', 'cosine'], cosineProximity],
    ];
    for (const [aliases, fn] of names) for (const n of aliases) expect(getLoss(n, 'test'), n).toBe(fn);
  });

  it('leaks no tensors', () => {
    const [a, b] = [y(), p()];
    const before = tf.memory().numTensors;
    for (const fn of [meanAbsoluteError, meanAbsolutePercentageError, meanSquaredLogarithmicError, logcosh, cosineProximity]) fn(a, b).dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([a, b]);
  });
});
