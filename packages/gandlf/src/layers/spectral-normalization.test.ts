import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { SpectralNormalization } from './spectral-normalization';

/** A spectrally normalised Dense 2 -> 2 with kernel diag(3, 1), no bias, and u = [0.6, 0.8]. */
function diagonal() {
  const sn = new SpectralNormalization({ layer: tf.layers.dense({ units: 2, useBias: false }) });
  const x = tf.input({ shape: [2] });
  const model = tf.model({ inputs: x, outputs: sn.apply(x) as tf.SymbolicTensor });
  model.setWeights([
    tf.tensor2d([
      [3, 0],
      [0, 1],
    ]),
    tf.tensor2d([[0.6, 0.8]]),
  ]);
  return { sn, model };
}

// One power-iteration step from u = [0.6, 0.8] on W = diag(3, 1):
// v = norm(u Wᵀ) = norm([1.8, 0.8]); u' = norm(v W); σ = |v W| = 2.771350.
const v = [1.8 / Math.hypot(1.8, 0.8), 0.8 / Math.hypot(1.8, 0.8)];
const vw = [3 * v[0]!, v[1]!];
const sigma1 = Math.hypot(vw[0]!, vw[1]!);

describe('SpectralNormalization', () => {
  it('divides the kernel by the power-iteration estimate of σ (hand-computed)', () => {
    const { sn, model } = diagonal();
    const x = tf.tensor2d([[1, 1]]);
    const y = sn.apply(x, { training: true }) as tf.Tensor;
    expect(sigma1).toBeCloseTo(2.77135, 4);
    const out = y.dataSync();
    expect(out[0]).toBeCloseTo(3 / sigma1, 5);
    expect(out[1]).toBeCloseTo(1 / sigma1, 5);
    // The training call stored u' = vW / |vW|.
    const u = model.getWeights()[1]!.dataSync();
    expect(u[0]).toBeCloseTo(vw[0]! / sigma1, 5);
    expect(u[1]).toBeCloseTo(vw[1]! / sigma1, 5);
    tf.dispose([x, y]);
  });

  it('updates u only in training calls, and converges to σ = 3', () => {
    const { sn, model } = diagonal();
    const x = tf.tensor2d([[1, 1]]);
    const before = model.getWeights()[1]!.dataSync().slice();
    tf.dispose(model.predict(x) as tf.Tensor);
    expect(Array.from(model.getWeights()[1]!.dataSync())).toEqual(Array.from(before));
    for (let i = 0; i < 30; i++) tf.dispose(sn.apply(x, { training: true }) as tf.Tensor);
    expect(sn.sigma()).toBeCloseTo(3, 4);
    const y = model.predict(x) as tf.Tensor;
    expect(y.dataSync()[0]).toBeCloseTo(1, 4);
    tf.dispose([x, y]);
  });

  it('wraps Conv2D: conv2d(x, W / σ) + bias, with the layer activation', () => {
    const sn = new SpectralNormalization({ layer: tf.layers.conv2d({ filters: 3, kernelSize: 2, strides: 2, padding: 'same', activation: 'relu' }), seed: 4 });
    const x = tf.randomNormal([2, 4, 4, 2], 0, 1, 'float32', 1);
    const y = sn.apply(x) as tf.Tensor;
    const [w, b, u] = sn.getWeights() as [tf.Tensor4D, tf.Tensor1D, tf.Tensor2D];
    expect(w.shape).toEqual([2, 2, 2, 3]);
    expect(u.shape).toEqual([1, 3]);
    const expected = tf.tidy(() => {
      const wm = w.reshape([-1, 3]) as tf.Tensor2D;
      const vv = tf.matMul(u, wm, false, true);
      const vn = vv.div(tf.norm(vv));
      const s = tf.sum(tf.matMul(vn, wm).mul(u));
      return tf.relu(tf.conv2d(x as tf.Tensor4D, w.div(s) as tf.Tensor4D, 2, 'same').add(b));
    });
    expect(y.shape).toEqual([2, 2, 2, 3]);
    const [a, e] = [y.dataSync(), expected.dataSync()];
    a.forEach((value, i) => expect(value).toBeCloseTo(e[i]!, 5));
    tf.dispose([x, y, expected]);
  });

  it('gives gradients to the kernel and bias only; u is not trainable', () => {
    const sn = new SpectralNormalization({ layer: tf.layers.dense({ units: 3 }), seed: 2 });
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 4 }), sn] });
    expect(sn.trainableWeights).toHaveLength(2);
    expect(sn.nonTrainableWeights.map((w) => w.shape)).toEqual([[1, 3]]);
    const x = tf.randomNormal([5, 4]);
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { grads, value } = tf.variableGrads(() => tf.mean(tf.square(model.apply(x, { training: true }) as tf.Tensor)) as tf.Scalar, vars);
    expect(Object.keys(grads)).toHaveLength(4);
    expect(Object.values(grads).every((g) => tf.sum(tf.abs(g)).dataSync()[0]! > 0)).toBe(true);
    tf.dispose([x, value, ...Object.values(grads)]);
  });

  it('rejects layers other than Dense and Conv2D, and bad iteration counts', () => {
    expect(() => new SpectralNormalization({ layer: tf.layers.flatten() })).toThrowError(InvalidArgumentError);
    expect(() => new SpectralNormalization({ layer: tf.layers.flatten() })).toThrowError(/Dense or Conv2D.*Received: layer of class "Flatten"/);
    expect(() => new SpectralNormalization({ layer: tf.layers.dense({ units: 1 }), powerIterations: 0 })).toThrowError(/powerIterations=0/);
  });

  it('leaks no tensors in training calls', () => {
    const sn = new SpectralNormalization({ layer: tf.layers.dense({ units: 3 }) });
    const x = tf.randomNormal([5, 4]);
    tf.dispose(sn.apply(x, { training: true }) as tf.Tensor);
    const before = tf.memory().numTensors;
    tf.dispose(sn.apply(x, { training: true }) as tf.Tensor);
    tf.dispose(sn.apply(x) as tf.Tensor);
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
