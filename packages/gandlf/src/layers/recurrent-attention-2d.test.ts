import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors';
import { RecurrentAttention2D } from './recurrent-attention-2d';

type Matrix = number[][];
const dot = (v: number[], m: Matrix): number[] => m[0]!.map((_, j) => v.reduce((s, vi, i) => s + vi * m[i]![j]!, 0));
const add = (...vs: number[][]): number[] => vs[0]!.map((_, j) => vs.reduce((s, v) => s + v[j]!, 0));
const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));
const softmax = (v: number[]): number[] => {
  const e = v.map((x) => Math.exp(x - Math.max(...v)));
  return e.map((x) => x / e.reduce((s, y) => s + y, 0));
};

describe('RecurrentAttention2D', () => {
  it('gates a simpleRNN by a softmax-weighted sum over the attention timesteps (against a reference written out here)', () => {
    // simpleRNN(units 2) on 1 feature, 2 timesteps; attention of 3 timesteps x 2 features.
    const K = [[0.8, -0.6]];
    const R = [
      [0.1, -0.3],
      [0.5, 0.2],
    ];
    const b = [0, 0.1];
    const Ut = [
      [1, -1, 0.5],
      [0.3, 0.6, -0.9],
    ];
    const bt = [0.1, 0, -0.1];
    const Ua = [
      [0.4, -0.7],
      [0.2, 0.9],
    ];
    const ba = [-0.1, 0.3];
    const xs = [
      [[1], [0.5]],
      [[-1.5], [2]],
    ];
    const as = [
      [
        [1, 0],
        [0, 1],
        [-1, 2],
      ],
      [
        [0.5, 0.5],
        [2, -1],
        [0, 0.3],
      ],
    ];
    const expected = xs.map((x, n) => {
      let h = [0, 0];
      return x.map((xt) => {
        h = add(dot(xt, K), dot(h, R), b).map(Math.tanh);
        const t = softmax(add(dot(h, Ut), bt));
        const w = [0, 1].map((f) => as[n]!.reduce((s, row, k) => s + t[k]! * row[f]!, 0));
        const s = add(dot(w, Ua), ba).map(sigmoid);
        h = h.map((v, j) => v * s[j]!);
        return h;
      });
    });

    const seq = tf.input({ shape: [2, 1] });
    const attention = tf.input({ shape: [3, 2] });
    const layer = new RecurrentAttention2D({ layer: tf.layers.simpleRNN({ units: 2, returnSequences: true }) });
    const model = tf.model({ inputs: [seq, attention], outputs: layer.apply([seq, attention]) as tf.SymbolicTensor });
    expect(layer.weights.map((w) => w.originalName.split('/').pop())).toEqual(['kernel', 'recurrent_kernel', 'bias', 'attn_U_t', 'attn_b_t', 'attn_U_a', 'attn_b_a']);
    const weights = [K, R, b, Ut, bt, Ua, ba].map((w) => tf.tensor(w));
    layer.setWeights(weights);
    const inputs = [tf.tensor3d(xs), tf.tensor3d(as)];
    const y = model.predict(inputs) as tf.Tensor;
    expect(y.shape).toEqual([2, 2, 2]);
    const got = (y.arraySync() as number[][][]).flat(2);
    expected.flat(2).forEach((v, i) => expect(got[i]).toBeCloseTo(v, 5));
    tf.dispose([...weights, ...inputs, y]);
  });

  it('with zero weights, t is uniform and s = 0.5 (hand-computed)', () => {
    // units 1: h1 = 0.5 * tanh(2) whatever the attention.
    const layer = new RecurrentAttention2D({ layer: tf.layers.simpleRNN({ units: 1 }) });
    const x = tf.tensor3d([[[2]]]);
    const a = tf.tensor3d([[[1], [7]]]);
    layer.apply([x, a]);
    layer.setWeights([[[1]], [[0]], [0], [[0, 0]], [0, 0], [[0]], [0]].map((w) => tf.tensor(w)));
    const y = layer.apply([x, a]) as tf.Tensor;
    expect(y.dataSync()[0]).toBeCloseTo(0.5 * Math.tanh(2), 6);
    // U_a = 1: w = (1 + 7) / 2 = 4, s = sigmoid(4).
    layer.setWeights([[[1]], [[0]], [0], [[0, 0]], [0, 0], [[1]], [0]].map((w) => tf.tensor(w)));
    const y2 = layer.apply([x, a]) as tf.Tensor;
    expect(y2.dataSync()[0]).toBeCloseTo(sigmoid(4) * Math.tanh(2), 6);
    tf.dispose([x, a, y, y2, ...layer.getWeights()]);
  });

  it('runs lstm and gru with the shapes of the wrapped layer', () => {
    const seq = tf.input({ shape: [4, 3] });
    const attention = tf.input({ shape: [6, 5] });
    const cases: [tf.RNN, number[] | number[][]][] = [
      [tf.layers.lstm({ units: 6 }), [2, 6]],
      [
        tf.layers.lstm({ units: 6, returnSequences: true, returnState: true }),
        [
          [2, 4, 6],
          [2, 6],
          [2, 6],
        ],
      ],
      [tf.layers.gru({ units: 2, returnSequences: true }), [2, 4, 2]],
      [tf.layers.gru({ units: 2 }), [2, 2]],
    ];
    const x = tf.randomNormal([2, 4, 3], 0, 1, 'float32', 3);
    const a = tf.randomNormal([2, 6, 5], 0, 1, 'float32', 4);
    for (const [rnn, shape] of cases) {
      const out = new RecurrentAttention2D({ layer: rnn }).apply([seq, attention]) as tf.SymbolicTensor | tf.SymbolicTensor[];
      const model = tf.model({ inputs: [seq, attention], outputs: out });
      const y = model.predict([x, a]) as tf.Tensor | tf.Tensor[];
      const ys = Array.isArray(y) ? y : [y];
      expect(Array.isArray(y) ? ys.map((t) => t.shape) : ys[0]!.shape).toEqual(shape);
      expect(ys.every((t) => Array.from(t.dataSync()).every(Number.isFinite))).toBe(true);
      tf.dispose(ys);
    }
    tf.dispose([x, a]);
  });

  it('rejects an attention without known timesteps, and a bad activation', () => {
    const seq = tf.input({ shape: [5, 3] });
    expect(() => new RecurrentAttention2D({ layer: tf.layers.gru({ units: 2 }) }).apply([seq, tf.input({ shape: [4] })])).toThrowError(ShapeMismatchError);
    expect(() => new RecurrentAttention2D({ layer: tf.layers.gru({ units: 2 }) }).apply([seq, tf.input({ shape: [null, 4] })])).toThrowError(
      /attention of shape \[batch, timesteps, features\], sizes known.*Received: shape \[,,4\]/,
    );
    expect(() => new RecurrentAttention2D({ layer: tf.layers.gru({ units: 2 }), timeDistActivation: 3 as never })).toThrowError(InvalidArgumentError);
  });
});
