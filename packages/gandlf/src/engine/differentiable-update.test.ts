import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { clipWeights } from '../optim/weight-clipping';
import { differentiableUpdate } from './differentiable-update';

/** The written-out step from the optimizer's present state, read back. */
function written(opt: tf.Optimizer, v: tf.Variable, grad: tf.Tensor): number[] {
  return tf.tidy(() => {
    const u = differentiableUpdate(opt, [v], 'test');
    return Array.from(u.step([v], [grad], u.initial()).theta[0]!.dataSync());
  });
}

describe('differentiableUpdate: an optimizer step as tensor ops', () => {
  it.each([
    ['SGD', () => tf.train.sgd(0.1)],
    ['Adam', () => tf.train.adam(0.05, 0.5, 0.9, 1e-7)],
  ] as const)("%s: the same values as the optimizer's own step, fresh and after two steps", (_, make) => {
    const opt = make();
    const v = tf.variable(tf.tensor1d([0.5, -1, 2]));
    const grads = [tf.tensor1d([0.3, -0.2, 0]), tf.tensor1d([-0.1, 0.4, 0.2]), tf.tensor1d([0.25, 0.1, -0.3])];
    for (const grad of grads) {
      const expected = written(opt, v, grad);
      opt.applyGradients([{ name: v.name, tensor: grad }]);
      Array.from(v.dataSync()).forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 6));
    }
    opt.dispose();
    tf.dispose([v, ...grads]);
  });

  it("Adam's step has a finite derivative where a weight's gradients were all zero (v̂ = 0)", () => {
    const opt = tf.train.adam(0.05, 0.5, 0.9, 1e-7);
    const v = tf.variable(tf.tensor1d([0.5, -1]));
    opt.applyGradients([{ name: v.name, tensor: tf.tensor1d([0.3, 0]) }]);
    const u = differentiableUpdate(opt, [v], 'test');
    // θ'(s) with gradient s * [1, 0]: the second entry's v̂ stays 0.
    const d = tf.grad((s: tf.Tensor) => tf.sum(u.step([v], [tf.mul(s, tf.tensor1d([1, 0]))], u.initial()).theta[0]!))(tf.scalar(0.2));
    expect(Number.isFinite(d.dataSync()[0]!)).toBe(true);
    expect(d.dataSync()[0]).not.toBe(0);
    tf.dispose([d, v]);
    opt.dispose();
  });

  it.each([
    ['Momentum', () => tf.train.momentum(0.1, 0.9)],
    ['RMSProp', () => tf.train.rmsprop(0.1)],
    ['Adamax', () => tf.train.adamax(0.1)],
    ['GandlfWeightClipping', () => clipWeights(tf.train.sgd(0.1))],
  ] as const)('%s is a typed error naming the optimizer and the caller', (name, make) => {
    const opt = make();
    const v = tf.variable(tf.scalar(1));
    expect(() => differentiableUpdate(opt, [v], "Unrolled option 'secondOrder'")).toThrowError(InvalidArgumentError);
    expect(() => differentiableUpdate(opt, [v], "Unrolled option 'secondOrder'")).toThrowError(new RegExp(`^Unrolled option 'secondOrder'.*Received: optimizer="${name}"$`));
    v.dispose();
  });
});
