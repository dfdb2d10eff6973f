import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors';
import { Residual, type ResidualArgs } from './residual';

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

  describe('mergeMode', () => {
    // x = [1, -3]; layer(x) = [2, 2] (kernel 0, bias 2).
    const merged = (mergeMode: ResidualArgs['mergeMode']) => {
      const dense = tf.layers.dense({ units: 2, kernelInitializer: 'zeros', biasInitializer: tf.initializers.constant({ value: 2 }) });
      const layer = new Residual({ layer: dense, mergeMode });
      const x = tf.tensor2d([[1, -3]]);
      const y = layer.apply(x) as tf.Tensor;
      const out = { shape: y.shape, values: Array.from(y.dataSync()) };
      tf.dispose([x, y]);
      return out;
    };

    it('sum (the default), mul, ave and max merge element-wise (hand-computed)', () => {
      expect(merged(undefined)).toEqual({ shape: [1, 2], values: [3, -1] });
      expect(merged('sum')).toEqual({ shape: [1, 2], values: [3, -1] });
      expect(merged('mul')).toEqual({ shape: [1, 2], values: [2, -6] });
      expect(merged('ave')).toEqual({ shape: [1, 2], values: [1.5, -0.5] });
      expect(merged('max')).toEqual({ shape: [1, 2], values: [2, 2] });
    });

    it('concat joins x and layer(x) on the last axis, and the output shape follows', () => {
      expect(merged('concat')).toEqual({ shape: [1, 4], values: [1, -3, 2, 2] });
      const x = tf.input({ shape: [5, 4] });
      const wide = new Residual({ layer: tf.layers.dense({ units: 3 }), mergeMode: 'concat' });
      expect((wide.apply(x) as tf.SymbolicTensor).shape).toEqual([null, 5, 7]);
      expect(wide.computeOutputShape([null, 5, 4])).toEqual([null, 5, 7]);
      const model = tf.model({ inputs: x, outputs: wide.apply(x) as tf.SymbolicTensor });
      const y = model.predict(tf.ones([2, 5, 4])) as tf.Tensor;
      expect(y.shape).toEqual([2, 5, 7]);
      tf.dispose(y);
    });

    it('concat still needs every axis but the last to agree', () => {
      const x = tf.input({ shape: [6] });
      const squash = tf.layers.reshape({ targetShape: [2, 3], name: 'squash' });
      expect(() => new Residual({ layer: squash, mergeMode: 'concat' }).apply(x)).toThrowError(ShapeMismatchError);
      const x3 = tf.input({ shape: [4, 6] });
      const flat = tf.layers.reshape({ targetShape: [2, 12], name: 'regroup' });
      expect(() => new Residual({ layer: flat, mergeMode: 'concat' }).apply(x3)).toThrowError(
        /'Residual' concatenates its input with the output of 'regroup' on the last axis, so that layer must keep every axis but the last of the shape \[,4,6\]. Received: output shape \[,2,12\]/,
      );
      expect(() => new Residual({ layer: tf.layers.dense({ units: 3, name: 'narrow3' }), mergeMode: 'mul' }).apply(tf.input({ shape: [4] }))).toThrowError(
        /'Residual' multiplies its input by the output of 'narrow3'/,
      );
    });

    it('keeps mergeMode in getConfig and through toJSON -> modelFromJSON', async () => {
      expect(new Residual({ layer: tf.layers.dense({ units: 2 }) }).getConfig().mergeMode).toBe('sum');
      const x = tf.input({ shape: [3] });
      const model = tf.model({ inputs: x, outputs: new Residual({ layer: tf.layers.dense({ units: 2 }), mergeMode: 'concat' }).apply(x) as tf.SymbolicTensor });
      const back = await tf.models.modelFromJSON({ modelTopology: model.toJSON(null, false) as tf.io.ModelArtifacts['modelTopology'] } as never);
      const residual = back.layers[1] as Residual;
      expect(residual).toBeInstanceOf(Residual);
      expect(residual.mergeMode).toBe('concat');
      expect(back.outputs[0]!.shape).toEqual([null, 5]);
      back.setWeights(model.getWeights());
      const input = tf.tensor2d([[1, 2, 3]]);
      const [a, b] = [model.predict(input) as tf.Tensor, back.predict(input) as tf.Tensor];
      expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
      tf.dispose([input, a, b]);
    });

    it('rejects an unknown mode, naming it', () => {
      const layer = tf.layers.dense({ units: 2 });
      expect(() => new Residual({ layer, mergeMode: 'cos' as never })).toThrowError(InvalidArgumentError);
      expect(() => new Residual({ layer, mergeMode: 'add' as never })).toThrowError(/'mergeMode' passed to 'Residual' must be one of 'sum', 'mul', 'concat', 'ave', 'max'. Received: mergeMode="add"/);
    });

    it('leaks no tensors in any mode', () => {
      const x = tf.randomNormal([3, 2]);
      for (const mergeMode of ['sum', 'mul', 'concat', 'ave', 'max'] as const) {
        const layer = new Residual({ layer: tf.layers.dense({ units: 2 }), mergeMode });
        (layer.apply(x) as tf.Tensor).dispose();
        const before = tf.memory().numTensors;
        (layer.apply(x) as tf.Tensor).dispose();
        expect(tf.memory().numTensors, mergeMode).toBe(before);
      }
      x.dispose();
    });
  });
});
