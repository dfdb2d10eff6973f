import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors';
import { Residual } from './residual';

describe('Residual', () => {
  it('computes x + layer(x) (hand-computed) and owns the layer weights', () => {
    const dense = tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.constant({ value: 2 }), biasInitializer: tf.initializers.constant({ value: 1 }) });
    const x = tf.input({ shape: [2] });
    const model = tf.model({ inputs: x, outputs: new Residual({ layer: dense }).apply(x) as tf.SymbolicTensor });
    const y = model.predict(tf.tensor2d([[1, 3]])) as tf.Tensor;
    // layer([1, 3]) = [2 + 6 + 1, 2 + 6 + 1] = [9, 9]; plus x.
    expect(Array.from(y.dataSync())).toEqual([10, 12]);
    expect(model.trainableWeights.map((w) => w.shape)).toEqual([[2, 2], [2]]);
    y.dispose();
  });

  it('trains the wrapped layer through the wrapper', () => {
    const layer = new Residual({ layer: tf.layers.dense({ units: 3 }) });
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 3 }), layer] });
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    expect(vars).toHaveLength(4);
    const x = tf.randomNormal([4, 3]);
    const { grads, value } = tf.variableGrads(() => tf.mean(tf.square(model.apply(x) as tf.Tensor)) as tf.Scalar, vars);
    expect(Object.keys(grads)).toHaveLength(4);
    tf.dispose([x, value, ...Object.values(grads)]);
  });

  it('rejects a layer that changes the shape, and a non-layer', () => {
    const x = tf.input({ shape: [4] });
    expect(() => new Residual({ layer: tf.layers.dense({ units: 3, name: 'narrow' }) }).apply(x)).toThrowError(ShapeMismatchError);
    expect(() => new Residual({ layer: tf.layers.dense({ units: 3, name: 'narrow2' }) }).apply(x)).toThrowError(/'narrow2', so that layer must keep the shape \[,4\]. Received: output shape \[,3\]/);
    expect(() => new Residual({ layer: {} as tf.layers.Layer })).toThrowError(InvalidArgumentError);
  });
});
