import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { AdversarialModel } from '../engine/adversarial-model';
import { InvalidArgumentError, ShapeMismatchError } from '../errors';
import { Alternating } from '../engine/alternating';
import { Random } from '../random';
import { mlpDiscriminator, mlpGenerator } from '../test-utils/models';
import { buildGan, eliminateZ, fixNames, simpleBigan, simpleGan } from './builders';
import { LatentSampling, normalLatentSampling, uniformLatentSampling } from './latent-sampling';
import { ganTargets, ganTargetsHinge, nChoice } from './targets';

describe('builders', () => {
  it('fixNames takes one name per output, as keras_adversarial does, or one name for all', () => {
    const x = tf.input({ shape: [2] });
    const a = tf.layers.dense({ units: 1 }).apply(x) as tf.SymbolicTensor;
    const b = tf.layers.dense({ units: 1 }).apply(x) as tf.SymbolicTensor;
    const names = (ts: tf.SymbolicTensor[]) => ts.map((t) => t.sourceLayer.name);
    expect(names(fixNames([a, b], ['first', 'second']))).toEqual(['first', 'second']);
    expect(names(fixNames(a, ['only']))).toEqual(['only']);
    expect(names(fixNames(a, 'single'))).toEqual(['single']);
    expect(names(fixNames([a, b], 'both'))).toEqual(['both_0', 'both_1']);
  });

  it('fixNames rejects a list of names that does not match the outputs, echoing it', () => {
    const x = tf.input({ shape: [2] });
    const a = tf.layers.dense({ units: 1 }).apply(x) as tf.SymbolicTensor;
    const b = tf.layers.dense({ units: 1 }).apply(x) as tf.SymbolicTensor;
    expect(() => fixNames([a, b], ['one'])).toThrowError(ShapeMismatchError);
    expect(() => fixNames([a, b], ['one'])).toThrowError(/'names' passed to 'fixNames'.*one name per output \(2\).*Received: names=\["one"\]/);
    expect(() => fixNames(a, [3 as unknown as string])).toThrowError(InvalidArgumentError);
  });

  it('buildGan: (z, x) -> [yFake, yReal] sharing the discriminator', () => {
    const g = mlpGenerator(4, 3);
    const d = mlpDiscriminator(3);
    const gan = buildGan(g, d);
    expect(gan.inputs.map((t) => t.shape)).toEqual([
      [null, 4],
      [null, 3],
    ]);
    expect(gan.outputNames).toEqual(['yFake', 'yReal']);
    expect(gan.trainableWeights.length).toBe(g.trainableWeights.length + d.trainableWeights.length);
    const x = tf.randomNormal([2, 3]);
    const [, yReal] = gan.predict([tf.zeros([2, 4]), x]) as tf.Tensor[];
    const direct = d.predict(x) as tf.Tensor;
    expect(Array.from(yReal!.dataSync())).toEqual(Array.from(direct.dataSync()));
  });

  it('buildGan rejects a generator that does not feed the discriminator', () => {
    expect(() => buildGan(mlpGenerator(4, 3), mlpDiscriminator(2))).toThrowError(ShapeMismatchError);
  });

  it('simpleGan takes only x and draws z inside; it trains', async () => {
    const g = mlpGenerator(4, 3);
    const d = mlpDiscriminator(3);
    const gan = simpleGan(g, d, normalLatentSampling([4]));
    expect(gan.inputs).toHaveLength(1);
    const game = new AdversarialModel({ baseModel: gan, playerParams: [g.trainableWeights, d.trainableWeights], playerNames: ['generator', 'discriminator'] });
    game.compile({ adversarialOptimizer: new Alternating(), playerOptimizers: ['adam', 'adam'], loss: 'binaryCrossentropy' });
    const x = tf.randomNormal([16, 3]);
    const logs = await game.trainOnBatch(x, ganTargets(16));
    expect(Number.isFinite(logs.loss)).toBe(true);
  });

  it("eliminateZ: x -> gan([latentSampling(x), x]), with the GAN's output names and name", () => {
    const g = mlpGenerator(4, 3);
    const d = mlpDiscriminator(3);
    const gan = buildGan(g, d);
    const game = eliminateZ(gan, normalLatentSampling([4]));
    expect(game.inputs.map((t) => t.shape)).toEqual([[null, 3]]);
    expect(game.outputNames).toEqual(['yFake', 'yReal']);
    expect(game.name).toBe('gan');
    // The networks are shared, not copied.
    expect(game.trainableWeights.map((w) => w.read().id)).toEqual(gan.trainableWeights.map((w) => w.read().id));
    const x = tf.randomNormal([5, 3]);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const [yFake, yReal] = game.predict(x) as tf.Tensor[];
      expect(yFake!.shape).toEqual([5, 1]);
      expect(Array.from(yReal!.dataSync())).toEqual(Array.from((d.predict(x) as tf.Tensor).dataSync()));
    });
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });

  it('eliminateZ keeps further inputs (a label) after x, and trains and round-trips as an AdversarialModel', async () => {
    const z = tf.input({ shape: [4] });
    const xIn = tf.input({ shape: [3] });
    const label = tf.input({ shape: [2] });
    const g = mlpGenerator(4, 3);
    const d = mlpDiscriminator(5);
    const yFake = tf.layers.activation({ activation: 'linear', name: 'yFake' }).apply(d.apply(tf.layers.concatenate().apply([g.apply(z) as tf.SymbolicTensor, label]))) as tf.SymbolicTensor;
    const yReal = tf.layers.activation({ activation: 'linear', name: 'yReal' }).apply(d.apply(tf.layers.concatenate().apply([xIn, label]))) as tf.SymbolicTensor;
    const cgan = tf.model({ inputs: [z, xIn, label], outputs: [yFake, yReal], name: 'cgan' });
    const game = eliminateZ(cgan, uniformLatentSampling([4], -1, 1));
    expect(game.inputs.map((t) => t.shape)).toEqual([
      [null, 3],
      [null, 2],
    ]);
    const model = new AdversarialModel({ baseModel: game, playerParams: [g.trainableWeights, d.trainableWeights], playerNames: ['generator', 'discriminator'] });
    model.compile({ adversarialOptimizer: new Alternating(), playerOptimizers: ['sgd', 'sgd'], loss: 'binaryCrossentropy' });
    const [x, c] = [tf.randomNormal([8, 3]), tf.oneHot(tf.tensor1d([0, 1, 0, 1, 0, 1, 0, 1], 'int32'), 2)];
    const logs = await model.trainOnBatch([x, c], ganTargets(8));
    expect(Number.isFinite(logs.loss)).toBe(true);
    await model.save('memory://eliminate-z');
    const back = await AdversarialModel.load('memory://eliminate-z');
    expect(back.inputNames).toHaveLength(2);
    const [a, b] = [model.playerModels[0]!.predict([x, c]) as tf.Tensor[], back.playerModels[0]!.predict([x, c]) as tf.Tensor[]];
    expect(Array.from(b[1]!.dataSync())).toEqual(Array.from(a[1]!.dataSync()));
    tf.dispose([x, c, ...a, ...b]);
    model.dispose();
    back.dispose();
  });

  it('eliminateZ rejects a model without z and x, and a latent sample that does not feed z', () => {
    const g = mlpGenerator(4, 3);
    const d = mlpDiscriminator(3);
    expect(() => eliminateZ(d, normalLatentSampling([4]))).toThrowError(/'gan' passed to 'eliminateZ' must take \[z, x\].*Received: a model with 1 input/);
    expect(() => eliminateZ(buildGan(g, d), normalLatentSampling([5]))).toThrowError(ShapeMismatchError);
    expect(() => eliminateZ(buildGan(g, d), 'normal' as never)).toThrowError(/Received: latentSampling="normal"/);
  });

  it('simpleBigan scores (z, G(z)) against (E(x), x)', () => {
    const g = mlpGenerator(4, 3);
    const e = mlpGenerator(3, 4, 16, 'encoder');
    const zIn = tf.input({ shape: [4] });
    const xIn = tf.input({ shape: [3] });
    const h = tf.layers.concatenate().apply([zIn, xIn]) as tf.SymbolicTensor;
    const d = tf.model({ inputs: [zIn, xIn], outputs: tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(h) as tf.SymbolicTensor });
    const bigan = simpleBigan(g, e, d);
    expect(bigan.inputs.map((t) => t.shape)).toEqual([
      [null, 4],
      [null, 3],
    ]);
    expect(bigan.outputNames).toEqual(['yFake', 'yReal']);
    const sampled = simpleBigan(g, e, d, normalLatentSampling([4]));
    expect(sampled.inputs).toHaveLength(1);
    const x = tf.randomNormal([5, 3]);
    const [, yReal] = sampled.predict(x) as tf.Tensor[];
    const expected = d.predict([e.predict(x) as tf.Tensor, x]) as tf.Tensor;
    expect(Array.from(yReal!.dataSync())).toEqual(Array.from(expected.dataSync()));
  });
});

describe('latent sampling layers', () => {
  it('draw a batch the size of the input, from the right distribution', () => {
    const n = normalLatentSampling([8]).apply(tf.zeros([1000, 3])) as tf.Tensor;
    expect(n.shape).toEqual([1000, 8]);
    expect(Math.abs(n.mean().dataSync()[0]!)).toBeLessThan(0.05);
    const u = uniformLatentSampling([2], -1, 1).apply(tf.zeros([1000, 3])) as tf.Tensor;
    expect(u.min().dataSync()[0]).toBeGreaterThanOrEqual(-1);
    expect(u.max().dataSync()[0]).toBeLessThan(1);
  });

  it('serialise and load back as a registered class', () => {
    const x = tf.input({ shape: [3] });
    const m = tf.model({ inputs: x, outputs: uniformLatentSampling([2], -2, 2).apply(x) as tf.SymbolicTensor });
    const json = m.toJSON(undefined, false) as unknown as tf.serialization.ConfigDict;
    const layer = ((json.config as tf.serialization.ConfigDict).layers as tf.serialization.ConfigDict[])[1]!;
    expect(layer.class_name).toBe('GandlfLatentSampling');
    const restored = LatentSampling.fromConfig(LatentSampling, layer.config as tf.serialization.ConfigDict) as LatentSampling;
    expect([restored.shape, restored.distribution, restored.low, restored.high]).toEqual([[2], 'uniform', -2, 2]);
  });

  it('reject bad shapes and distributions', () => {
    expect(() => normalLatentSampling([0])).toThrowError(/shape=\[0\]/);
    expect(() => new LatentSampling({ shape: [2], distribution: 'cauchy' as never })).toThrowError(/distribution="cauchy"/);
  });
});

describe('targets and nChoice', () => {
  it('ganTargets is [1, 0, 0, 1] and ganTargetsHinge [1, -1, -1, 1], each [n, 1]', () => {
    const t = ganTargets(3);
    expect(t.map((x) => x.shape)).toEqual([
      [3, 1],
      [3, 1],
      [3, 1],
      [3, 1],
    ]);
    expect(t.map((x) => x.dataSync()[0])).toEqual([1, 0, 0, 1]);
    expect(ganTargetsHinge(2).map((x) => x.dataSync()[1])).toEqual([1, -1, -1, 1]);
    expect(() => ganTargets(0)).toThrowError(/Received: n=0/);
  });

  it('nChoice picks distinct rows', () => {
    const x = tf.range(0, 20).reshape([20, 1]);
    const picked = Array.from(nChoice(x, 10, new Random(3)).dataSync());
    expect(new Set(picked).size).toBe(10);
    expect(picked.every((v) => v >= 0 && v < 20)).toBe(true);
    expect(() => nChoice(x, 21)).toThrowError(InvalidArgumentError);
  });
});
