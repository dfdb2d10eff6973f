import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import type { Penalty } from '../engine/penalty';
import type { Batch, PlayerEval } from '../engine/player';
import { InvalidArgumentError } from '../errors';
import { Model } from '../model/model';
import type { AdversarialOptimizer } from '../engine/adversarial-optimizer';
import { Alternating } from '../engine/alternating';
import { Scheduled } from '../engine/scheduled';
import { Simultaneous } from '../engine/simultaneous';
import { Unrolled } from '../engine/unrolled';
import { gradientPenalty } from '../penalties/gradient-penalty';

/** An identity layer that counts its forward passes. */
class CountCalls extends tf.layers.Layer {
  static readonly className = 'TestCountCalls';
  calls = 0;
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    this.calls++;
    return tf.clone(Array.isArray(inputs) ? inputs[0]! : inputs);
  }
}

/** G: [z, c] -> x through a counted identity; D: [x, c] -> logit, with batch normalization if asked. */
function gan(cond: number, batchNorm = false) {
  const z = tf.input({ shape: [3] });
  const c = tf.input({ shape: [cond] });
  const counter = new CountCalls({});
  let h = tf.layers.dense({ units: 8, activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }).apply(tf.layers.concatenate().apply([z, c])) as tf.SymbolicTensor;
  h = tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }).apply(h) as tf.SymbolicTensor;
  const generator = tf.model({ inputs: [z, c], outputs: counter.apply(h) as tf.SymbolicTensor, name: 'generator' });
  const x = tf.input({ shape: [2] });
  const dc = tf.input({ shape: [cond] });
  let d = tf.layers.dense({ units: 8, activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }).apply(tf.layers.concatenate().apply([x, dc])) as tf.SymbolicTensor;
  if (batchNorm) d = tf.layers.batchNormalization().apply(d) as tf.SymbolicTensor;
  d = tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }) }).apply(d) as tf.SymbolicTensor;
  const discriminator = tf.model({ inputs: [x, dc], outputs: d, name: 'discriminator' });
  return { model: new Model({ generator, discriminator }), counter };
}

/** A generator penalty on its predictions, D(G(z)) in both paths: its gradient must reach G. */
const generatorNorm: Penalty = {
  name: 'g_norm',
  className: 'TestGeneratorNorm',
  compute: (ctx) => tf.mul(0.1, tf.mean(tf.square(ctx.predictions[0]!))),
  getConfig: () => ({}),
};

/** Values and gradients, read back. */
const read = (ev: PlayerEval) => [Array.from(ev.values.dataSync()), ...(ev.grads ?? []).map((g) => Array.from(g.dataSync()))];

describe('GAN steps: one G(z) where the weights allow, one pass of D over real and fake where D is row-wise', () => {
  const data = () => [tf.randomNormal([16, 2], 0, 1, 'float32', 5), tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0], 'int32'), 3).toFloat()];

  it.each([
    ['row-wise (real and fake in one pass)', false],
    ['with batch normalization (real and fake apart)', true],
  ])("the players' turns equal each player model's own gradients, with a penalty of the generator: D %s", async (_, batchNorm) => {
    const { model } = gan(3, batchNorm);
    model.compile({ loss: 'binaryCrossentropyFromLogits', metrics: ['accuracy'], penalties: { generator: [generatorNorm] } });
    const [x, c] = data();
    const z = tf.randomNormal([16, 3], 0, 1, 'float32', 9);
    const [gen, fake, real] = [tf.zeros([16, 1]), tf.ones([16, 1]), tf.zeros([16, 1])];
    const batch: Batch = { inputs: [z, c!, x!, c!], targets: [[gen], [fake, real]] };
    const [g, d] = model.adversarial.getPlayers();
    // The player models (which checkpoints store) run G and D symbolically; the turns run them through the game.
    const own = [g!.gradients(batch), d!.gradients(batch)];
    const turn = model.game.generatorTurn(g!, batch);
    const turns = [turn.eval, model.game.discriminatorTurn(d!, batch, turn.fake)];
    own.forEach((ev, i) =>
      read(ev).forEach((values, k) => {
        const other = read(turns[i]!)[k]!;
        expect(other.length).toBe(values.length);
        values.forEach((v, j) => expect(other[j]).toBeCloseTo(v, 5));
      }),
    );
    // Both players' gradients are non-trivial, so the comparison means something.
    expect(
      read(own[0]!)
        .slice(1)
        .flat()
        .some((v) => Math.abs(v) > 1e-4),
    ).toBe(true);
    expect(
      read(own[1]!)
        .slice(1)
        .flat()
        .some((v) => Math.abs(v) > 1e-4),
    ).toBe(true);
    tf.dispose([...own, ...turns].flatMap((ev) => [ev.values, ...ev.grads!]));
    tf.dispose([...turn.fake, z, x!, c!, gen, fake, real]);
    model.dispose();
  });

  it("G runs once per set of generator weights: once a step in Simultaneous (with a gradient penalty on its samples), Scheduled and Unrolled; in Alternating once per turn of G and once for all of D's", async () => {
    const counts: Record<string, number> = {};
    const optimizers = [
      ['Simultaneous', new Simultaneous()],
      ['Alternating', new Alternating()],
      ['Alternating n-critic', new Alternating({ steps: { discriminator: 3 } })],
      ['Alternating reverse', new Alternating({ reverse: true, steps: { discriminator: 3 } })],
      ['Scheduled', new Scheduled(['discriminator', 'generator'])],
      ['Unrolled', new Unrolled({ depth: 3 })],
    ] as const;
    for (const [name, opt] of optimizers) {
      const { model, counter } = gan(3);
      model.compile({ loss: 'binaryCrossentropyFromLogits', adversarialOptimizer: opt, penalties: { discriminator: [gradientPenalty({ seed: 1 })] } });
      const [x, c] = data();
      await model.trainOnBatch(['normal', c!, x!, c!], { gen: 0, fake: 1, real: 0 });
      counter.calls = 0;
      await model.trainOnBatch(['normal', c!, x!, c!], { gen: 0, fake: 1, real: 0 });
      counts[name] = counter.calls;
      model.dispose();
      tf.dispose([x!, c!]);
    }
    expect(counts).toEqual({ Simultaneous: 1, Alternating: 2, 'Alternating n-critic': 2, 'Alternating reverse': 2, Scheduled: 1, Unrolled: 2 });
  });

  it('a row-wise D scores real and fake data in one pass; one with batch normalization, apart', async () => {
    const calls: Record<string, number> = {};
    for (const batchNorm of [false, true]) {
      const { model } = gan(3, batchNorm);
      model.compile({ loss: 'binaryCrossentropyFromLogits', adversarialOptimizer: new Simultaneous() });
      const [x, c] = data();
      const apply = vi.spyOn(model.discriminator, 'apply');
      await model.trainOnBatch(['normal', c!, x!, c!], { gen: 0, fake: 1, real: 0 });
      calls[batchNorm ? 'batchNorm' : 'rowWise'] = apply.mock.calls.length;
      model.dispose();
      tf.dispose([x!, c!]);
    }
    // The generator's turn scores the fakes once; the discriminator's, once or twice.
    expect(calls).toEqual({ rowWise: 2, batchNorm: 3 });
  });

  it.each([
    ['Simultaneous', () => new Simultaneous()],
    ['Alternating n-critic', () => new Alternating({ steps: { discriminator: 3 } })],
    ['Alternating reverse', () => new Alternating({ reverse: true })],
    ['Scheduled', () => new Scheduled(['discriminator', 'generator'])],
    ['Unrolled', () => new Unrolled({ depth: 2 })],
  ] as const)('%s keeps tf.memory().numTensors flat in training and in evaluate, with a gradient penalty', async (_, opt) => {
    const { model } = gan(3);
    model.compile({ loss: 'binaryCrossentropyFromLogits', metrics: ['accuracy'], adversarialOptimizer: opt(), penalties: { discriminator: [gradientPenalty({ seed: 1 })] } });
    const [x, c] = data();
    const y = { gen: 0, fake: 1, real: 0 };
    // Warm-up: two steps, so that Scheduled has stepped both players (their optimizers' slots are made on first use).
    for (let i = 0; i < 2; i++) await model.trainOnBatch(['normal', c!, x!, c!], y);
    await model.evaluate(['normal', c!, x!, c!], y);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 4; i++) await model.trainOnBatch(['normal', c!, x!, c!], y);
    await model.evaluate(['normal', c!, x!, c!], y);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
    tf.dispose([x!, c!]);
  });

  it.each(['generator', 'discriminator'] as const)('leaks no tensors, and a failure in the %s player leaves the weights as they were', async (player) => {
    let fail = false;
    const failing: Penalty = {
      name: 'may_fail',
      className: 'TestMayFail',
      compute: () => {
        if (fail) throw new Error('penalty failed');
        return tf.scalar(0);
      },
      getConfig: () => ({}),
    };
    const { model } = gan(3);
    model.compile({ loss: 'binaryCrossentropyFromLogits', adversarialOptimizer: new Simultaneous(), penalties: { [player]: [failing] } });
    const [x, c] = data();
    const y = { gen: 0, fake: 1, real: 0 };
    await model.trainOnBatch(['normal', c!, x!, c!], y);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await model.trainOnBatch(['normal', c!, x!, c!], y);
    expect(tf.memory().numTensors).toBe(before);
    const weights = [...model.generator.getWeights(), ...model.discriminator.getWeights()].map((w) => Array.from(w.dataSync()));
    fail = true;
    await expect(model.trainOnBatch(['normal', c!, x!, c!], y)).rejects.toThrow('penalty failed');
    expect(tf.memory().numTensors).toBe(before);
    expect([...model.generator.getWeights(), ...model.discriminator.getWeights()].map((w) => Array.from(w.dataSync()))).toEqual(weights);
    model.dispose();
    tf.dispose([x!, c!]);
  });

  it('a Model takes only the four adversarial optimizers, with an error that names its own', () => {
    const { model } = gan(3);
    const own: AdversarialOptimizer = { className: 'Mine', bind: () => {}, step: async () => [], getConfig: () => ({}) };
    expect(() => model.compile({ loss: 'binaryCrossentropy', adversarialOptimizer: own })).toThrowError(InvalidArgumentError);
    expect(() => model.compile({ loss: 'binaryCrossentropy', adversarialOptimizer: own })).toThrowError(
      /'adversarialOptimizer' passed to 'compile'.*use AdversarialModel.*Received: adversarialOptimizer=/,
    );
    model.dispose();
  });
});
