import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { kullbackLeiblerDivergence, poisson } from './probabilistic';
import { getLoss } from './registry';

const val = (t: tf.Scalar) => {
  const v = t.dataSync()[0] as number;
  t.dispose();
  return v;
};

describe('probabilistic losses (hand-computed, as Keras 2 computes them)', () => {
  it('kullbackLeiblerDivergence sums over the last axis, then averages over samples', () => {
    const y = tf.tensor2d([
      [0.5, 0.5],
      [1, 0],
    ]);
    const p = tf.tensor2d([
      [0.25, 0.75],
      [0.5, 0.5],
    ]);
    // Sample 1: .5 log(.5/.25) + .5 log(.5/.75). Sample 2: log(1/.5), plus 1e-7 log(1e-7/.5) from the clipped 0.
    const s1 = 0.5 * Math.log(2) + 0.5 * Math.log(2 / 3);
    const s2 = Math.log(2) + 1e-7 * Math.log(1e-7 / 0.5);
    expect(val(kullbackLeiblerDivergence(y, p))).toBeCloseTo((s1 + s2) / 2, 6);
    tf.dispose([y, p]);
  });

  it('poisson: mean(p - y log(p + 1e-7))', () => {
    const y = tf.tensor2d([
      [1, 0],
      [2, 3],
    ]);
    const p = tf.tensor2d([
      [2, 1],
      [1, 3],
    ]);
    const expected = (2 - Math.log(2) + 1 + 1 + (3 - 3 * Math.log(3))) / 4;
    expect(val(poisson(y, p))).toBeCloseTo(expected, 5);
    tf.dispose([y, p]);
  });

  it('resolves by camelCase name, Keras snake_case name and Keras alias', () => {
    for (const n of ['kullbackLeiblerDivergence', 'kullback_leibler_divergence', 'kl_divergence', 'kld', 'KLD']) {
      expect(getLoss(n, 'test'), n).toBe(kullbackLeiblerDivergence);
    }
    expect(getLoss('poisson', 'test')).toBe(poisson);
  });

  it('leaks no tensors', () => {
    const [y, p] = [tf.fill([2, 3], 0.3), tf.fill([2, 3], 0.5)];
    const before = tf.memory().numTensors;
    kullbackLeiblerDivergence(y, p).dispose();
    poisson(y, p).dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([y, p]);
  });
});
