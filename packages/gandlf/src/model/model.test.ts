import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidArgumentError, NonFiniteDataError, NotCompiledError, ShapeMismatchError, UnknownNameError, UnknownOptionError } from '../errors';
import { Alternating } from '../engine/alternating';
import { mlpDiscriminator, mlpGenerator } from '../test-utils/models';
import { ringData, ringScore, seededMlp } from '../test-utils/ring';
import { Model } from './model';

/** A discriminator whose output is the constant sigmoid(bias) = p, named 'src'. */
function constantDiscriminator(dim: number, p: number, extra?: number) {
  const x = tf.input({ shape: [dim] });
  const inputs = [x];
  let h: tf.SymbolicTensor = x;
  if (extra) {
    const c = tf.input({ shape: [extra] });
    inputs.push(c);
    h = tf.layers.concatenate().apply([x, c]) as tf.SymbolicTensor;
  }
  const out = tf.layers
    .dense({
      units: 1,
      activation: 'sigmoid',
      kernelInitializer: 'zeros',
      biasInitializer: tf.initializers.constant({ value: Math.log(p / (1 - p)) }),
      name: `src_${Math.random().toString(36).slice(2, 8)}`,
    })
    .apply(h) as tf.SymbolicTensor;
  const named = tf.layers.activation({ activation: 'linear', name: 'src' }).apply(out) as tf.SymbolicTensor;
  return tf.model({ inputs, outputs: named });
}

let x: tf.Tensor;
beforeEach(() => {
  x = tf.randomNormal([32, 3]);
});
afterEach(() => x.dispose());

describe('Model: target semantics', () => {
  // With D(.) = 0.25 and squared error, each loss reveals its target:
  // target 0 -> 0.0625, target 1 -> 0.5625.
  const run = async (y: Parameters<Model['evaluate']>[1]) => {
    const model = new Model({ generator: mlpGenerator(4, 3), discriminator: constantDiscriminator(3, 0.25) });
    model.compile({ loss: 'meanSquaredError' });
    return model.evaluate(['normal', x], y);
  };

  it("['zeros', 'ones']: D learns real -> 0 and generated -> 1, G learns generated -> 0", async () => {
    const logs = await run(['zeros', 'ones']);
    expect(logs.generator_src_gen_loss).toBeCloseTo(0.0625, 5);
    expect(logs.discriminator_src_fake_loss).toBeCloseTo(0.5625, 5);
    expect(logs.discriminator_src_real_loss).toBeCloseTo(0.0625, 5);
    expect(Object.keys(logs)).toEqual(['loss', 'generator_loss', 'generator_src_gen_loss', 'discriminator_loss', 'discriminator_src_fake_loss', 'discriminator_src_real_loss']);
  });

  it('a list of 3 is [gen, fake, real]', async () => {
    const logs = await run(['ones', 'zeros', 'ones']);
    expect([logs.generator_src_gen_loss, logs.discriminator_src_fake_loss, logs.discriminator_src_real_loss]).toEqual([
      expect.closeTo(0.5625, 5),
      expect.closeTo(0.0625, 5),
      expect.closeTo(0.5625, 5),
    ]);
  });

  it('records: src_real / src_fake / src_gen, dis, gen_real and bare modes agree', async () => {
    const a = await run({ src_real: 'zeros', src_fake: 'ones', src_gen: 'zeros' });
    const b = await run({ gen_real: 'zeros', fake: 'ones' });
    const c = await run({ src: 'zeros', src_fake: 'ones' });
    const d = await run({ dis: 1, real: 0, gen: 0 });
    for (const logs of [b, c, d]) {
      expect(logs.generator_src_gen_loss).toBeCloseTo(a.generator_src_gen_loss!, 6);
      expect(logs.discriminator_src_fake_loss).toBeCloseTo(a.discriminator_src_fake_loss!, 6);
      expect(logs.discriminator_src_real_loss).toBeCloseTo(a.discriminator_src_real_loss!, 6);
    }
  });

  it('rejects unknown keys, missing modes and a bare shortcut, naming them', async () => {
    await expect(run({ src_fak: 'ones', src: 'zeros' })).rejects.toThrowError(/\["src_fak"\]/);
    await expect(run({ src_fake: 'ones' })).rejects.toThrowError(/nothing for output 'src' in mode 'gen'/);
    await expect(run('ones')).rejects.toThrowError(/needs a value per output and mode.*Received: "ones"/);
    await expect(run(['ones', 'zeros', 'ones', 'ones'])).rejects.toThrowError(ShapeMismatchError);
  });

  it('loss and lossWeights take the same shorthand', async () => {
    const model = new Model({ generator: mlpGenerator(4, 3), discriminator: constantDiscriminator(3, 0.25) });
    model.compile({ loss: { gen: 'meanSquaredError', dis: 'binaryCrossentropy' }, lossWeights: { src_real: 2 } });
    const logs = await model.evaluate(['normal', x], ['zeros', 'ones']);
    expect(logs.generator_src_gen_loss).toBeCloseTo(0.0625, 5);
    expect(logs.discriminator_src_fake_loss).toBeCloseTo(-Math.log(0.25), 5);
    expect(logs.discriminator_loss).toBeCloseTo(-Math.log(0.25) + 2 * -Math.log(0.75), 5);
  });
});

describe('Model: inputs', () => {
  it('shares conditional discriminator inputs between the real and fake paths', async () => {
    // D starts out reading only the condition c (its x kernel is zero):
    // if both paths see the same c, their outputs agree.
    const c = tf.input({ shape: [2] });
    const xin = tf.input({ shape: [3] });
    const dx = tf.layers.dense({ units: 1, useBias: false, kernelInitializer: 'zeros' }).apply(xin) as tf.SymbolicTensor;
    const dc = tf.layers.dense({ units: 1, kernelInitializer: 'ones' }).apply(c) as tf.SymbolicTensor;
    const sum = tf.layers.add().apply([dx, dc]) as tf.SymbolicTensor;
    const out = tf.layers.activation({ activation: 'sigmoid', name: 'src' }).apply(sum) as tf.SymbolicTensor;
    const d = tf.model({ inputs: [xin, c], outputs: out });
    const g = mlpGenerator(4, 3);
    const model = new Model({ generator: g, discriminator: d });
    model.compile({ loss: 'binaryCrossentropy' });
    const cond = tf.randomNormal([32, 2]);
    const logs = await model.evaluate(['normal', x, cond], ['ones', 'ones', 'ones']);
    expect(logs.discriminator_src_fake_loss).toBeCloseTo(logs.discriminator_src_real_loss!, 6);
    expect(model.adversarial.inputNames).toHaveLength(3);
    const h = await model.fit(['normal', x, cond], ['zeros', 'ones'], { epochs: 1, batchSize: 8 });
    expect(Number.isFinite(h.history.loss![0])).toBe(true);
    cond.dispose();
  });

  it('draws shortcuts afresh for every batch, and a number is a constant', async () => {
    const seen: number[] = [];
    const model = new Model({ generator: mlpGenerator(4, 3), discriminator: mlpDiscriminator(3) });
    model.compile({ loss: 'binaryCrossentropy' });
    const z = (n: number) => {
      seen.push(n);
      return tf.randomNormal([n, 4]);
    };
    await model.fit([z, x], [0, 1], { epochs: 1, batchSize: 10 });
    expect(seen).toEqual([10, 10, 10, 2]);
    await model.fit(['uniform', 'normal'], ['zeros', 'ones'], { epochs: 1, batchSize: 8, numSamples: 16 });
  });

  it('sample and predict run one network; a seed repeats the latent batch', () => {
    const model = new Model({ generator: mlpGenerator(4, 3), discriminator: mlpDiscriminator(3) });
    const a = model.sample(['normal'], { numSamples: 5, seed: 11 }) as tf.Tensor;
    const b = model.sample(['normal'], { numSamples: 5, seed: 11 }) as tf.Tensor;
    const c = model.sample(['normal'], { numSamples: 5, seed: 12 }) as tf.Tensor;
    expect(a.shape).toEqual([5, 3]);
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    expect(Array.from(a.dataSync())).not.toEqual(Array.from(c.dataSync()));
    const p = model.predict([x]) as tf.Tensor;
    expect(p.shape).toEqual([32, 1]);
    tf.dispose([a, b, c, p]);
  });

  it('says when a string shortcut has no sample count', async () => {
    const model = new Model({ generator: mlpGenerator(4, 3), discriminator: mlpDiscriminator(3) });
    model.compile({ loss: 'binaryCrossentropy' });
    expect(() => model.sample(['normal'])).toThrowError(/'sample' cannot tell how many samples to draw.*numSamples/);
    await expect(model.fit(['normal', 'normal'], ['zeros', 'ones'])).rejects.toThrowError(/Pass 'numSamples'/);
    expect(() => model.sample(['gaussian' as never], { numSamples: 2 })).toThrowError(/'normal', 'uniform'.*Received: "gaussian"/);
  });
});

describe('Model: errors', () => {
  it('rejects mismatched generator and discriminator shapes', () => {
    expect(() => new Model({ generator: mlpGenerator(4, 3), discriminator: mlpDiscriminator(5) })).toThrowError(ShapeMismatchError);
    expect(() => new Model({ generator: mlpGenerator(4, 3), discriminator: mlpDiscriminator(5) })).toThrowError(/generator output 0 has shape \[3\] but discriminator input 0 expects \[5\]/);
    expect(() => new Model({ generator: {} as tf.LayersModel, discriminator: mlpDiscriminator(5) })).toThrowError(/'generator'.*tf.LayersModel/);
  });

  it('rejects fit before compile, unknown names, bad optimizer lists and inputs', async () => {
    const model = new Model({ generator: mlpGenerator(4, 3), discriminator: mlpDiscriminator(3) });
    await expect(model.fit(['normal', x], ['zeros', 'ones'])).rejects.toThrowError(NotCompiledError);
    expect(() => model.compile({ loss: 'crossentropy' })).toThrowError(UnknownNameError);
    expect(() => model.compile({ optimizer: 'adamm', loss: 'binaryCrossentropy' })).toThrowError(/Unknown optimizer.*"adamm"/);
    expect(() => model.compile({ optimizer: ['adam', 'adam', 'adam'] as never, loss: 'binaryCrossentropy' })).toThrowError(
      /\{ generator, discriminator \}, one optimizer, or the list \[discriminator, generator\]. Received: 3/,
    );
    model.compile({ optimizer: ['sgd', tf.train.adam()], loss: 'binaryCrossentropy' });
    await expect(model.fit(['normal'], ['zeros', 'ones'])).rejects.toThrowError(/must hold 2 inputs.*Received: 1/);
    const bad = tf.tensor2d([[1, Number.POSITIVE_INFINITY, 0]]);
    await expect(model.fit(['normal', bad], ['zeros', 'ones'])).rejects.toThrowError(NonFiniteDataError);
    await expect(model.fit(['normal', x], ['zeros', 'ones'], { epochs: -1 })).rejects.toThrowError(InvalidArgumentError);
    bad.dispose();
  });

  it("takes optimizers by role, as the seed's list [discriminator, generator], or one for both; bad role records are errors", () => {
    const model = new Model({ generator: mlpGenerator(4, 3), discriminator: mlpDiscriminator(3) });
    const [gOpt, dOpt] = [tf.train.sgd(0.1), tf.train.adam(0.01)];
    model.compile({ optimizer: { generator: gOpt, discriminator: dOpt }, loss: 'binaryCrossentropy' });
    expect(model.adversarial.getPlayers().map((p) => p.optimizer)).toEqual([gOpt, dOpt]);
    model.compile({ optimizer: [dOpt, gOpt], loss: 'binaryCrossentropy' });
    expect(model.adversarial.getPlayers().map((p) => p.optimizer)).toEqual([gOpt, dOpt]);
    model.compile({ optimizer: { generator: 'sgd', discriminator: 'rmsprop' }, loss: 'binaryCrossentropy' });
    expect(model.adversarial.getPlayers().map((p) => p.optimizer.getClassName())).toEqual(['SGD', 'RMSProp']);
    expect(() => model.compile({ optimizer: { generator: 'adam' } as never, loss: 'binaryCrossentropy' })).toThrowError(/must name both networks' optimizers.*Received: optimizer=/);
    expect(() => model.compile({ optimizer: { generator: 'adam', discriminator: 'adam', critic: 'adam' } as never, loss: 'binaryCrossentropy' })).toThrowError(UnknownOptionError);
    expect(() => model.compile({ optimizer: { generator: gOpt, discriminator: gOpt }, loss: 'binaryCrossentropy' })).toThrowError(/the same optimizer object/);
    expect(() => model.compile({ optimizer: [gOpt, gOpt], loss: 'binaryCrossentropy' })).toThrowError(/the same optimizer object/);
    expect(() => model.compile({ optimizer: { generator: 'adamm', discriminator: 'adam' }, loss: 'binaryCrossentropy' })).toThrowError(/optimizer.generator.*"adamm"/);
    model.dispose();
  });

  it('gives each network its own copy of a single optimizer object', () => {
    const model = new Model({ generator: mlpGenerator(4, 3), discriminator: mlpDiscriminator(3) });
    const opt = tf.train.adam(0.01, 0.5);
    model.compile({ optimizer: opt, loss: 'binaryCrossentropy' });
    const [g, d] = model.adversarial.getPlayers();
    expect(g!.optimizer).not.toBe(d!.optimizer);
    expect(g!.optimizer.getConfig()).toEqual(d!.optimizer.getConfig());
  });
});

describe('Model: training', () => {
  it('accepts tf.Sequential networks', async () => {
    const generator = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 3 })] });
    const discriminator = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 1, activation: 'sigmoid' })] });
    const model = new Model({ generator, discriminator });
    model.compile({ loss: 'binaryCrossentropy' });
    const out = discriminator.layers[0]!.name;
    expect(model.metricsNames).toContain(`discriminator_${out}_real_loss`);
    const logs = await model.trainOnBatch(['normal', x], ['zeros', 'ones']);
    expect(Number.isFinite(logs.loss)).toBe(true);
  });

  it('keeps tf.memory().numTensors flat', async () => {
    const model = new Model({ generator: mlpGenerator(4, 3), discriminator: mlpDiscriminator(3) });
    model.compile({ loss: 'binaryCrossentropy', adversarialOptimizer: new Alternating() });
    await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 1, batchSize: 8 });
    const before = tf.memory().numTensors;
    await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 2, batchSize: 8 });
    await model.trainOnBatch(['onehot', x], ['zeros', 'ones']);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('learns the ring of 8 Gaussians: samples end up near the ring', async () => {
    const data = ringData(2048, 1);
    const model = new Model({ generator: seededMlp(4, 2, 10), discriminator: seededMlp(2, 1, 20, 'sigmoid') });
    model.compile({ optimizer: tf.train.adam(2e-3, 0.5, 0.999, 1e-7), loss: 'binaryCrossentropy', adversarialOptimizer: new Alternating() });
    const before = await ringScore(model.sample(['normal'], { numSamples: 512, seed: 3 }) as tf.Tensor);
    await model.fit(['normal', data], ['zeros', 'ones'], { epochs: 25, batchSize: 64, seed: 5 });
    const samples = model.sample(['normal'], { numSamples: 512, seed: 3 }) as tf.Tensor;
    const after = await ringScore(samples);
    expect(before.near).toBeLessThan(0.3);
    expect(after.near).toBeGreaterThan(0.8);
    expect(after.modes).toBeGreaterThanOrEqual(4);
    tf.dispose([data, samples]);
  }, 120_000);
});

describe('Model: lifecycle', () => {
  it('dispose frees every weight and optimizer slot; setSeed checks its seed', async () => {
    const base = tf.memory().numTensors;
    const model = new Model({ generator: mlpGenerator(4, 3), discriminator: mlpDiscriminator(3) });
    model.compile({ loss: 'binaryCrossentropy' });
    const x = tf.randomNormal([16, 3]);
    model.setSeed(3);
    const a = await model.trainOnBatch(['normal', x], ['zeros', 'ones']);
    model.dispose();
    expect(tf.memory().numTensors).toBe(base + 1); // only x is left
    const twin = new Model({ generator: mlpGenerator(4, 3), discriminator: mlpDiscriminator(3) });
    expect(() => twin.setSeed(Number.NaN)).toThrowError(/seed=NaN/);
    x.dispose();
    twin.dispose();
    expect(a.loss).toBeGreaterThan(0);
  });

  it('checks each real-data tensor for NaN once, not on every trainOnBatch', async () => {
    const model = new Model({ generator: mlpGenerator(4, 3), discriminator: mlpDiscriminator(3) });
    model.compile({ loss: 'binaryCrossentropy' });
    const x = tf.randomNormal([16, 3]);
    await model.trainOnBatch(['normal', x], ['zeros', 'ones']);
    const profile = await tf.profile(() => model.trainOnBatch(['normal', x], ['zeros', 'ones']));
    expect(profile.kernelNames).not.toContain('IsFinite');
    const fresh = tf.randomNormal([16, 3]);
    const second = await tf.profile(() => model.trainOnBatch(['normal', fresh], ['zeros', 'ones']));
    expect(second.kernelNames).toContain('IsFinite');
    fresh.dispose();
    model.dispose();
    x.dispose();
  });
});
