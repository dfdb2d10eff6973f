import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError, UnknownNameError } from '../errors';
import { BatchSimilarity } from './batch-similarity';

describe('BatchSimilarity', () => {
  it('compares each sample with the other one in a batch of two (hand-computed)', () => {
    const layer = new BatchSimilarity({ similarity: ['l1', 'l2'], n: 2, seed: 1 });
    const x = tf.tensor2d([
      [1, 2],
      [0, 4],
    ]);
    const y = layer.apply(x) as tf.Tensor;
    // |[1, -2]|_1 = 3 and |[1, -2]|²_2 = 5, for both rows and both draws.
    expect(y.shape).toEqual([2, 4]);
    expect(Array.from(y.dataSync())).toEqual([-3, -3, -5, -5, -3, -3, -5, -5]);
    tf.dispose([x, y]);
  });

  it('never pairs a sample with itself, flattens features, and passes gradients to the input', () => {
    const layer = new BatchSimilarity({ similarity: 'l1', n: 3, seed: 7 });
    const x = tf.tensor4d(
      Array.from({ length: 5 * 2 * 2 }, (_, i) => i * i),
      [5, 2, 2, 1],
    );
    const y = layer.apply(x) as tf.Tensor;
    expect(y.shape).toEqual([5, 3]);
    expect(Array.from(y.dataSync()).every((v) => v < 0)).toBe(true);
    const g = tf.grad((t: tf.Tensor) => tf.sum(layer.apply(t) as tf.Tensor))(x);
    expect(tf.sum(tf.abs(g)).dataSync()[0]).toBeGreaterThan(0);
    const model = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [2, 2, 1] }), new BatchSimilarity({ similarity: ['cosine', 'exp_l2'], n: 2 })] });
    expect(model.outputs[0]!.shape).toEqual([null, 4]);
    tf.dispose([x, y, g]);
  });

  it('draws the same partners for the same seed', () => {
    const x = tf.randomNormal([8, 3], 0, 1, 'float32', 3);
    const a = new BatchSimilarity({ similarity: 'l2', n: 4, seed: 5 }).apply(x) as tf.Tensor;
    const b = new BatchSimilarity({ similarity: 'l2', n: 4, seed: 5 }).apply(x) as tf.Tensor;
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    tf.dispose([x, a, b]);
  });

  it('takes one n per similarity: the output shape and getConfig follow (hand-computed)', () => {
    const layer = new BatchSimilarity({ similarity: ['l1', 'l2'], n: [1, 3], seed: 1 });
    const x = tf.tensor2d([
      [1, 2],
      [0, 4],
    ]);
    const y = layer.apply(x) as tf.Tensor;
    // One l1 column (-3), then three l2 columns (-5), per row.
    expect(y.shape).toEqual([2, 4]);
    expect(Array.from(y.dataSync())).toEqual([-3, -5, -5, -5, -3, -5, -5, -5]);
    expect(layer.computeOutputShape([null, 2])).toEqual([null, 4]);
    expect(layer.getConfig().n).toEqual([1, 3]);
    expect(new BatchSimilarity({ similarity: ['l1', 'cosine'], n: 2 }).getConfig().n).toBe(2);
    const model = tf.sequential({ layers: [new BatchSimilarity({ inputShape: [3], similarity: ['cosine', 'exp_l2', 'l1'], n: [2, 1, 4] })] });
    expect(model.outputs[0]!.shape).toEqual([null, 7]);
    tf.dispose([x, y]);
  });

  it('keeps a list of n through toJSON -> modelFromJSON', async () => {
    const input = tf.input({ shape: [3] });
    const model = tf.model({ inputs: input, outputs: new BatchSimilarity({ similarity: ['l1', 'l2'], n: [2, 1], seed: 3 }).apply(input) as tf.SymbolicTensor });
    const back = await tf.models.modelFromJSON({ modelTopology: model.toJSON(null, false) as tf.io.ModelArtifacts['modelTopology'] } as never);
    const layer = back.layers[1] as BatchSimilarity;
    expect(layer.n).toEqual([2, 1]);
    expect(back.outputs[0]!.shape).toEqual([null, 3]);
    const x = tf.tensor2d([
      [1, 2, 3],
      [3, 2, 1],
      [0, 0, 1],
    ]);
    const [a, b] = [model.predict(x) as tf.Tensor, back.predict(x) as tf.Tensor];
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    tf.dispose([x, a, b]);
  });

  it('rejects a list of n whose length is not the number of similarities, or with a bad count', () => {
    expect(() => new BatchSimilarity({ similarity: ['l1', 'cosine'], n: [1, 2, 3] })).toThrowError(InvalidArgumentError);
    expect(() => new BatchSimilarity({ similarity: ['l1', 'cosine'], n: [1, 2, 3] })).toThrowError(
      /'n' passed to 'BatchSimilarity' must be a positive integer, or a list of one positive integer per similarity; 3 counts for 2 similarities \(l1, cosine\). Received: n=\[1,\s?2,\s?3\]/,
    );
    expect(() => new BatchSimilarity({ n: [] })).toThrowError(InvalidArgumentError);
    expect(() => new BatchSimilarity({ similarity: ['l1', 'l2'], n: [1, 0] })).toThrowError(/Received: n=\[1,\s?0\]/);
    expect(() => new BatchSimilarity({ similarity: ['l1', 'l2'], n: [1, 1.5] })).toThrowError(InvalidArgumentError);
    expect(() => new BatchSimilarity({ n: '2' as never })).toThrowError(InvalidArgumentError);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => new BatchSimilarity({ similarity: 'l3' as never })).toThrowError(UnknownNameError);
    expect(() => new BatchSimilarity({ n: 0 })).toThrowError(/'n' passed to 'BatchSimilarity'.*Received: n=0/);
    expect(() => new BatchSimilarity({ similarity: [] })).toThrowError(InvalidArgumentError);
    expect(() => new BatchSimilarity().apply(tf.input({ shape: [] }))).toThrowError(ShapeMismatchError);
  });

  it('leaks no tensors', () => {
    const layer = new BatchSimilarity({ similarity: ['geometric', 'arithmetic'], n: [2, 1], seed: 1 });
    const x = tf.randomNormal([6, 4]);
    (layer.apply(x) as tf.Tensor).dispose();
    const before = tf.memory().numTensors;
    (layer.apply(x) as tf.Tensor).dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
