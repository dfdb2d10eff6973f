import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { KerasRMSprop, rmsprop } from './keras-rmsprop';

describe('train.rmsprop', () => {
  it("matches Keras 2's update with decay by hand, with epsilon outside the root", () => {
    const w = tf.variable(tf.tensor1d([2, -1]));
    const opt = rmsprop({ lr: 0.1, rho: 0.5, epsilon: 0.5, decay: 1 });
    // grad = w. Step 0: a = 0.5 · w²; w -= 0.1 · w / (sqrt(a) + 0.5).
    let p = [2, -1];
    let a = [0, 0];
    for (let t = 0; t < 2; t++) {
      tf.tidy(() => opt.applyGradients([{ name: w.name, tensor: tf.clone(w) }]));
      const lr = 0.1 / (1 + t);
      a = a.map((x, i) => 0.5 * x + 0.5 * p[i]! ** 2);
      p = p.map((x, i) => x - (lr * x) / (Math.sqrt(a[i]!) + 0.5));
    }
    Array.from(w.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(p[i]!, 6));
    opt.dispose();
    w.dispose();
  });

  it('has Keras 2 defaults and one accumulator per variable', async () => {
    expect(new KerasRMSprop().getConfig()).toEqual({ lr: 0.001, rho: 0.9, epsilon: 1e-7, decay: 0 });
    const w = tf.variable(tf.tensor1d([1]));
    const opt = rmsprop();
    opt.minimize(() => tf.sum(w) as tf.Scalar, false, [w]);
    const weights = await opt.getWeights();
    expect(weights.map((x) => x.name)).toEqual(['iter', `${w.name}/rms`]);
    expect(() => rmsprop({ rho: -0.1 })).toThrowError(/Received: rho=-0.1/);
    tf.dispose([w, weights[0]!.tensor]);
    opt.dispose();
  });
});
