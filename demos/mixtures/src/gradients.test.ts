import * as tf from '@tensorflow/tfjs';
import { losses, Model } from 'gandlf';
import { describe, expect, it } from 'vitest';
import { info } from './config';
import { generatorPush, generatorTarget } from './gradients';
import { technique } from './techniques';
import { buildRun } from './trainer';

/** A gandlf Model with a linear D(x) = 0.5 x - 2 y + 0.25, compiled with `loss`. */
function linearGan(loss: 'wasserstein' | 'meanSquaredError'): Model {
  const generator = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2] })], name: 'generator' });
  const discriminator = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })], name: 'discriminator' });
  discriminator.setWeights([tf.tensor2d([0.5, -2], [2, 1]), tf.tensor1d([0.25])]);
  const model = new Model({ generator, discriminator });
  model.compile({ optimizer: 'adam', loss });
  return model;
}

const real = new Float32Array([0, 0, 1, 1]);

describe('generatorTarget', () => {
  it("reads gandlf's shorthand: G learns fake -> the first target, or `gen`", () => {
    expect(generatorTarget(['zeros', 'ones'])).toBe(0);
    expect(generatorTarget([-1, 1])).toBe(-1);
    expect(generatorTarget({ gen: -1, real: 1, fake: -1 })).toBe(-1);
    expect(generatorTarget(['ones', 'zeros', 'ones'])).toBe(1);
    expect(() => generatorTarget(['normal', 'ones'])).toThrow(/Received: targets=\["normal","ones"\]/);
  });
});

describe('generatorPush (Node, cpu)', () => {
  it('a linear D under the Wasserstein loss, target -1: L = -mean(D), so every point is pushed by w / n', async () => {
    const model = linearGan('wasserstein');
    const push = await generatorPush(model, new Float32Array([1, 0, 0, 1, -3, 2]), { real, target: -1 });
    // d/dx_i of -(1/3) sum(w . x_i + b) is -w / 3; minus that is w / 3.
    const expected = [0.5 / 3, -2 / 3];
    Array.from(push).forEach((v, i) => expect(v).toBeCloseTo(expected[i % 2]!, 6));
    model.dispose();
  });

  it('a linear D under least squares, target 0: L = mean(D²), so point i is pushed by -2 D(x_i) w / n', async () => {
    const model = linearGan('meanSquaredError');
    // D(1, 0) = 0.75 and D(0, 1) = -1.75, n = 2: pushes -0.75 w and 1.75 w.
    const push = await generatorPush(model, new Float32Array([1, 0, 0, 1]), { real, target: 0 });
    const expected = [-0.375, 1.5, 0.875, -3.5];
    Array.from(push).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
    model.dispose();
  });

  it('tiny: minus the autodiff gradient of mean BCE(0, D(x)), the standard GAN loss of G', async () => {
    const knobs = info.presets.tiny!;
    const model = buildRun(knobs, 'simultaneous', technique(knobs, knobs.seed));
    const fake = new Float32Array([0.3, -1.2, 2, 0.5, -0.7, 0.1, 1.5, 1.5]);
    const push = await generatorPush(model, fake, { real, target: 0 });
    const expected = tf.tidy(() => tf.neg(tf.grad((x: tf.Tensor) => tf.losses.logLoss(tf.zeros([4, 1]), model.discriminator.apply(x) as tf.Tensor, undefined, 1e-7))(tf.tensor2d(fake, [4, 2]))));
    const want = await expected.data();
    expected.dispose();
    Array.from(push).forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 4));
    model.dispose();
  });

  it('tiny-relativistic: minus the autodiff gradient of the relativistic average generator loss, which reads the real batch', async () => {
    const knobs = info.presets['tiny-relativistic']!;
    const model = buildRun(knobs, 'simultaneous', technique(knobs, knobs.seed));
    const fake = new Float32Array([0.3, -1.2, 2, 0.5, -0.7, 0.1]);
    const realBatch = new Float32Array([1.4, 1.4, -2, 0, 0, 2, 0.5, -0.5]);
    const push = await generatorPush(model, fake, { real: realBatch, target: 0 });
    const expected = tf.tidy(() => {
      const dx = model.discriminator.apply(tf.tensor2d(realBatch, [4, 2])) as tf.Tensor;
      return tf.neg(tf.grad((x: tf.Tensor) => losses.relativisticAverageGeneratorLoss(dx, model.discriminator.apply(x) as tf.Tensor, 'bce'))(tf.tensor2d(fake, [3, 2])));
    });
    const want = await expected.data();
    expected.dispose();
    Array.from(push).forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 5));
    // And not the plain loss's gradient: the real batch moves the arrows.
    const other = await generatorPush(model, fake, { real: new Float32Array([3, 3, 3, 3]), target: 0 });
    expect(Array.from(other)).not.toEqual(Array.from(push));
    model.dispose();
  });

  it('leaks no tensor and leaves the weights alone', async () => {
    const knobs = info.presets['tiny-hinge-sn']!;
    const model = buildRun(knobs, 'alternating', technique(knobs, knobs.seed));
    const fake = new Float32Array([0.3, -1.2, 2, 0.5]);
    await generatorPush(model, fake, { real, target: -1 });
    const weights = model.discriminator.getWeights().map((w) => Array.from(w.dataSync()));
    const before = tf.memory().numTensors;
    const a = await generatorPush(model, fake, { real, target: -1 });
    const b = await generatorPush(model, fake, { real, target: -1 });
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(b)).toEqual(Array.from(a));
    // Spectral normalisation's u included: inference mode runs no power iteration.
    expect(model.discriminator.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(weights);
    model.dispose();
  });
});
