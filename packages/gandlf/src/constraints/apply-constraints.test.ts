import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { Residual } from '../layers/residual';
import { applyConstraints } from './apply-constraints';
import { MaxValue } from './max-value';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const kernelOf = (layer: tf.layers.Layer) => Array.from(layer.getWeights()[0]!.dataSync());

describe('applyConstraints', () => {
  it('tfjs 4.22 leaves constraints out of optimizer steps (why applyConstraints exists), but applies them on setWeights', async () => {
    const model = tf.sequential({
      layers: [tf.layers.dense({ inputShape: [2], units: 2, kernelInitializer: 'zeros', kernelConstraint: new MaxValue({ c: 0.05 }) })],
    });
    model.compile({ optimizer: tf.train.sgd(1), loss: 'meanSquaredError' });
    const x = tf.tensor2d([[1, 1]]);
    const y = tf.tensor2d([[-10, 10]]);
    await model.fit(x, y, { epochs: 1, verbose: 0 });
    // If this starts failing, tfjs applies constraints itself now.
    expect(Math.max(...kernelOf(model.layers[0]!).map(Math.abs))).toBeGreaterThan(1);
    const before = tf.memory().numTensors;
    expect(applyConstraints(model)).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
    expect(Math.max(...kernelOf(model.layers[0]!).map(Math.abs))).toBeCloseTo(0.05, 6);
    const big = [tf.fill([2, 2], 3), tf.zeros([2])];
    model.layers[0]!.setWeights(big);
    expect(kernelOf(model.layers[0]!)).toEqual([0.05, 0.05, 0.05, 0.05].map(Math.fround));
    tf.dispose([x, y, ...big]);
    model.dispose();
  });

  it('reaches layers inside gandlf wrappers', () => {
    const inner = tf.layers.dense({ units: 3, kernelInitializer: tf.initializers.constant({ value: 1 }), kernelConstraint: new MaxValue({ c: 0.1 }) });
    const model = tf.sequential({ layers: [new Residual({ layer: inner, inputShape: [3] })] });
    expect(applyConstraints(model)).toBe(1);
    expect(Array.from(inner.getWeights()[0]!.dataSync()).every((v) => v === Math.fround(0.1))).toBe(true);
    model.dispose();
  });

  it('rejects what is not a model or layer', () => {
    expect(() => applyConstraints({} as never)).toThrowError(InvalidArgumentError);
    expect(() => applyConstraints({} as never)).toThrowError(/'target' passed to 'applyConstraints' must be a tfjs model or layer. Received: target=/);
  });
});
