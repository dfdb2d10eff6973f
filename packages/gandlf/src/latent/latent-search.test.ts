import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ShapeMismatchError } from '../errors';
import { latentSearch } from './latent-search';

/** G(z) = z A with A of full column rank, so each target has one latent. */
function linearGenerator() {
  const z = tf.input({ shape: [3] });
  const dense = tf.layers.dense({ units: 5, useBias: false });
  const g = tf.model({ inputs: z, outputs: dense.apply(z) as tf.SymbolicTensor });
  g.setWeights([
    tf.tensor2d([
      [1, 0, 2, 0, 1],
      [0, 1, -1, 1, 0],
      [1, 1, 0, -1, 2],
    ]),
  ]);
  return g;
}

describe('latentSearch', () => {
  it('recovers the latent of a linear generator; loss falls; the generator is untouched', async () => {
    const g = linearGenerator();
    const weights = Array.from(g.getWeights()[0]!.dataSync());
    const zTrue = tf.tensor2d([
      [0.5, -1, 2],
      [-0.3, 0.8, 0.1],
    ]);
    const target = g.predict(zTrue) as tf.Tensor;
    const { z, losses } = await latentSearch(g, target, { steps: 400, learningRate: 0.05, seed: 1 });
    expect(losses).toHaveLength(401);
    expect(losses.at(-1)!).toBeLessThan(1e-4);
    expect(losses.at(-1)!).toBeLessThan(losses[0]! / 100);
    Array.from(z.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(zTrue.dataSync()[i]!, 2));
    expect(Array.from(g.getWeights()[0]!.dataSync())).toEqual(weights);
    tf.dispose([zTrue, target, z]);
  });

  it('passes conditional inputs, starts from z0, and leaks nothing but the result', async () => {
    const zIn = tf.input({ shape: [2] });
    const c = tf.input({ shape: [1] });
    const g = tf.model({
      inputs: [zIn, c],
      outputs: tf.layers.add().apply([zIn, tf.layers.dense({ units: 2, kernelInitializer: 'ones', useBias: false }).apply(c) as tf.SymbolicTensor]) as tf.SymbolicTensor,
    });
    // G(z, c) = z + [c, c]: for target [3, 4] and c = 1, z = [2, 3].
    const [target, cond, z0] = [tf.tensor2d([[3, 4]]), tf.tensor2d([[1]]), tf.zeros([1, 2])];
    await latentSearch(g, target, { inputs: [cond], z0, steps: 5 }).then((r) => r.z.dispose());
    const before = tf.memory().numTensors;
    const { z } = await latentSearch(g, target, { inputs: [cond], z0, steps: 300, learningRate: 0.1 });
    expect(tf.memory().numTensors).toBe(before + 1);
    Array.from(z.dataSync()).forEach((v, i) => expect(v).toBeCloseTo([2, 3][i]!, 2));
    tf.dispose([target, cond, z0, z]);
  });

  it('names wrong shapes and counts', async () => {
    const g = linearGenerator();
    await expect(latentSearch(g, tf.zeros([1, 4]))).rejects.toThrowError(ShapeMismatchError);
    await expect(latentSearch(g, tf.zeros([1, 5]), { z0: tf.zeros([1, 2]) })).rejects.toThrowError(/'z0' passed to 'latentSearch' must be \[1,3\]/);
    await expect(latentSearch(g, tf.zeros([1, 5]), { inputs: [tf.zeros([1, 1])] })).rejects.toThrowError(/must hold 0 besides the latent/);
    await expect(latentSearch(g, tf.zeros([1, 5]), { steps: 0 })).rejects.toThrowError(/steps=0/);
  });
});
