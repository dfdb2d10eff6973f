import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Model } from '../model/model';
import { mlpGenerator } from '../test-utils/models';
import { getLoss } from './registry';
import { wasserstein } from './wasserstein';

describe('wasserstein', () => {
  it('is mean(y * p) (hand-computed), registered by name', () => {
    // Scores [2, -1] on real data (target -1) and [0.5, 1.5] on fakes (target 1):
    // (-2 + 1 + 0.5 + 1.5) / 4 = 0.25.
    const v = wasserstein(tf.tensor1d([-1, -1, 1, 1]), tf.tensor1d([2, -1, 0.5, 1.5]));
    expect(v.dataSync()[0]).toBeCloseTo((-2 + 1 + 0.5 + 1.5) / 4, 6);
    expect(getLoss('wasserstein', 'test')).toBe(wasserstein);
    v.dispose();
  });

  it("with targets [-1, 1] in a Model, the critic's loss is mean(D(G(z))) - mean(D(x))", async () => {
    // D(x) = x1 + 2 x2 (linear, no bias).
    const x = tf.input({ shape: [2] });
    const d = tf.model({ inputs: x, outputs: tf.layers.dense({ units: 1, useBias: false, kernelInitializer: tf.initializers.constant({ value: 1 }) }).apply(x) as tf.SymbolicTensor });
    d.setWeights([tf.tensor2d([[1], [2]])]);
    const model = new Model({ generator: mlpGenerator(3, 2), discriminator: d });
    model.compile({ loss: 'wasserstein' });
    const real = tf.tensor2d([
      [1, 1],
      [0, 1],
    ]); // D = 3, 2
    const logs = await model.evaluate([tf.zeros([2, 3]), real], [-1, 1]);
    const fake = model.sample([tf.zeros([2, 3])]) as tf.Tensor;
    const dFake = tf.mean(d.predict(fake) as tf.Tensor).dataSync()[0]!;
    const realLoss = Object.keys(logs).find((k) => k.endsWith('_real_loss'))!;
    expect(logs[realLoss]).toBeCloseTo(-2.5, 5);
    expect(logs.discriminator_loss).toBeCloseTo(dFake - 2.5, 5);
    expect(logs.generator_loss).toBeCloseTo(-dFake, 5);
    tf.dispose([real, fake]);
  });

  it('leaks no tensors', () => {
    const [y, p] = [tf.ones([4]), tf.ones([4])];
    const before = tf.memory().numTensors;
    wasserstein(y, p).dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([y, p]);
  });
});
