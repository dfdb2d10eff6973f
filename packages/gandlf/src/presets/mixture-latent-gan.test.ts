import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { gridMixture, mixtureQuality } from '@gandlf/datasets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { Model } from '../model/model';
import { Random } from '../random';
import { mixtureLatentGan } from './mixture-latent-gan';

const require = createRequire(import.meta.url);
setWasmPaths(join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/');

const score = async (t: tf.Tensor) => {
  const q = mixtureQuality(new Float32Array(await t.data()), gridMixture());
  t.dispose();
  return q;
};

describe('mixtureLatentGan', () => {
  let previous = '';
  beforeAll(async () => {
    previous = tf.getBackend();
    // wasm: about 8x faster than cpu on these small MLPs, so a real run fits a unit test.
    expect(await tf.setBackend('wasm')).toBe(true);
  });
  afterAll(async () => {
    await tf.setBackend(previous);
  });

  it('takes noise and a one-hot category, starts its offsets in the data square and samples from the moving average', () => {
    const { model, latent, targets } = mixtureLatentGan({ categories: 12, extent: 3, offsetSpeed: 4 });
    try {
      expect(latent).toEqual(['normal', 'onehot']);
      expect(targets).toEqual({ gen: 0, real: 0, fake: 1 });
      expect(model.generator.inputs.map((i) => i.shape)).toEqual([
        [null, 4],
        [null, 12],
      ]);
      expect(model.ema).not.toBeNull();
      // The fixed gain is not trained; the offsets (12 x 2) start within ±extent once scaled.
      expect(model.generator.getLayer('offset_speed').trainableWeights).toHaveLength(0);
      const offsets = tf.tidy(() => Array.from(model.generator.getLayer('offsets').getWeights()[0]!.mul(4).dataSync()));
      expect(offsets).toHaveLength(24);
      expect(Math.max(...offsets.map(Math.abs))).toBeLessThanOrEqual(3);
      expect(Math.max(...offsets.map(Math.abs))).toBeGreaterThan(1.5);
      // The spread starts at zero: every sample of a category sits on its offset.
      const c = tf.oneHot(tf.tensor1d([5, 5, 5], 'int32'), 12).toFloat();
      const xy = tf.tidy(() => Array.from((model.generator.predict([tf.randomNormal([3, 4]), c]) as tf.Tensor).dataSync()));
      expect(xy.slice(2, 4)).toEqual(xy.slice(0, 2));
      expect(xy[0]).toBeCloseTo(offsets[10]!, 5);
      c.dispose();
    } finally {
      model.dispose();
    }
  });

  it('names a bad option and echoes its value', () => {
    expect(() => mixtureLatentGan({ categories: 0 })).toThrowError(InvalidArgumentError);
    expect(() => mixtureLatentGan({ categories: 0 })).toThrowError(/'categories'.*Received: categories=0/);
    expect(() => mixtureLatentGan({ latentDim: 2.5 })).toThrowError(/'latentDim'.*Received: latentDim=2.5/);
    expect(() => mixtureLatentGan({ extent: -1 })).toThrowError(/'extent'.*positive number.*Received: extent=-1/);
    expect(() => mixtureLatentGan({ offsetSpeed: Number.NaN })).toThrowError(/'offsetSpeed'.*Received: offsetSpeed=NaN/);
  });

  it('saves and loads with its fixed gain, offsets and moving average, and samples the same', async () => {
    const { model, targets, latent } = mixtureLatentGan({ categories: 6, hidden: 8, seed: 3 });
    const x = tf.randomNormal([64, 2], 0, 1, 'float32', 4);
    try {
      await model.fit([...latent, x], targets, { epochs: 2, batchSize: 32, seed: 5 });
      await model.save('memory://mixture-latent');
      const loaded = await Model.load('memory://mixture-latent');
      try {
        expect(loaded.ema?.decay).toBe(0.999);
        expect(loaded.generator.getLayer('offset_speed').trainableWeights).toHaveLength(0);
        const [a, b] = [model, loaded].map((m) => m.sample(latent, { numSamples: 16, seed: 9 }) as tf.Tensor);
        expect(Array.from(await b!.data())).toEqual(Array.from(await a!.data()));
        tf.dispose([a!, b!]);
      } finally {
        loaded.dispose();
      }
    } finally {
      x.dispose();
      model.dispose();
    }
  });

  // 1,600 generator steps (a tenth of the preset's run), about a minute on an idle
  // core, with a shorter moving average so the samples show the progress sooner.
  // The full run is measured in bench/README.md.
  it('spreads over the grid of 25 Gaussians, and leaks no tensors', async () => {
    const rng = new Random(1000);
    const data = tf.tensor2d(
      gridMixture().sample(8192, () => rng.next()),
      [8192, 2],
    );
    const { model, targets, latent } = mixtureLatentGan({ seed: 1, emaDecay: 0.99 });
    try {
      const before = await score(model.sample(latent, { numSamples: 2500, seed: 11 }) as tf.Tensor);
      await model.fit([...latent, data], targets, { epochs: 50, batchSize: 256, seed: 2 });
      const after = await score(model.sample(latent, { numSamples: 2500, seed: 11 }) as tf.Tensor);
      expect(before.highQualityShare, JSON.stringify(before)).toBeLessThan(0.08);
      expect(after.modesCovered, JSON.stringify(after)).toBeGreaterThanOrEqual(8);
      expect(after.highQualityShare, JSON.stringify(after)).toBeGreaterThan(0.2);
      const count = tf.memory().numTensors;
      await model.fit([...latent, data], targets, { epochs: 1, batchSize: 256 });
      expect(tf.memory().numTensors).toBe(count);
    } finally {
      data.dispose();
      model.dispose();
    }
  }, 240_000);
});
