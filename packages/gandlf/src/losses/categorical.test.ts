import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { categoricalCrossentropy } from './categorical';
import { getLoss } from './registry';

describe('categoricalCrossentropy', () => {
  it('is -mean Σ y log p (hand-computed), renormalising p', () => {
    const y = tf.tensor2d([[0, 1, 0], [1, 0, 0]]);
    const p = tf.tensor2d([[0.2, 0.5, 0.3], [0.5, 0.25, 0.25]]);
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
