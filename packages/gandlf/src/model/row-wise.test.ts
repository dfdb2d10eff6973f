import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { BatchSimilarity } from '../layers/batch-similarity';
import { SpectralNormalization } from '../layers/spectral-normalization';
import { isRowWise } from './row-wise';

const dcganD = (norm?: (h: tf.SymbolicTensor) => tf.SymbolicTensor) => {
  const x = tf.input({ shape: [8, 8, 1] });
  let h = tf.layers.conv2d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same' }).apply(x) as tf.SymbolicTensor;
  if (norm) h = norm(h);
  h = tf.layers.leakyReLU({ alpha: 0.2 }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.dropout({ rate: 0.3 }).apply(tf.layers.flatten().apply(h)) as tf.SymbolicTensor;
  return tf.model({ inputs: x, outputs: tf.layers.dense({ units: 1 }).apply(h) as tf.SymbolicTensor });
};

describe('isRowWise', () => {
  it('holds for convolutions, dense layers, activations, dropout and nested models', () => {
    expect(isRowWise(dcganD())).toBe(true);
    const outer = tf.input({ shape: [8, 8, 1] });
    expect(isRowWise(tf.model({ inputs: outer, outputs: dcganD().apply(outer) as tf.SymbolicTensor }))).toBe(true);
  });

  it('fails for layers that mix rows or keep per-call state, also inside a nested model', () => {
    expect(isRowWise(dcganD((h) => tf.layers.batchNormalization().apply(h) as tf.SymbolicTensor))).toBe(false);
    const x = tf.input({ shape: [4] });
    expect(isRowWise(tf.model({ inputs: x, outputs: new BatchSimilarity().apply(x) as tf.SymbolicTensor }))).toBe(false);
    expect(isRowWise(tf.model({ inputs: x, outputs: new SpectralNormalization({ layer: tf.layers.dense({ units: 2 }) }).apply(x) as tf.SymbolicTensor }))).toBe(false);
    const inner = dcganD((h) => tf.layers.batchNormalization().apply(h) as tf.SymbolicTensor);
    const outer = tf.input({ shape: [8, 8, 1] });
    expect(isRowWise(tf.model({ inputs: outer, outputs: inner.apply(outer) as tf.SymbolicTensor }))).toBe(false);
  });
});
