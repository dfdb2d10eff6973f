import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { Penalty } from '../engine/penalty';
import type { Batch, Player } from '../engine/player';
import { Unrolled, type UnrolledOptions } from '../engine/unrolled';
import { planSecondOrder, secondOrderGradients } from '../engine/unroll-second-order';
import { InvalidArgumentError } from '../errors';
import { Model } from '../model/model';
import type { ModelCompileArgs } from '../model/model-options';
import { gradientPenalty } from '../penalties/gradient-penalty';

/** G: z (3) -> tanh 8 -> x (2); D: x -> tanh 8 (-> batch norm) -> logit. Seeded. */
function gan({ batchNorm = false } = {}) {
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });
  const z = tf.input({ shape: [3] });
  const h = tf.layers.dense({ units: 8, activation: 'tanh', kernelInitializer: init(1) }).apply(z) as tf.SymbolicTensor;
  const generator = tf.model({ inputs: z, outputs: tf.layers.dense({ units: 2, kernelInitializer: init(2) }).apply(h) as tf.SymbolicTensor, name: 'generator' });
  const x = tf.input({ shape: [2] });
  let d = tf.layers.dense({ units: 8, activation: 'tanh', kernelInitializer: init(3) }).apply(x) as tf.SymbolicTensor;
  if (batchNorm) d = tf.layers.batchNormalization().apply(d) as tf.SymbolicTensor;
  const discriminator = tf.model({ inputs: x, outputs: tf.layers.dense({ units: 1, kernelInitializer: init(4) }).apply(d) as tf.SymbolicTensor, name: 'discriminator' });
  return new Model({ generator, discriminator });
}

function compiled(options: UnrolledOptions, args: Partial<ModelCompileArgs> = {}, model = gan()) {
  model.compile({ loss: 'binaryCrossentropyFromLogits', adversarialOptimizer: new Unrolled(options), ...args });
  return model;
}

/** A fixed batch in the game's layout: [z, x], targets [[gen], [fake, real]]. */
function fixedBatch(): Batch & { dispose(): void } {
  const z = tf.randomNormal([16, 3], 0, 1, 'float32', 7);
  const x = tf.add(tf.randomNormal([16, 2], 0, 0.5, 'float32', 8), 1);
  const [gen, fake, real] = [tf.zeros([16, 1]), tf.ones([16, 1]), tf.zeros([16, 1])];
  return { inputs: [z, x], targets: [[gen], [fake, real]], dispose: () => tf.dispose([z, x, gen, fake, real]) };
}

const weightsOf = (m: Model) => [...m.generator.getWeights(), ...m.discriminator.getWeights()].map((w) => Array.from(w.dataSync()));

describe('Unrolled on Model', () => {
  it.each([
    ['G looks ahead', { depth: 2 }],
    ['D looks ahead', { depth: 2, player: 'discriminator' }],
    ['both look ahead', { depths: [2, 2] }],
    ['second order', { depths: [2, 1], secondOrder: true }],
  ] as const)('%s: the logged values are the training-mode forward at the pre-step weights (D with batch normalization)', async (_, options) => {
    const model = compiled(options, {}, gan({ batchNorm: true }));
    const batch = fixedBatch();
    const players = model.adversarial.getPlayers();
    const [g, d] = players as [Player, Player];
    const optimizer = model.adversarial.game('test').optimizer;
    for (let step = 0; step < 2; step++) {
      const read = (training: boolean) =>
        tf.tidy(() => {
          const fake = model.game.generate(batch, training);
          return [model.game.scoreGenerator(g, batch, fake, training), model.game.scoreDiscriminator(d, batch, fake, training)].map((t) => Array.from(t.dataSync()));
        });
      const expected = read(true);
      // Batch normalization in training mode: these differ from evaluate's inference mode.
      expect(read(false)[1]).not.toEqual(expected[1]);
      const values = await optimizer.step({ players, batch, step });
      values.forEach((v, i) => Array.from(v.dataSync()).forEach((x, k) => expect(x).toBeCloseTo(expected[i]![k]!, 5)));
      tf.dispose(values);
    }
    batch.dispose();
    model.dispose();
  });

  it.each([
    ['depth 2, Adam', { depth: 2, secondOrder: true }, {}],
    ['depths [1, 2], Adam', { depths: [1, 2], secondOrder: true }, {}],
    ['depth 2, SGD, with a gradient penalty on D', { depth: 2, secondOrder: true }, { optimizer: 'sgd', penalties: { discriminator: [gradientPenalty({ seed: 1 })] } }],
  ] as const)('second order (%s) trains an MLP GAN: finite losses, weights move, numTensors flat', async (_, options, args) => {
    const model = compiled(options, args as Partial<ModelCompileArgs>);
    const x = tf.add(tf.randomNormal([16, 2], 0, 0.5, 'float32', 3), 1);
    const y = { gen: 0, fake: 1, real: 0 };
    await model.trainOnBatch(['normal', x], y);
    const before = tf.memory().numTensors;
    const start = weightsOf(model);
    for (let i = 0; i < 3; i++) {
      const logs = await model.trainOnBatch(['normal', x], y);
      for (const v of Object.values(logs)) expect(Number.isFinite(v)).toBe(true);
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(weightsOf(model)).not.toEqual(start);
    model.dispose();
    x.dispose();
  });

  it("G's second-order gradient matches central differences of L_G(θ_G, D_K(θ_G)), where the first order does not (tanh nets, SGD, K = 2)", () => {
    const depth = 2;
    const lrD = 0.5;
    const model = compiled({ depth, secondOrder: true }, { optimizer: { generator: tf.train.sgd(0.1), discriminator: tf.train.sgd(lrD) } });
    const batch = fixedBatch();
    const [g, d] = model.adversarial.getPlayers() as [Player, Player];
    const game = model.game;
    const loss = (p: Player) => (p === g ? game.generatorLoss(g, batch) : game.discriminatorLoss(d, batch));
    const second = secondOrderGradients(g, planSecondOrder(g, [d]), depth, loss);

    /** Runs `fn` with D unrolled K SGD steps against today's G, then puts D back. */
    const withUnrolledD = <T>(fn: () => T): T => {
      const saved = d.variables.map((v) => tf.clone(v));
      try {
        for (let k = 0; k < depth; k++) {
          const fake = tf.tidy(() => game.generate(batch, true));
          const ev = game.discriminatorTurn(d, batch, fake);
          tf.tidy(() => d.variables.forEach((v, n) => v.assign(tf.sub(v, tf.mul(lrD, ev.grads![n]!)))));
          tf.dispose([...fake, ev.values, ...ev.grads!]);
        }
        return fn();
      } finally {
        d.variables.forEach((v, n) => v.assign(saved[n]!));
        tf.dispose(saved);
      }
    };
    const lossAhead = () => withUnrolledD(() => tf.tidy(() => game.generatorLoss(g, batch).dataSync()[0]!));
    const first = withUnrolledD(() => {
      const turn = game.generatorTurn(g, batch);
      tf.dispose([...turn.fake, turn.eval.values]);
      return turn.eval.grads!;
    });

    const kernel = g.variables[0]!;
    const h = 1e-2;
    let largestGap = 0;
    for (const i of [0, 5, 11, 17, 23]) {
      const original = kernel.dataSync().slice();
      const at = (delta: number) => {
        const values = original.slice();
        values[i]! += delta;
        tf.tidy(() => kernel.assign(tf.tensor(values, kernel.shape)));
        return lossAhead();
      };
      const fd = (at(h) - at(-h)) / (2 * h);
      tf.tidy(() => kernel.assign(tf.tensor(original, kernel.shape)));
      expect(second[0]!.dataSync()[i]).toBeCloseTo(fd, 4);
      largestGap = Math.max(largestGap, Math.abs(first[0]!.dataSync()[i]! - fd));
    }
    // The term through D's updates is what the first order misses.
    expect(largestGap).toBeGreaterThan(5e-3);
    tf.dispose([...second, ...first]);
    batch.dispose();
    model.dispose();
  });

  it.each([
    ['first order, G fails', { depths: [2, 2] }, 'generator'],
    ['first order, D fails', { depths: [2, 2] }, 'discriminator'],
    ['second order, G fails', { depths: [2, 2], secondOrder: true }, 'generator'],
    ['second order, D fails', { depths: [2, 2], secondOrder: true }, 'discriminator'],
  ] as const)('%s mid-step: the error comes through, the weights are as they were, nothing leaks', async (_, options, player) => {
    let calls = 0;
    let failAt = Infinity;
    const failing: Penalty = {
      name: 'may_fail',
      className: 'TestMayFail',
      compute: () => {
        if (++calls >= failAt) throw new Error('penalty failed');
        return tf.scalar(0);
      },
      getConfig: () => ({}),
    };
    const model = compiled(options, { penalties: { [player]: [failing] } });
    const x = tf.add(tf.randomNormal([16, 2], 0, 0.5, 'float32', 3), 1);
    const y = { gen: 0, fake: 1, real: 0 };
    await model.trainOnBatch(['normal', x], y);
    const n = tf.memory().numTensors;
    const start = weightsOf(model);
    // Fail on the penalty's third call of the step: inside an unroll or a look-ahead, not at its start.
    calls = 0;
    failAt = 3;
    await expect(model.trainOnBatch(['normal', x], y)).rejects.toThrow('penalty failed');
    expect(weightsOf(model)).toEqual(start);
    expect(tf.memory().numTensors).toBe(n);
    model.dispose();
    x.dispose();
  });

  it('an unrolled player whose optimizer has no written-out update is a typed error naming it; nothing moves', async () => {
    const model = compiled({ depth: 1, secondOrder: true }, { optimizer: { generator: 'adam', discriminator: 'rmsprop' } });
    const x = tf.add(tf.randomNormal([16, 2], 0, 0.5, 'float32', 3), 1);
    const start = weightsOf(model);
    const n = tf.memory().numTensors;
    await expect(model.trainOnBatch(['normal', x], { gen: 0, fake: 1, real: 0 })).rejects.toThrowError(InvalidArgumentError);
    await expect(model.trainOnBatch(['normal', x], { gen: 0, fake: 1, real: 0 })).rejects.toThrowError(/secondOrder.*player 'discriminator'.*Received: optimizer="RMSProp"/);
    expect(weightsOf(model)).toEqual(start);
    expect(tf.memory().numTensors).toBe(n);
    model.dispose();
    x.dispose();
  });
});
