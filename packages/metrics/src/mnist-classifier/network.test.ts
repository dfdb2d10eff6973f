import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { FEATURE_LAYER, mnistClassifierNetwork } from './network';

describe('mnistClassifierNetwork', () => {
  it('maps [n, 28, 28, 1] digits to 10 probabilities through 64 features, with about 61,000 weights', () => {
    const before = tf.memory().numTensors;
    const net = mnistClassifierNetwork();
    // conv 3x3: 1->16, 16->32, 32->64; dense 576->64, 64->10 (weights and biases)
    expect(net.countParams()).toBe(160 + 4640 + 18496 + (576 * 64 + 64) + 650);
    expect(net.getLayer(FEATURE_LAYER).outputShape).toEqual([null, 64]);
    const p = tf.tidy(() => net.predict(tf.zeros([2, 28, 28, 1])) as tf.Tensor);
    expect(p.shape).toEqual([2, 10]);
    expect(tf.tidy(() => p.sum(-1).arraySync())).toEqual([expect.closeTo(1, 5), expect.closeTo(1, 5)]);
    p.dispose();
    net.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('draws the same weights for the same seed', () => {
    const [a, b, c] = [mnistClassifierNetwork({ seed: 2 }), mnistClassifierNetwork({ seed: 2 }), mnistClassifierNetwork({ seed: 3 })];
    const w = (n: tf.LayersModel) => Array.from(n.getWeights()[0]!.dataSync().slice(0, 8));
    expect(w(a)).toEqual(w(b));
    expect(w(a)).not.toEqual(w(c));
    [a, b, c].forEach((n) => n.dispose());
  });
});
