import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, UnknownOptionError } from '../errors';
import { KerasSGD, sgd } from './keras-sgd';

/** One step on the loss sum(w²) / 2, whose gradient is w. */
function step(opt: tf.Optimizer, w: tf.Variable): void {
  tf.tidy(() => opt.applyGradients([{ name: w.name, tensor: tf.clone(w) }]));
}

describe('train.sgd', () => {
  it('decays the rate as lr / (1 + decay · iterations) and matches two momentum steps by hand', () => {
    const w = tf.variable(tf.tensor1d([1, 2]));
    const opt = sgd({ lr: 0.1, momentum: 0.9, decay: 0.5 });
    expect(opt.currentLearningRate).toBe(0.1);
    step(opt, w);
    // v = -0.1 · [1, 2]; w = [0.9, 1.8]
    expect(Array.from(w.dataSync())).toEqual([0.9, 1.8].map(Math.fround));
    expect(opt.currentLearningRate).toBeCloseTo(0.1 / 1.5, 12);
    const before = tf.memory().numTensors;
    step(opt, w);
    expect(tf.memory().numTensors).toBe(before);
    // lr = 0.1 / 1.5; v = 0.9 · [-0.1, -0.2] - (0.1 / 1.5) · [0.9, 1.8] = [-0.15, -0.3]; w = [0.75, 1.5]
    Array.from(w.dataSync()).forEach((v, i) => expect(v).toBeCloseTo([0.75, 1.5][i]!, 6));
    for (const k of [2, 10, 1000]) {
      const o = sgd({ lr: 0.3, decay: 0.01 });
      (o as unknown as { iterations_: number }).iterations_ = k;
      expect(o.currentLearningRate).toBe(0.3 / (1 + 0.01 * k));
    }
    opt.dispose();
    w.dispose();
  });

  it('Nesterov steps p + momentum · v - lr · g; without momentum it keeps no slots', async () => {
    const w = tf.variable(tf.tensor1d([1, 2]));
    const nesterov = sgd({ lr: 0.1, momentum: 0.9, nesterov: true });
    step(nesterov, w);
    Array.from(w.dataSync()).forEach((v, i) => expect(v).toBeCloseTo([0.81, 1.62][i]!, 6));
    const plain = sgd({ lr: 0.5, decay: 1 });
    const u = tf.variable(tf.tensor1d([4]));
    step(plain, u);
    step(plain, u); // 4 - 0.5 · 4 = 2, then 2 - 0.25 · 2 = 1.5
    expect(u.dataSync()[0]).toBe(1.5);
    const weights = await plain.getWeights();
    expect(weights.map((x) => x.name)).toEqual(['iter']);
    tf.dispose([w, u, weights[0]!.tensor]);
    nesterov.dispose();
  });

  it('matches tfjs SGD and momentum while the rate is constant', () => {
    const [a, b] = [tf.variable(tf.tensor1d([1, -2, 3])), tf.variable(tf.tensor1d([1, -2, 3]))];
    const [ours, theirs] = [sgd({ lr: 0.05, momentum: 0.5 }), tf.train.momentum(0.05, 0.5)];
    for (let i = 0; i < 3; i++) {
      step(ours, a);
      step(theirs, b);
    }
    Array.from(a.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(b.dataSync()[i]!, 6));
    tf.dispose([a, b]);
  });

  it('has Keras 2 defaults, round-trips its config and rejects bad options', () => {
    const opt = new KerasSGD();
    expect(opt.getConfig()).toEqual({ lr: 0.01, momentum: 0, decay: 0, nesterov: false });
    expect(opt.getClassName()).toBe('GandlfKerasSGD');
    const back = KerasSGD.fromConfig(KerasSGD, sgd({ lr: 0.2, momentum: 0.1, decay: 0.3, nesterov: true }).getConfig());
    expect(back.getConfig()).toEqual({ lr: 0.2, momentum: 0.1, decay: 0.3, nesterov: true });
    expect(() => sgd({ lr: -1 })).toThrowError(/Option 'lr' passed to 'sgd' must be a finite number >= 0. Received: lr=-1/);
    expect(() => sgd({ decay: Number.NaN })).toThrowError(InvalidArgumentError);
    expect(() => sgd({ nesterov: 1 as never })).toThrowError(/Received: nesterov=1/);
    expect(() => sgd({ learning_rate: 0.1 } as never)).toThrowError(UnknownOptionError);
  });
});
