import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { GanContext } from '../gan/game';
import { Model } from '../model/model';
import { r1Penalty } from './r1';
import { linearCritic, linearGenerator } from './test-models';

function context(model: Model, x: tf.Tensor): GanContext {
  return model.game.context({ name: 'discriminator', model: model.adversarial.playerModels[1]! }, { inputs: [tf.zerosLike(x), x], targets: [] }, true);
}

describe('r1Penalty', () => {
  it('is γ/2 |w|² on a linear discriminator, with gradient γ w (hand-computed)', () => {
    const model = new Model({
      generator: linearGenerator([
        [1, 0],
        [0, 1],
      ]),
      discriminator: linearCritic([3, 4]),
    });
    const x = tf.randomNormal([5, 2], 0, 1, 'float32', 1);
    const kernel = model.discriminator.trainableWeights[0]!.read() as tf.Variable;
    const { value, grads } = tf.variableGrads(() => r1Penalty({ gamma: 2 }).compute(context(model, x)), [kernel]);
    expect(value.dataSync()[0]).toBeCloseTo(25, 4);
    expect(Array.from(grads[kernel.name]!.dataSync())).toEqual([expect.closeTo(6, 4), expect.closeTo(8, 4)]);
    tf.dispose([x, value, ...Object.values(grads)]);
  });

  it('differentiates through tanh: matches finite differences of the closed form', () => {
    // D(x) = tanh(w·x + b): ∇x D = (1 - tanh²(w·x + b)) w; R1 = γ/2 mean_i (1 - t_i²)² |w|².
    const xs = [
      [0.5, -1],
      [0.2, 0.3],
      [-0.7, 0.4],
    ];
    const b = 0.1;
    const r1Of = (w: number[]) => (5 * xs.map((x) => (1 - Math.tanh(w[0]! * x[0]! + w[1]! * x[1]! + b) ** 2) ** 2 * (w[0]! ** 2 + w[1]! ** 2)).reduce((s, t) => s + t)) / xs.length;
    const xIn = tf.input({ shape: [2] });
    const d = tf.model({ inputs: xIn, outputs: tf.layers.dense({ units: 1, activation: 'tanh', name: 'src' }).apply(xIn) as tf.SymbolicTensor });
    const w = [0.8, -0.6];
    d.setWeights([tf.tensor2d(w, [2, 1]), tf.tensor1d([b])]);
    const model = new Model({
      generator: linearGenerator([
        [1, 0],
        [0, 1],
      ]),
      discriminator: d,
    });
    const x = tf.tensor2d(xs);
    const kernel = d.trainableWeights[0]!.read() as tf.Variable;
    const { value, grads } = tf.variableGrads(() => r1Penalty({ gamma: 10 }).compute(context(model, x)), [kernel]);
    expect(value.dataSync()[0]).toBeCloseTo(r1Of(w), 4);
    const g = grads[kernel.name]!.dataSync();
    const h = 1e-6;
    expect(g[0]).toBeCloseTo((r1Of([w[0]! + h, w[1]!]) - r1Of([w[0]! - h, w[1]!])) / (2 * h), 3);
    expect(g[1]).toBeCloseTo((r1Of([w[0]!, w[1]! + h]) - r1Of([w[0]!, w[1]! - h])) / (2 * h), 3);
    tf.dispose([x, value, ...Object.values(grads)]);
  });

  it('trains leak-free in a Model and is logged as discriminator_r1', async () => {
    const model = new Model({
      generator: linearGenerator([
        [1, 0],
        [0, 1],
      ]),
      discriminator: linearCritic([3, 4]),
    });
    model.compile({ loss: 'binaryCrossentropyFromLogits', penalties: { discriminator: [r1Penalty({ gamma: 2 })] } });
    const x = tf.randomNormal([16, 2], 0, 1, 'float32', 4);
    expect((await model.evaluate([tf.zeros([16, 2]), x], ['zeros', 'ones'])).discriminator_r1).toBeCloseTo(25, 3);
    await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 1, batchSize: 8 });
    const before = tf.memory().numTensors;
    await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 2, batchSize: 8 });
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
