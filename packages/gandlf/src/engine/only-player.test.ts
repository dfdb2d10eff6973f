import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, UnknownOptionError } from '../errors';
import { Model } from '../model/model';
import { mlpDiscriminator, mlpGenerator } from '../test-utils/models';
import { seededData, seededGan } from '../test-utils/seeded-gan';
import { AdversarialModel } from './adversarial-model';
import type { AdversarialOptimizer } from './adversarial-optimizer';
import { Alternating } from './alternating';
import { Scheduled } from './scheduled';
import { Simultaneous } from './simultaneous';
import { Unrolled } from './unrolled';

// trainOnBatch({ only }) and lastUpdates: one player moves, the others are
// only scored, and every step reports who moved.

/** Each weight tensor's values, copied. */
const weightsOf = (m: tf.LayersModel): Float32Array[] => m.weights.map((w) => w.read().dataSync().slice() as Float32Array);
const changed = (before: Float32Array[], m: tf.LayersModel) => weightsOf(m).some((w, i) => w.some((v, k) => v !== before[i]![k]));

function compiledModel(adversarialOptimizer: AdversarialOptimizer = new Simultaneous(), ema?: { decay: number }): Model {
  const model = new Model({ generator: mlpGenerator(2, 3, 4), discriminator: mlpDiscriminator(3, 4) });
  model.compile({ loss: 'binaryCrossentropy', optimizer: tf.train.adam(0.05), adversarialOptimizer, ...(ema ? { ema } : {}) });
  return model;
}

/** Three players, each owning one head of a shared input: x -> [a, b, c]. */
function threePlayers(): AdversarialModel {
  const x = tf.input({ shape: [2] });
  const heads = ['a', 'b', 'c'].map((name) => tf.layers.dense({ units: 1, name }).apply(x) as tf.SymbolicTensor);
  const base = tf.model({ inputs: x, outputs: heads });
  const params = ['a', 'b', 'c'].map((name) => base.getLayer(name).trainableWeights);
  const gan = new AdversarialModel({ baseModel: base, playerParams: params, playerNames: ['a', 'b', 'c'] });
  gan.compile({ adversarialOptimizer: new Simultaneous(), playerOptimizers: ['sgd', 'sgd', 'sgd'], loss: 'meanSquaredError' });
  return gan;
}

const targets = ['zeros', 'ones'] as const;

describe('Model.trainOnBatch({ only })', () => {
  it.each([
    ['generator', 'discriminator'],
    ['discriminator', 'generator'],
  ] as const)('only: %s moves that network and leaves every weight of the %s bit-identical', async (only, other) => {
    const model = compiledModel();
    const x = tf.randomNormal([8, 3], 0, 1, 'float32', 1);
    const before = { generator: weightsOf(model.generator), discriminator: weightsOf(model.discriminator) };
    const logs = await model.trainOnBatch(['normal', x], [...targets], { only });
    expect(changed(before[only], model[only])).toBe(true);
    expect(weightsOf(model[other])).toEqual(before[other]);
    expect(model.step).toBe(1);
    expect(model.lastUpdates).toEqual({ [only]: 1, [other]: 0 });
    // Both players are still scored for the logs.
    for (const name of ['loss', 'generator_loss', 'discriminator_loss']) expect(Number.isFinite(logs[name])).toBe(true);
    x.dispose();
    model.dispose();
  });

  it('leaves the compiled adversarial optimizer in charge without `only`, and the step counter counts every step', async () => {
    const model = compiledModel(new Alternating({ steps: { discriminator: 2 } }));
    const x = tf.randomNormal([8, 3], 0, 1, 'float32', 1);
    expect(model.lastUpdates).toEqual({});
    await model.trainOnBatch(['normal', x], [...targets], { only: 'discriminator' });
    await model.trainOnBatch(['normal', x], [...targets]);
    expect(model.lastUpdates).toEqual({ generator: 1, discriminator: 2 });
    await model.trainOnBatch(['normal', x], [...targets], { only: 'generator' });
    expect(model.lastUpdates).toEqual({ generator: 1, discriminator: 0 });
    expect(model.step).toBe(3);
    x.dispose();
    model.dispose();
  });

  it('rejects a name that is not a player, echoing it, before anything trains', async () => {
    const model = compiledModel();
    const x = tf.randomNormal([8, 3], 0, 1, 'float32', 1);
    const before = [...weightsOf(model.generator), ...weightsOf(model.discriminator)];
    const call = model.trainOnBatch(['normal', x], [...targets], { only: 'gen' });
    await expect(call).rejects.toThrowError(InvalidArgumentError);
    await expect(call).rejects.toThrowError("Argument 'only' passed to 'trainOnBatch' must name one of the players ('generator', 'discriminator'). Received: only=\"gen\"");
    expect([...weightsOf(model.generator), ...weightsOf(model.discriminator)]).toEqual(before);
    expect(model.step).toBe(0);
    x.dispose();
    model.dispose();
  });

  it('rejects an unknown option key, suggesting `only`', async () => {
    const model = compiledModel();
    const x = tf.randomNormal([8, 3], 0, 1, 'float32', 1);
    const call = model.trainOnBatch(['normal', x], [...targets], { onyl: 'generator' } as never);
    await expect(call).rejects.toThrowError(UnknownOptionError);
    await expect(call).rejects.toThrowError(/^Unknown option 'onyl' passed to 'trainOnBatch'; did you mean 'only'\? Accepted: only\. Received: onyl="generator"$/);
    expect(model.step).toBe(0);
    x.dispose();
    model.dispose();
  });

  it('keeps the tensor count flat across repeated `only` steps', async () => {
    const model = compiledModel();
    const x = tf.randomNormal([8, 3], 0, 1, 'float32', 1);
    // Warm-up: each solo step built once, every optimizer slot made.
    await model.trainOnBatch(['normal', x], [...targets], { only: 'generator' });
    await model.trainOnBatch(['normal', x], [...targets], { only: 'discriminator' });
    const before = tf.memory().numTensors;
    for (let k = 0; k < 3; k++) {
      await model.trainOnBatch(['normal', x], [...targets], { only: 'generator' });
      await model.trainOnBatch(['normal', x], [...targets], { only: 'discriminator' });
    }
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    model.dispose();
  });
});

describe('the generator average follows only the steps that moved the generator', () => {
  const shadowOf = (model: Model) => weightsOf(model.ema!.shadow);

  it('in trainOnBatch: a discriminator-only step leaves the average as it is', async () => {
    const model = compiledModel(new Simultaneous(), { decay: 0.5 });
    const x = tf.randomNormal([8, 3], 0, 1, 'float32', 1);
    // G moves, so the average now lags G: a further update would move it.
    await model.trainOnBatch(['normal', x], [...targets], { only: 'generator' });
    const average = shadowOf(model);
    expect(changed(average, model.generator)).toBe(true);
    await model.trainOnBatch(['normal', x], [...targets], { only: 'discriminator' });
    expect(shadowOf(model)).toEqual(average);
    await model.trainOnBatch(['normal', x], [...targets], { only: 'generator' });
    expect(changed(average, model.ema!.shadow)).toBe(true);
    x.dispose();
    model.dispose();
  });

  it('in fit: batches of a discriminator-only schedule leave the average as it is', async () => {
    const model = compiledModel(new Scheduled(['discriminator']), { decay: 0.5 });
    const x = tf.randomNormal([16, 3], 0, 1, 'float32', 1);
    await model.trainOnBatch(['normal', x], [...targets], { only: 'generator' });
    const average = shadowOf(model);
    expect(changed(average, model.generator)).toBe(true);
    await model.fit(['normal', x], [...targets], { epochs: 2, batchSize: 8, verbose: 0 });
    expect(model.step).toBe(5);
    expect(shadowOf(model)).toEqual(average);
    x.dispose();
    model.dispose();
  });
});

describe('lastUpdates', () => {
  const cases: [string, () => AdversarialOptimizer, Record<string, number>[]][] = [
    ['Simultaneous', () => new Simultaneous(), [{ generator: 1, discriminator: 1 }]],
    ['Alternating({ steps: { discriminator: 3 } })', () => new Alternating({ steps: { discriminator: 3 } }), [{ generator: 1, discriminator: 3 }]],
    [
      "Scheduled(['discriminator', 'discriminator', 'generator'])",
      () => new Scheduled(['discriminator', 'discriminator', 'generator']),
      [
        { generator: 0, discriminator: 1 },
        { generator: 0, discriminator: 1 },
        { generator: 1, discriminator: 0 },
      ],
    ],
    // The look-ahead steps run on a copy of D's optimizer: only the real updates count.
    ['Unrolled({ depth: 2 })', () => new Unrolled({ depth: 2 }), [{ generator: 1, discriminator: 1 }]],
  ];

  it.each(cases)('on a Model under %s, is what the optimizer did in each step', async (_, make, expected) => {
    const model = compiledModel(make());
    const x = tf.randomNormal([8, 3], 0, 1, 'float32', 1);
    for (const e of expected) {
      await model.trainOnBatch(['normal', x], [...targets]);
      expect(model.lastUpdates).toEqual(e);
    }
    x.dispose();
    model.dispose();
  });

  it.each(cases)('on an AdversarialModel under %s, is what the optimizer did in each step', async (_, make, expected) => {
    const gan = seededGan(make());
    const data = seededData(8);
    for (const e of expected) {
      await gan.trainOnBatch([...data.inputs], data.y);
      expect(gan.lastUpdates).toEqual(e);
    }
    data.dispose();
    gan.dispose();
  });

  it('is recorded for each batch of fit', async () => {
    const model = compiledModel(new Scheduled(['discriminator', 'generator']));
    const x = tf.randomNormal([24, 3], 0, 1, 'float32', 1);
    const seen: Record<string, number>[] = [];
    await model.fit(['normal', x], [...targets], { batchSize: 8, shuffle: false, verbose: 0, callbacks: [{ onBatchEnd: () => void seen.push(model.lastUpdates) }] });
    expect(seen).toEqual([
      { generator: 0, discriminator: 1 },
      { generator: 1, discriminator: 0 },
      { generator: 0, discriminator: 1 },
    ]);
    x.dispose();
    model.dispose();
  });
});

describe('AdversarialModel.trainOnBatch({ only })', () => {
  const x = () => tf.randomNormal([6, 2], 0, 1, 'float32', 3);
  const ones = Array.from({ length: 9 }, () => 1);

  it('updates only the named one of three players', async () => {
    const gan = threePlayers();
    const data = x();
    const [a, b, c] = gan.getPlayers().map((p) => p.variables.map((v) => v.dataSync().slice()));
    const logs = await gan.trainOnBatch(data, ones, { only: 'b' });
    const [a1, b1, c1] = gan.getPlayers().map((p) => p.variables.map((v) => v.dataSync().slice()));
    expect(a1).toEqual(a);
    expect(c1).toEqual(c);
    expect(b1).not.toEqual(b);
    expect(gan.lastUpdates).toEqual({ a: 0, b: 1, c: 0 });
    expect(gan.step).toBe(1);
    for (const name of ['a_loss', 'b_loss', 'c_loss']) expect(Number.isFinite(logs[name])).toBe(true);
    await gan.trainOnBatch(data, ones);
    expect(gan.lastUpdates).toEqual({ a: 1, b: 1, c: 1 });
    data.dispose();
    gan.dispose();
  });

  it('rejects a name that is not a player with the typed error, listing the players', async () => {
    const gan = threePlayers();
    const data = x();
    const call = gan.trainOnBatch(data, ones, { only: 'd' });
    await expect(call).rejects.toThrowError(InvalidArgumentError);
    await expect(call).rejects.toThrowError("Argument 'only' passed to 'trainOnBatch' must name one of the players ('a', 'b', 'c'). Received: only=\"d\"");
    await expect(gan.trainOnBatch(data, ones, { only: 1 } as never)).rejects.toThrowError(/Received: only=1$/);
    expect(gan.step).toBe(0);
    expect(gan.lastUpdates).toEqual({});
    data.dispose();
    gan.dispose();
  });

  it('keeps the tensor count flat across repeated `only` steps', async () => {
    const gan = threePlayers();
    const data = x();
    for (const only of ['a', 'b', 'c']) await gan.trainOnBatch(data, ones, { only });
    const before = tf.memory().numTensors;
    for (let k = 0; k < 2; k++) for (const only of ['a', 'b', 'c']) await gan.trainOnBatch(data, ones, { only });
    expect(tf.memory().numTensors).toBe(before);
    data.dispose();
    gan.dispose();
  });
});
