import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { PermanentDropout } from './permanent-dropout';

describe('PermanentDropout', () => {
  it('drops units at inference too, scaling the kept ones by 1 / (1 - rate)', () => {
    const model = tf.sequential({ layers: [new PermanentDropout({ inputShape: [1000], rate: 0.25, seed: 1 })] });
    const ones = tf.ones([4, 1000]);
    const a = Array.from((model.predict(ones) as tf.Tensor).dataSync());
    const b = Array.from((model.predict(ones) as tf.Tensor).dataSync());
    // Every value is 0 or 1 / 0.75.
    expect(a.every((v) => v === 0 || Math.abs(v - 4 / 3) < 1e-6)).toBe(true);
    const dropped = a.filter((v) => v === 0).length / a.length;
    expect(dropped).toBeGreaterThan(0.22);
    expect(dropped).toBeLessThan(0.28);
    // A fresh mask every call.
    expect(a).not.toEqual(b);
    ones.dispose();
  });

  it('repeats its masks for the same seed, and is the identity at rate 0', () => {
    const x = tf.ones([2, 50]);
    const a = new PermanentDropout({ rate: 0.5, seed: 9 }).apply(x) as tf.Tensor;
    const b = new PermanentDropout({ rate: 0.5, seed: 9 }).apply(x) as tf.Tensor;
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    const c = new PermanentDropout({ rate: 0 }).apply(x) as tf.Tensor;
    expect(Array.from(c.dataSync())).toEqual(Array.from(x.dataSync()));
    tf.dispose([x, a, b, c]);
  });

  it('rejects a rate outside [0, 1)', () => {
    expect(() => new PermanentDropout({ rate: 1 })).toThrowError(InvalidArgumentError);
    expect(() => new PermanentDropout({ rate: -0.1 })).toThrowError(/'rate' passed to 'PermanentDropout'.*Received: rate=-0.1/);
  });

  it('leaks no tensors', () => {
    const layer = new PermanentDropout({ rate: 0.5 });
    const x = tf.ones([3, 3]);
    (layer.apply(x) as tf.Tensor).dispose();
    const before = tf.memory().numTensors;
    (layer.apply(x) as tf.Tensor).dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
