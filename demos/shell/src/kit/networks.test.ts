import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { dcganDiscriminator, dcganGenerator, denseLeaky, init, leaky, mlp } from './networks';

const weightsOf = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));

describe('the shared network builders', () => {
  it('mlp: dense layers seeded seed, seed + 1, ..., LeakyReLU between, the head activation and name last', () => {
    const built = mlp({ name: 'discriminator', inputSize: 6, units: [5, 4, 1], activation: 'sigmoid', outputName: 'src', seed: 3 });
    // The same network written out by hand, as the demos did before the kit.
    const byHand = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [6], units: 5, kernelInitializer: init(3) }),
        leaky(),
        tf.layers.dense({ units: 4, kernelInitializer: init(4) }),
        leaky(),
        tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: init(5) }),
      ],
    });
    expect(built.name).toBe('discriminator');
    expect(built.layers.map((l) => l.getClassName())).toEqual(['Dense', 'LeakyReLU', 'Dense', 'LeakyReLU', 'Dense']);
    expect(built.layers.at(-1)!.name).toBe('src');
    expect(weightsOf(built)).toEqual(weightsOf(byHand));
    const y = built.predict(tf.ones([2, 6])) as tf.Tensor;
    expect(y.shape).toEqual([2, 1]);
    expect(Math.min(...y.dataSync())).toBeGreaterThan(0);
    tf.dispose([y]);
    built.dispose();
    byHand.dispose();
  });

  it('dcganGenerator doubles the start map per transposed convolution and ends in tanh images', () => {
    const mnist = dcganGenerator({ latentDim: 3, start: [7, 7], filters: [4, 2, 1], kernelSize: 5, seed: 1 });
    const cifar = dcganGenerator({ latentDim: 3, start: [4, 4], filters: [8, 4, 2, 3], kernelSize: 4, seed: 1 });
    const [a, b] = [mnist.predict(tf.ones([2, 3])) as tf.Tensor, cifar.predict(tf.ones([2, 3])) as tf.Tensor];
    expect(a.shape).toEqual([2, 28, 28, 1]);
    expect(b.shape).toEqual([2, 32, 32, 3]);
    expect(Math.max(...a.abs().dataSync())).toBeLessThanOrEqual(1);
    expect(mnist.layers.map((l) => l.getClassName())).toEqual(['Dense', 'LeakyReLU', 'Reshape', 'Conv2DTranspose', 'LeakyReLU', 'Conv2DTranspose']);
    // Seeded: the same options give the same weights.
    const again = dcganGenerator({ latentDim: 3, start: [7, 7], filters: [4, 2, 1], kernelSize: 5, seed: 1 });
    expect(weightsOf(again)).toEqual(weightsOf(mnist));
    tf.dispose([a, b]);
    [mnist, cifar, again].forEach((m) => m.dispose());
  });

  it('dcganDiscriminator scores images with one unit named src', () => {
    const d = dcganDiscriminator({ inputShape: [28, 28, 1], filters: [2, 4], kernelSize: 5, head: 'linear', seed: 3 });
    const y = d.predict(tf.zeros([2, 28, 28, 1])) as tf.Tensor;
    expect(y.shape).toEqual([2, 1]);
    expect(d.layers.at(-1)!.name).toBe('src');
    expect(d.layers.filter((l) => l.getClassName() === 'Conv2D').length).toBe(2);
    y.dispose();
    d.dispose();
  });

  it('denseLeaky concatenates a list of inputs first', () => {
    const [z, c] = [tf.input({ shape: [2] }), tf.input({ shape: [3] })];
    const m = tf.model({ inputs: [z, c], outputs: denseLeaky([z, c], 4, 1) });
    const y = m.predict([tf.ones([1, 2]), tf.ones([1, 3])]) as tf.Tensor;
    expect(y.shape).toEqual([1, 4]);
    y.dispose();
    m.dispose();
  });
});
