import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { categoricalCrossentropy, categoricalHinge } from './categorical';
import { getLoss } from './registry';

describe('categoricalCrossentropy', () => {
  it('is -mean Σ y log p (hand-computed), renormalising p', () => {
    const y = tf.tensor2d([
      [0, 1, 0],
      [1, 0, 0],
    ]);
    const p = tf.tensor2d([
      [0.2, 0.5, 0.3],
      [0.5, 0.25, 0.25],
    ]);
    expect(categoricalCrossentropy(y, p).dataSync()[0]).toBeCloseTo(-(Math.log(0.5) + Math.log(0.5)) / 2, 6);
    // [1, 2, 1] renormalises to [0.25, 0.5, 0.25].
    expect(categoricalCrossentropy(tf.tensor2d([[0, 1, 0]]), tf.tensor2d([[1, 2, 1]])).dataSync()[0]).toBeCloseTo(-Math.log(0.5), 6);
    // Saturated: finite.
    expect(categoricalCrossentropy(tf.tensor2d([[1, 0]]), tf.tensor2d([[0, 1]])).dataSync()[0]).toBeCloseTo(-Math.log(1e-7), 1);
    expect(getLoss('categorical_crossentropy', 'test')).toBe(categoricalCrossentropy);
    tf.dispose([y, p]);
  });

  it('leaks no tensors', () => {
    const [y, p] = [tf.oneHot(tf.tensor1d([0, 1], 'int32'), 2), tf.fill([2, 2], 0.5)];
    const before = tf.memory().numTensors;
    categoricalCrossentropy(y, p).dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([y, p]);
  });
});

describe('categoricalHinge', () => {
  it("is Keras's max(0, 1 + max_{k≠c} p_k - p_c), averaged over samples (hand-computed)", () => {
    const y = tf.tensor2d([
      [0, 1, 0],
      [1, 0, 0],
    ]);
    const p = tf.tensor2d([
      [0.3, 0.6, 0.1],
      [0.2, 0.7, 0.1],
    ]);
    // Sample 1: 1 + .3 - .6 = .7. Sample 2: 1 + .7 - .2 = 1.5.
    const before = tf.memory().numTensors;
    const loss = categoricalHinge(y, p);
    expect(loss.dataSync()[0]).toBeCloseTo((0.7 + 1.5) / 2, 6);
    loss.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(getLoss('categorical_hinge', 'test')).toBe(categoricalHinge);
    expect(getLoss('categoricalHinge', 'test')).toBe(categoricalHinge);
    tf.dispose([y, p]);
  });
});
