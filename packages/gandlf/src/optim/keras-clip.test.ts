import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { adam, KerasAdam } from './keras-adam';
import { sgd } from './keras-sgd';
import { rmsprop } from './keras-rmsprop';

// Keras 2's optimizers clip in get_gradients: the joint norm first (clipnorm), then each value (clipvalue).
function step(opt: tf.Optimizer, grads: number[][]) {
  const vars = grads.map((g, i) => tf.tidy(() => tf.variable(tf.zeros([g.length]), true, `clip_test_${i}_${Math.random()}`)));
  tf.tidy(() => opt.applyGradients(vars.map((v, i) => ({ name: v.name, tensor: tf.tensor1d(grads[i]!) }))));
  const out = vars.map((v) => Array.from(v.dataSync()));
  tf.dispose(vars);
  opt.dispose();
  return out;
}

describe("Keras's clipnorm and clipvalue", () => {
  it('clipvalue clips each gradient element', () => {
    const [w] = step(sgd({ lr: 1, clipvalue: 0.5 }), [[2, -0.1, -3]]);
    expect(w![0]).toBeCloseTo(-0.5, 6);
    expect(w![1]).toBeCloseTo(0.1, 6);
    expect(w![2]).toBeCloseTo(0.5, 6);
  });

  it('clipnorm scales all gradients by one factor when their joint norm is over it, and leaves them alone under it', () => {
    const [a, b] = step(sgd({ lr: 1, clipnorm: 1 }), [[3], [4]]); // norm 5
    expect(a![0]).toBeCloseTo(-0.6, 6);
    expect(b![0]).toBeCloseTo(-0.8, 6);
    const [c, d] = step(sgd({ lr: 1, clipnorm: 10 }), [[3], [4]]);
    expect([c![0], d![0]]).toEqual([-3, -4]);
  });

  it('clipnorm runs before clipvalue', () => {
    const [a, b] = step(sgd({ lr: 1, clipnorm: 1, clipvalue: 0.7 }), [[3], [4]]);
    expect(a![0]).toBeCloseTo(-0.6, 6);
    expect(b![0]).toBeCloseTo(-0.7, 6);
  });

  it('Adam and RMSprop take them too; getConfig keeps them and fromConfig restores them; numTensors stays flat', () => {
    const before = tf.memory().numTensors;
    const clipped = step(adam({ lr: 0.1, clipvalue: 1e-3 }), [[5]]);
    const plain = step(adam({ lr: 0.1 }), [[1e-3]]);
    expect(clipped[0]![0]).toBeCloseTo(plain[0]![0]!, 6);
    step(rmsprop({ clipnorm: 1 }), [[5]]);
    expect(tf.memory().numTensors).toBe(before);
    const config = adam({ clipnorm: 2, clipvalue: 0.5 }).getConfig();
    expect(config).toMatchObject({ clipnorm: 2, clipvalue: 0.5 });
    const restored = KerasAdam.fromConfig(KerasAdam, config) as KerasAdam;
    expect([restored.clipnorm, restored.clipvalue]).toEqual([2, 0.5]);
    expect(adam().getConfig()).not.toHaveProperty('clipnorm');
  });

  it('rejects a bad clip value with a typed error naming it', () => {
    expect(() => sgd({ clipvalue: 0 })).toThrow(InvalidArgumentError);
    expect(() => sgd({ clipnorm: -1 })).toThrow(/Option 'clipnorm' passed to 'sgd'.*Received: clipnorm=-1/);
  });
});
