import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { MissingGradientError } from '../errors';
import { Model } from '../model/model';
import { gradientPenalty } from './gradient-penalty';

/** A generator of 4x4x1 images and a conv discriminator with the given middle layer. */
function imageGan(middle: () => tf.layers.Layer[]) {
  const z = tf.input({ shape: [3] });
  const img = tf.layers.reshape({ targetShape: [4, 4, 1] }).apply(tf.layers.dense({ units: 16 }).apply(z)) as tf.SymbolicTensor;
  const generator = tf.model({ inputs: z, outputs: img });
  const discriminator = tf.sequential({
    layers: [tf.layers.conv2d({ inputShape: [4, 4, 1], filters: 2, kernelSize: 3, strides: 2, padding: 'same' }), ...middle(), tf.layers.flatten(), tf.layers.dense({ units: 1 })],
  });
  const model = new Model({ generator, discriminator });
  model.compile({ loss: 'wasserstein', penalties: { discriminator: [gradientPenalty()] } });
  return model;
}

// What tfjs 4.22's cpu backend supports for the gradient of a gradient. The
// filter gradient of a convolution (`Conv2DBackpropFilter`) is never
// differentiated by these penalties, which only take input gradients, so
// convolutional critics train; pooling does not.
describe('second-order gradients on the cpu backend', () => {
  it("tanh'', sigmoid'' and exp'' are right once a penalty exists (tfjs 4.22 alone cannot take them)", () => {
    gradientPenalty();
    const x = tf.scalar(0.5);
    const [t, s] = [Math.tanh(0.5), 1 / (1 + Math.exp(-0.5))];
    const second = (f: (v: tf.Tensor) => tf.Tensor) => tf.grad(tf.grad(f))(x).dataSync()[0];
    expect(second((v) => tf.tanh(v))).toBeCloseTo(-2 * t * (1 - t * t), 6);
    expect(second((v) => tf.sigmoid(v))).toBeCloseTo(s * (1 - s) * (1 - 2 * s), 6);
    expect(second((v) => tf.exp(v))).toBeCloseTo(Math.exp(0.5), 5);
    // First order is unchanged.
    expect(
      tf
        .grad((v: tf.Tensor) => tf.tanh(v))(x)
        .dataSync()[0],
    ).toBeCloseTo(1 - t * t, 6);
    x.dispose();
  });

  it("clipByValue's gradient (binary cross-entropy clips) differentiates again: its bool mask gets a zero gradient", () => {
    gradientPenalty();
    // d/dv sum(clip(v²)²) = 4v³ where v² is inside the clip range, so the second derivative is 12v².
    const v = tf.tensor1d([0.5, 0.7, 2]);
    const inner = (u: tf.Tensor) => tf.grad((w: tf.Tensor) => tf.clipByValue(w.square(), 0.1, 0.9).square().sum())(u);
    const outer = tf.grad((u: tf.Tensor) => inner(u).sum())(v);
    const got = Array.from(outer.dataSync());
    [3, 5.88, 0].forEach((want, i) => expect(got[i]).toBeCloseTo(want, 4));
    tf.dispose([v, outer]);
  });

  const x = () => tf.randomNormal([4, 4, 4, 1], 0, 1, 'float32', 1);

  it('a conv + LeakyReLU critic trains with a gradient penalty, leak-free', async () => {
    const model = imageGan(() => [tf.layers.leakyReLU({ alpha: 0.2 }), tf.layers.conv2d({ filters: 2, kernelSize: 3, padding: 'same' })]);
    const data = x();
    const before = tf.memory().numTensors;
    const logs = await model.trainOnBatch(['normal', data], [-1, 1]);
    expect(Number.isFinite(logs.discriminator_gp)).toBe(true);
    await model.trainOnBatch(['normal', data], [-1, 1]);
    const warm = tf.memory().numTensors;
    await model.trainOnBatch(['normal', data], [-1, 1]);
    expect(tf.memory().numTensors).toBe(warm);
    expect(warm).toBeGreaterThanOrEqual(before);
    data.dispose();
  });

  it('a max-pooling critic fails with MissingGradientError naming MaxPoolGrad, and leaves the model as it was', async () => {
    const model = imageGan(() => [tf.layers.maxPooling2d({ poolSize: 2, padding: 'same' })]);
    const data = x();
    const weights = model.discriminator.getWeights().map((w) => Array.from(w.dataSync()));
    const before = tf.memory().numTensors;
    const error = await model.trainOnBatch(['normal', data], [-1, 1]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingGradientError);
    expect((error as MissingGradientError).op).toBe('MaxPoolGrad');
    expect((error as Error).message).toMatch(/Player 'discriminator'.*'MaxPoolGrad' on backend 'cpu'.*\["gp"\]/);
    expect(model.discriminator.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(weights);
    expect(tf.memory().numTensors).toBe(before);
    data.dispose();
  });
});
