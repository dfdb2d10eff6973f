import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { UnknownNameError } from '../errors';
import { binaryCrossentropy, binaryCrossentropyFromLogits, hinge, maximize, meanSquaredError, minimize, negativeBinaryCrossentropy, squaredHinge } from './losses';
import { getLoss } from './registry';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const val = (t: tf.Scalar) => {
  const v = t.dataSync()[0] as number;
  t.dispose();
  return v;
};

describe('losses (hand-computed values)', () => {
  const y = () => tf.tensor1d([1, 0, 1, 0]);
  const p = () => tf.tensor1d([0.9, 0.2, 0.5, 0.5]);

  it('binaryCrossentropy', () => {
    // -(log .9 + log .8 + log .5 + log .5) / 4
    const expected = -(Math.log(0.9) + Math.log(0.8) + 2 * Math.log(0.5)) / 4;
    expect(val(binaryCrossentropy(y(), p()))).toBeCloseTo(expected, 6);
  });

  it("negativeBinaryCrossentropy is gandlf's: mean((1 - y) log p + y log(1 - p))", () => {
    // y = [1, 0, 1, 0], p = [.9, .2, .5, .5]: (log .1 + log .2 + log .5 + log .5) / 4
    const expected = (Math.log(0.1) + Math.log(0.2) + 2 * Math.log(0.5)) / 4;
    expect(val(negativeBinaryCrossentropy(y(), p()))).toBeCloseTo(expected, 5);
    // Target 1: the generator minimises log(1 - D(G(z))).
    expect(val(negativeBinaryCrossentropy(tf.tensor1d([1]), tf.tensor1d([0.25])))).toBeCloseTo(Math.log(0.75), 6);
  });

  it('binaryCrossentropy stays finite on saturated predictions', () => {
    const v = val(binaryCrossentropy(tf.tensor1d([1, 0]), tf.tensor1d([0, 1])));
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeCloseTo(-Math.log(1e-7), 0);
  });

  it('binaryCrossentropyFromLogits equals the sigmoid form', () => {
    const logits = [2, -1, 0, 30];
    const labels = [1, 0, 1, 0];
    const expected =
      logits
        .map((x, i) => {
          const s = 1 / (1 + Math.exp(-x));
          const l = labels[i] as number;
          return -(l * Math.log(s) + (1 - l) * Math.log(1 - s || 1e-300));
        })
        .reduce((a, b) => a + b) / 4;
    // For x = 30, label 0: loss = 30 + log(1 + e^-30) ~ 30.
    expect(val(binaryCrossentropyFromLogits(tf.tensor1d(labels), tf.tensor1d(logits)))).toBeCloseTo((Math.log(1 + Math.exp(-2)) + Math.log(1 + Math.exp(-1)) + Math.log(2) + 30) / 4, 5);
    expect(Number.isFinite(expected)).toBe(true);
  });

  it('meanSquaredError', () => {
    // (.01 + .04 + .25 + .25) / 4
    expect(val(meanSquaredError(y(), p()))).toBeCloseTo(0.1375, 6);
  });

  it('hinge and squaredHinge on {-1, 1} targets', () => {
    const t = tf.tensor1d([1, -1, 1, -1]);
    const s = tf.tensor1d([2, 0.5, 0.25, -3]);
    // max(1 - y p, 0) = [0, 1.5, 0.75, 0]
    expect(val(hinge(t, s))).toBeCloseTo(2.25 / 4, 6);
    expect(val(squaredHinge(t, s))).toBeCloseTo((2.25 + 0.5625) / 4, 6);
  });

  it('maximize and minimize ignore targets', () => {
    expect(val(maximize(y(), p()))).toBeCloseTo(-0.525, 6);
    expect(val(minimize(tf.zeros([4]), p()))).toBeCloseTo(0.525, 6);
  });

  it('leaks no tensors', () => {
    const a = y();
    const b = p();
    const before = tf.memory().numTensors;
    for (const fn of [binaryCrossentropy, meanSquaredError, hinge, squaredHinge, maximize]) {
      fn(a, b).dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([a, b]);
  });
});

describe('getLoss', () => {
  it('resolves names, aliases and functions', () => {
    expect(getLoss('binaryCrossentropy', 'test')).toBe(binaryCrossentropy);
    expect(getLoss('binary_crossentropy', 'test')).toBe(binaryCrossentropy);
    expect(getLoss(hinge, 'test')).toBe(hinge);
  });

  it("'negative_xent' is gandlf's alias of negativeBinaryCrossentropy", () => {
    const fn = getLoss('negative_xent', 'test');
    expect(fn).toBe(negativeBinaryCrossentropy);
    expect(getLoss('negative_binary_crossentropy', 'test')).toBe(negativeBinaryCrossentropy);
    // y = 0, p = 0.25: mean((1 - y) log p + y log(1 - p)) = log 0.25.
    expect(val(fn(tf.tensor1d([0]), tf.tensor1d([0.25])))).toBeCloseTo(Math.log(0.25), 6);
  });

  it('names the argument and echoes an unknown name', () => {
    expect(() => getLoss('crossentropyy', "compile: argument 'loss'")).toThrowError(UnknownNameError);
    expect(() => getLoss('crossentropyy', "compile: argument 'loss'")).toThrowError(/compile: argument 'loss'.*Received: "crossentropyy"/);
  });
});
