import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError, UnknownOptionError } from '../errors';
import { RecurrentAttention1D } from './recurrent-attention-1d';

type Matrix = number[][];
const dot = (v: number[], m: Matrix): number[] => m[0]!.map((_, j) => v.reduce((s, vi, i) => s + vi * m[i]![j]!, 0));
const add = (...vs: number[][]): number[] => vs[0]!.map((_, j) => vs.reduce((s, v) => s + v[j]!, 0));
const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

describe('RecurrentAttention1D', () => {
  it('gates a simpleRNN step by step (against a reference written out here)', () => {
    // simpleRNN(units 2) on 1 feature, 2 timesteps; attention of 3 features.
    const K = [[0.5, -1]];
    const R = [
      [0.3, 0.2],
      [-0.4, 0.6],
    ];
    const b = [0.1, -0.2];
    const Ua = [
      [0.2, -0.1],
      [0.4, 0.3],
      [-0.5, 0.1],
    ];
    const Um = [
      [0.7, -0.2],
      [0.1, 0.5],
    ];
    const bm = [0.05, -0.05];
    const Us = [
      [1, -0.5],
      [0.3, 0.8],
    ];
    const bs = [0.2, -0.1];
    const xs = [
      [[1], [-2]],
      [[0.5], [3]],
    ];
    const as = [
      [1, 0, -1],
      [0.2, 0.4, 0.6],
    ];
    const expected = xs.map((x, n) => {
      let h = [0, 0];
      return x.map((xt) => {
        h = add(dot(xt, K), dot(h, R), b).map(Math.tanh);
        const m = add(dot(h, Um), dot(as[n]!, Ua), bm).map(Math.tanh);
        const s = add(dot(m, Us), bs).map(sigmoid);
        h = h.map((v, j) => v * s[j]!);
        return h;
      });
    });

    const seq = tf.input({ shape: [2, 1] });
    const attention = tf.input({ shape: [3] });
    const layer = new RecurrentAttention1D({ layer: tf.layers.simpleRNN({ units: 2, returnSequences: true }) });
    const model = tf.model({ inputs: [seq, attention], outputs: layer.apply([seq, attention]) as tf.SymbolicTensor });
    expect(layer.weights.map((w) => w.originalName.split('/').pop())).toEqual(['kernel', 'recurrent_kernel', 'bias', 'attn_U_a', 'attn_U_m', 'attn_b_m', 'attn_U_s', 'attn_b_s']);
    const weights = [K, R, b, Ua, Um, bm, Us, bs].map((w) => tf.tensor(w));
    layer.setWeights(weights);
    const inputs = [tf.tensor3d(xs), tf.tensor2d(as)];
    const y = model.predict(inputs) as tf.Tensor;
    expect(y.shape).toEqual([2, 2, 2]);
    const got = y.arraySync() as number[][][];
    expected.flat(2).forEach((v, i) => expect(got.flat(2)[i]).toBeCloseTo(v, 5));
    tf.dispose([...weights, ...inputs, y]);
  });

  it('with zero attention weights, s = 0.5 at every step (hand-computed)', () => {
    // units 1: h1 = 0.5 * tanh(1 * 2) ; h2 = 0.5 * tanh(1 * -1 + 0.5 * h1).
    const layer = new RecurrentAttention1D({ layer: tf.layers.simpleRNN({ units: 1 }) });
    const x = tf.tensor3d([[[2], [-1]]]);
    const a = tf.tensor2d([[5, -5]]);
    layer.apply([x, a]);
    layer.setWeights([[[1]], [[0.5]], [0], [[0], [0]], [[0]], [0], [[0]], [0]].map((w) => tf.tensor(w)));
    const y = layer.apply([x, a]) as tf.Tensor;
    const h1 = 0.5 * Math.tanh(2);
    expect(y.shape).toEqual([1, 1]);
    expect(y.dataSync()[0]).toBeCloseTo(0.5 * Math.tanh(-1 + 0.5 * h1), 6);
    tf.dispose([x, a, y, ...layer.getWeights()]);
  });

  it('gates an LSTM: the attended h is the output and the state, the carry c goes on as it is', () => {
    const units = 3;
    const plain = tf.layers.lstm({ units, returnState: true });
    const wrapped = tf.layers.lstm({ units, returnState: true });
    const layer = new RecurrentAttention1D({ layer: wrapped });
    const x = tf.randomNormal([2, 1, 4], 0, 1, 'float32', 1);
    const a = tf.randomNormal([2, 5], 0, 1, 'float32', 2);
    plain.apply(x);
    layer.apply([x, a]);
    // Same cell weights; zero attention weights, so s = 0.5.
    layer.setWeights([
      ...plain.getWeights(),
      ...layer
        .getWeights()
        .slice(3)
        .map((w) => tf.zerosLike(w)),
    ]);
    const [hPlain, , cPlain] = plain.apply(x) as tf.Tensor[];
    const [out, h, c] = layer.apply([x, a]) as tf.Tensor[];
    expect(out!.shape).toEqual([2, units]);
    expect(Array.from(out!.dataSync())).toEqual(Array.from(h!.dataSync()));
    Array.from(hPlain!.dataSync()).forEach((v, i) => expect(out!.dataSync()[i]).toBeCloseTo(0.5 * v, 6));
    Array.from(cPlain!.dataSync()).forEach((v, i) => expect(c!.dataSync()[i]).toBeCloseTo(v, 6));
    tf.dispose([x, a, hPlain!, cPlain!, out!, h!, c!]);
  });

  it('runs lstm, gru and simpleRNN with the shapes of the wrapped layer', () => {
    const seq = tf.input({ shape: [5, 3] });
    const attention = tf.input({ shape: [4] });
    const cases: [tf.RNN, number[] | number[][]][] = [
      [tf.layers.lstm({ units: 6 }), [2, 6]],
      [tf.layers.lstm({ units: 6, returnSequences: true }), [2, 5, 6]],
      [tf.layers.gru({ units: 2, returnSequences: true }), [2, 5, 2]],
      [
        tf.layers.gru({ units: 2, returnState: true }),
        [
          [2, 2],
          [2, 2],
        ],
      ],
      [tf.layers.simpleRNN({ units: 7 }), [2, 7]],
    ];
    const x = tf.randomNormal([2, 5, 3], 0, 1, 'float32', 3);
    const a = tf.randomNormal([2, 4], 0, 1, 'float32', 4);
    for (const [rnn, shape] of cases) {
      const out = new RecurrentAttention1D({ layer: rnn }).apply([seq, attention]) as tf.SymbolicTensor | tf.SymbolicTensor[];
      const model = tf.model({ inputs: [seq, attention], outputs: out });
      const y = model.predict([x, a]) as tf.Tensor | tf.Tensor[];
      const ys = Array.isArray(y) ? y : [y];
      expect(Array.isArray(y) ? ys.map((t) => t.shape) : ys[0]!.shape).toEqual(shape);
      expect(ys.every((t) => Array.from(t.dataSync()).every(Number.isFinite))).toBe(true);
      tf.dispose(ys);
    }
    tf.dispose([x, a]);
  });

  it('rejects what it cannot wrap or apply, naming the argument', () => {
    const seq = tf.input({ shape: [5, 3] });
    expect(() => new RecurrentAttention1D({ layer: tf.layers.dense({ units: 2 }) as never })).toThrowError(InvalidArgumentError);
    expect(() => new RecurrentAttention1D({ layer: tf.layers.dense({ units: 2 }) as never })).toThrowError(
      /'layer' passed to 'RecurrentAttention1D' must be a tfjs recurrent layer.*Received: layer of class "Dense"/,
    );
    expect(() => new RecurrentAttention1D({ layer: tf.layers.lstm({ units: 2, stateful: true, batchInputShape: [1, 5, 3] }) })).toThrowError(/must not be stateful/);
    expect(() => new RecurrentAttention1D({ layer: tf.layers.lstm({ units: 2 }), attn_activation: 'tanh' } as never)).toThrowError(UnknownOptionError);
    expect(() => new RecurrentAttention1D({ layer: tf.layers.lstm({ units: 2 }), attnActivation: 'tanhh' as never })).toThrowError(/'attnActivation'.*Received: attnActivation="tanhh"/);
    expect(() => new RecurrentAttention1D({ layer: tf.layers.lstm({ units: 2 }), kernelRegularizer: 'l2' as never })).toThrowError(/'kernelRegularizer'/);
    expect(() => new RecurrentAttention1D({ layer: tf.layers.lstm({ units: 2 }) }).apply(seq)).toThrowError(ShapeMismatchError);
    expect(() => new RecurrentAttention1D({ layer: tf.layers.lstm({ units: 2 }) }).apply([seq, seq])).toThrowError(/attention of shape \[batch, features\].*Received: shape \[,5,3\]/);
  });
});
