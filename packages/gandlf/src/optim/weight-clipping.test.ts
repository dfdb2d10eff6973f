import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { Model } from '../model/model';
import { mlpGenerator } from '../test-utils/models';
import { Alternating } from '../engine/alternating';
import { clipWeights, setLearningRate, WeightClipping } from './weight-clipping';

function critic() {
  const x = tf.input({ shape: [2] });
  const h = tf.layers.dense({ units: 8, activation: 'relu' }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: x, outputs: tf.layers.dense({ units: 1, name: 'src' }).apply(h) as tf.SymbolicTensor });
}

describe('clipWeights', () => {
  it('clips the variables it updated, after the update (hand-computed)', () => {
    const w = tf.variable(tf.tensor1d([0.5, -0.005]));
    const other = tf.variable(tf.tensor1d([3]));
    const opt = clipWeights(tf.train.sgd(1), { clipValue: 0.01 });
    // SGD: [0.5, -0.005] - [-1, 0] = [1.5, -0.005], clipped to [0.01, -0.005].
    opt.applyGradients([{ name: w.name, tensor: tf.tensor1d([-1, 0]) }]);
    expect(Array.from(w.dataSync())).toEqual([expect.closeTo(0.01, 7), expect.closeTo(-0.005, 7)]);
    expect(other.dataSync()[0]).toBe(3);
    expect(opt.iterations).toBe(1); // the wrapped optimizer's count
    tf.dispose([w, other]);
  });

  it('clips the critic only: its weights stay in [-c, c], the generator is free; trains leak-free and survives a checkpoint', async () => {
    const model = new Model({ generator: mlpGenerator(3, 2), discriminator: critic() });
    model.compile({
      optimizer: [clipWeights(tf.train.rmsprop(0.05), { clipValue: 0.02 }), tf.train.rmsprop(0.05)],
      loss: 'wasserstein',
      adversarialOptimizer: new Alternating({ steps: { discriminator: 2 } }),
    });
    const x = tf.randomNormal([16, 2], 1, 1, 'float32', 1);
    await model.fit(['normal', x], [-1, 1], { epochs: 1, batchSize: 8 });
    const before = tf.memory().numTensors;
    await model.fit(['normal', x], [-1, 1], { epochs: 2, batchSize: 8 });
    expect(tf.memory().numTensors).toBe(before);
    const d = model.discriminator.getWeights().flatMap((t) => Array.from(t.dataSync()));
    expect(Math.max(...d.map(Math.abs))).toBeLessThanOrEqual(0.02 + 1e-7);
    const g = model.generator.getWeights().flatMap((t) => Array.from(t.dataSync()));
    expect(Math.max(...g.map(Math.abs))).toBeGreaterThan(0.02);
    await model.save('memory://clip');
    const back = await Model.load('memory://clip');
    const opt = back.adversarial.getPlayers()[1]!.optimizer;
    expect(opt).toBeInstanceOf(WeightClipping);
    expect((opt as WeightClipping).clipValue).toBe(0.02);
    expect((opt as WeightClipping).optimizer.getClassName()).toBe('RMSProp');
    x.dispose();
  });

  it('passes the learning rate through, and rejects bad arguments', () => {
    const opt = clipWeights(tf.train.adam(0.1));
    setLearningRate(opt, 0.5, 'test');
    expect(opt.learningRate).toBe(0.5);
    expect(() => clipWeights(tf.train.sgd(1), { clipValue: 0 })).toThrowError(InvalidArgumentError);
    expect(() => clipWeights(tf.train.sgd(1), { clipValue: -1 })).toThrowError(/'clipValue' passed to 'clipWeights'.*Received: clipValue=-1/);
    expect(() => clipWeights({} as tf.Optimizer)).toThrowError(/'optimizer' passed to 'clipWeights'/);
  });
});
