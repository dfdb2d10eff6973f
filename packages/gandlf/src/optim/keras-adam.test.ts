import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { adam, KerasAdam } from './keras-adam';

/** Keras 2's Adam update, in float64, for gradients `grads[t]` of a variable starting at `p0`. */
function kerasAdam(p0: number[], grads: (p: number[]) => number[], steps: number, { lr = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7, decay = 0 } = {}): number[] {
  let p = [...p0];
  const m = p.map(() => 0);
  const v = p.map(() => 0);
  for (let it = 0; it < steps; it++) {
    const g = grads(p);
    const t = it + 1;
    const lrT = ((lr / (1 + decay * it)) * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
    p = p.map((x, i) => {
      m[i] = beta1 * m[i]! + (1 - beta1) * g[i]!;
      v[i] = beta2 * v[i]! + (1 - beta2) * g[i]! ** 2;
      return x - (lrT * m[i]!) / (Math.sqrt(v[i]!) + epsilon);
    });
  }
  return p;
}

describe('train.adam', () => {
  it("matches Keras 2's update with decay over a few steps, leak-free", () => {
    const options = { lr: 0.1, beta1: 0.5, beta2: 0.9, epsilon: 1e-3, decay: 0.3 };
    const w = tf.variable(tf.tensor1d([1, -2, 0.5]));
    const opt = adam(options);
    const f = () => tf.sum(tf.mul(tf.square(w), tf.tensor1d([1, 2, 3]))) as tf.Scalar;
    opt.minimize(f, false, [w]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) opt.minimize(f, false, [w]);
    expect(tf.memory().numTensors).toBe(before);
    const expected = kerasAdam([1, -2, 0.5], (p) => p.map((x, i) => 2 * (i + 1) * x), 4, options);
    Array.from(w.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
    expect(opt.iterations).toBe(4);
    expect(opt.currentLearningRate).toBeCloseTo(0.1 / (1 + 0.3 * 4), 12);
    opt.dispose();
    w.dispose();
  });

  it('keeps m then v per variable, restores them with the step count, and has Keras 2 defaults', async () => {
    const w = tf.variable(tf.tensor1d([1, 2]));
    const opt = adam({ decay: 0.1 });
    opt.minimize(() => tf.sum(tf.square(w)) as tf.Scalar, false, [w]);
    const weights = await opt.getWeights();
    expect(weights.map((x) => x.name)).toEqual(['iter', `${w.name}/m`, `${w.name}/v`]);
    const copy = KerasAdam.fromConfig(KerasAdam, opt.getConfig()) as KerasAdam;
    await copy.setWeights(weights);
    expect([copy.iterations, copy.currentLearningRate]).toEqual([1, opt.currentLearningRate]);
    weights[0]!.tensor.dispose();
    expect(new KerasAdam().getConfig()).toEqual({ lr: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, decay: 0 });
    expect(() => adam({ beta1: 1 })).toThrowError(/'beta1' passed to 'adam' must be a finite number in \[0, 1\)/);
    expect(() => adam({ beta_1: 0.5 } as never)).toThrowError(/did you mean 'beta1'/);
    tf.dispose(w);
    opt.dispose();
    copy.dispose();
  });
});
