import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError, UnknownNameError } from '../errors';
import { BatchSimilarity } from './batch-similarity';

describe('BatchSimilarity', () => {
  it('compares each sample with the other one in a batch of two (hand-computed)', () => {
    const layer = new BatchSimilarity({ similarity: ['l1', 'l2'], n: 2, seed: 1 });
    const x = tf.tensor2d([
      [1, 2],
      [0, 4],
    ]);
    const y = layer.apply(x) as tf.Tensor;
    // |[1, -2]|_1 = 3 and |[1, -2]|²_2 = 5, for both rows and both draws.
    expect(y.shape).toEqual([2, 4]);
    expect(Array.from(y.dataSync())).toEqual([-3, -3, -5, -5, -3, -3, -5, -5]);
    tf.dispose([x, y]);
  });

  it('never pairs a sample with itself, flattens features, and passes gradients to the input', () => {
    const layer = new BatchSimilarity({ similarity: 'l1', n: 3, seed: 7 });
    const x = tf.tensor4d(
      Array.from({ length: 5 * 2 * 2 }, (_, i) => i * i),
      [5, 2, 2, 1],
    );
    const y = layer.apply(x) as tf.Tensor;
    expect(y.shape).toEqual([5, 3]);
    expect(Array.from(y.dataSync()).every((v) => v < 0)).toBe(true);
    const g = tf.grad((t: tf.Tensor) => tf.sum(layer.apply(t) as tf.Tensor))(x);
    expect(tf.sum(tf.abs(g)).dataSync()[0]).toBeGreaterThan(0);
    const model = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [2, 2, 1] }), new BatchSimilarity({ similarity: ['cosine', 'exp_l2'], n: 2 })] });
    expect(model.outputs[0]!.shape).toEqual([null, 4]);
    tf.dispose([x, y, g]);
  });

  it('draws the same partners for the same seed', () => {
    const x = tf.randomNormal([8, 3], 0, 1, 'float32', 3);
    const a = new BatchSimilarity({ similarity: 'l2', n: 4, seed: 5 }).apply(x) as tf.Tensor;
    const b = new BatchSimilarity({ similarity: 'l2', n: 4, seed: 5 }).apply(x) as tf.Tensor;
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    tf.dispose([x, a, b]);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => new BatchSimilarity({ similarity: 'l3' as never })).toThrowError(UnknownNameError);
    expect(() => new BatchSimilarity({ n: 0 })).toThrowError(/'n' passed to 'BatchSimilarity'.*Received: n=0/);
    expect(() => new BatchSimilarity({ similarity: [] })).toThrowError(InvalidArgumentError);
    expect(() => new BatchSimilarity().apply(tf.input({ shape: [] }))).toThrowError(ShapeMismatchError);
  });

  it('leaks no tensors', () => {
    const layer = new BatchSimilarity({ similarity: ['geometric', 'arithmetic'], n: 2, seed: 1 });
    const x = tf.randomNormal([6, 4]);
    (layer.apply(x) as tf.Tensor).dispose();
    const before = tf.memory().numTensors;
    (layer.apply(x) as tf.Tensor).dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
