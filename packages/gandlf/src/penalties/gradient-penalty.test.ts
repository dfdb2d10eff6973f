import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { GanContext } from '../gan/game';
import { InvalidArgumentError } from '../errors';
import { Model } from '../model/model';
import { Alternating } from '../engine/alternating';
import { gradientPenalty } from './gradient-penalty';
import { linearCritic, linearGenerator } from './test-models';

/** A context for the discriminator's penalty on real data `x` and latents `z`. */
function context(model: Model, z: tf.Tensor, x: tf.Tensor): GanContext {
  return model.game.context({ name: 'discriminator', model: model.adversarial.playerModels[1]! }, { inputs: [z, x], targets: [] }, true);
}

describe('gradientPenalty (WGAN-GP)', () => {
  it('is λ (|w| - 1)² on a linear critic, with gradient 2λ(|w| - 1) w/|w| (hand-computed)', () => {
    // D(x) = 3 x1 + 4 x2: ∇x D = [3, 4] everywhere, |∇| = 5.
    const model = new Model({
      generator: linearGenerator([
        [1, 0],
        [0, 1],
      ]),
      discriminator: linearCritic([3, 4], 0.5),
    });
    const gp = gradientPenalty({ weight: 10, seed: 1 });
    const [z, x] = [tf.randomNormal([6, 2], 0, 1, 'float32', 1), tf.randomNormal([6, 2], 0, 1, 'float32', 2)];
    const [kernel, bias] = model.discriminator.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(() => gp.compute(context(model, z, x)), [kernel!, bias!]);
    expect(value.dataSync()[0]).toBeCloseTo(10 * 16, 3);
    // 2 * 10 * 4 * [3, 4] / 5 = [48, 64]; the bias does not move the gradient.
    const gk = grads[kernel!.name]!.dataSync();
    expect(gk[0]).toBeCloseTo(48, 3);
    expect(gk[1]).toBeCloseTo(64, 3);
    expect(grads[bias!.name]?.dataSync()[0] ?? 0).toBeCloseTo(0, 6);
    tf.dispose([z, x, value, ...Object.values(grads)]);
  });

  it('differentiates through LeakyReLU: matches finite differences of the closed form', () => {
    // D(x) = Σ_j v_j lrelu(W_j · x), so ∇x D = Σ_j v_j lrelu'(W_j · x) W_j and
    // GP = λ mean_i (|∇x D(x̂_i)| - 1)². With G(z) = x (identity on equal z and x), x̂ = x.
    const W = [
      [1, -2],
      [0.5, 1.5],
      [-1, 0.25],
    ];
    const v = [1, -0.5, 2];
    const xs = [
      [0.3, -0.2],
      [-0.4, 0.9],
      [1.2, 0.1],
    ];
    const alpha = 0.2;
    const gpOf = (w: number[][]) => {
      const terms = xs.map((x) => {
        const g = [0, 0];
        w.forEach((row, j) => {
          const slope = row[0]! * x[0]! + row[1]! * x[1]! > 0 ? 1 : alpha;
          g[0] += v[j]! * slope * row[0]!;
          g[1] += v[j]! * slope * row[1]!;
        });
        return (Math.hypot(g[0]!, g[1]!) - 1) ** 2;
      });
      return (10 * terms.reduce((a, b) => a + b)) / xs.length;
    };
    const xIn = tf.input({ shape: [2] });
    const hidden = tf.layers.dense({ units: 3, useBias: false });
    const out = tf.layers.dense({ units: 1, useBias: false, name: 'src' });
    const d = tf.model({ inputs: xIn, outputs: out.apply(tf.layers.leakyReLU({ alpha }).apply(hidden.apply(xIn))) as tf.SymbolicTensor });
    d.setWeights([tf.tensor2d(W).transpose(), tf.tensor2d(v, [3, 1])]);
    const model = new Model({
      generator: linearGenerator([
        [1, 0],
        [0, 1],
      ]),
      discriminator: d,
    });
    const x = tf.tensor2d(xs);
    const kernel = hidden.trainableWeights[0]!.read() as tf.Variable;
    const { value, grads } = tf.variableGrads(() => gradientPenalty({ seed: 3 }).compute(context(model, x, x)), [kernel]);
    expect(value.dataSync()[0]).toBeCloseTo(gpOf(W), 3);
    const g = grads[kernel.name]!.arraySync() as number[][]; // [2, 3] = Wᵀ
    const h = 1e-6;
    W.forEach((row, j) =>
      row.forEach((_, k) => {
        const plus = W.map((r) => [...r]);
        const minus = W.map((r) => [...r]);
        plus[j]![k]! += h;
        minus[j]![k]! -= h;
        expect(g[k]![j]).toBeCloseTo((gpOf(plus) - gpOf(minus)) / (2 * h), 2);
      }),
    );
    tf.dispose([x, value, ...Object.values(grads)]);
  });

  it('adds to the critic loss in a Model, trains leak-free and survives a checkpoint', async () => {
    const model = new Model({
      generator: linearGenerator([
        [1, 0],
        [0, 1],
      ]),
      discriminator: linearCritic([3, 4]),
    });
    model.compile({ loss: 'wasserstein', adversarialOptimizer: new Alternating(), penalties: { discriminator: [gradientPenalty({ weight: 10 })] } });
    const x = tf.randomNormal([16, 2], 0, 1, 'float32', 4);
    const logs = await model.evaluate([tf.zeros([16, 2]), x], [-1, 1]);
    expect(logs.discriminator_gp).toBeCloseTo(160, 2);
    expect(logs.discriminator_loss).toBeCloseTo(logs.discriminator_src_fake_loss! + logs.discriminator_src_real_loss! + 160, 2);
    await model.fit(['normal', x], [-1, 1], { epochs: 1, batchSize: 8 });
    const before = tf.memory().numTensors;
    await model.fit(['normal', x], [-1, 1], { epochs: 2, batchSize: 8 });
    expect(tf.memory().numTensors).toBe(before);
    await model.save('memory://gp');
    const back = await Model.load('memory://gp');
    const a = await back.evaluate([tf.zeros([16, 2]), x], [-1, 1]);
    const b = await model.evaluate([tf.zeros([16, 2]), x], [-1, 1]);
    expect(a.discriminator_gp).toBeCloseTo(b.discriminator_gp!, 4);
    x.dispose();
  });

  it("names bad options, and a context without the GAN's tensors", () => {
    expect(() => gradientPenalty({ weight: Number.NaN })).toThrowError(/'weight' passed to 'gradientPenalty'.*Received: weight=NaN/);
    const ctx = { batch: { inputs: [], targets: [] }, model: {} as tf.LayersModel, predictions: [], player: 'critic', training: true };
    expect(() => gradientPenalty().compute(ctx)).toThrowError(InvalidArgumentError);
    expect(() => gradientPenalty().compute(ctx)).toThrowError(/'gradientPenalty' is a function of a GAN's.*use it with gandlf's Model.*player 'critic'/);
  });
});
