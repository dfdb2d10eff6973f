import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Model } from '../model/model';
import { pngFiles } from '../node/png-files';
import { Alternating } from '../engine/alternating';
import { AdversarialModel } from '../engine/adversarial-model';
import { InvalidArgumentError } from '../errors';
import { buildGan } from '../helpers/builders';
import { ganTargets } from '../helpers/targets';
import { mlpDiscriminator } from '../test-utils/models';
import { applyColormap } from './colormap';
import { imageGrid, toCanvas } from './image-grid';

/** A generator of 2x2 grey images and a model around it. */
function imageModel() {
  const z = tf.input({ shape: [2] });
  const img = tf.layers.reshape({ targetShape: [2, 2, 1] }).apply(tf.layers.dense({ units: 4, activation: 'tanh' }).apply(z)) as tf.SymbolicTensor;
  const generator = tf.model({ inputs: z, outputs: img });
  const x = tf.input({ shape: [2, 2, 1] });
  const discriminator = tf.model({ inputs: x, outputs: mlpDiscriminator(4).apply(tf.layers.flatten().apply(x)) as tf.SymbolicTensor });
  const model = new Model({ generator, discriminator });
  model.compile({ loss: 'binaryCrossentropy' });
  return model;
}

/** An AdversarialModel over the same kind of networks, and its generator. */
function adversarialImageModel() {
  const z = tf.input({ shape: [2] });
  const img = tf.layers.reshape({ targetShape: [2, 2, 1] }).apply(tf.layers.dense({ units: 4, activation: 'tanh' }).apply(z)) as tf.SymbolicTensor;
  const generator = tf.model({ inputs: z, outputs: img });
  const x = tf.input({ shape: [2, 2, 1] });
  const discriminator = tf.model({ inputs: x, outputs: mlpDiscriminator(4).apply(tf.layers.flatten().apply(x)) as tf.SymbolicTensor });
  const gan = new AdversarialModel({ baseModel: buildGan(generator, discriminator), playerParams: [generator.trainableWeights, discriminator.trainableWeights] });
  gan.compile({ adversarialOptimizer: new Alternating(), playerOptimizers: ['sgd', 'sgd'], loss: 'binaryCrossentropy' });
  return { gan, generator };
}

describe('imageGrid with a generator function (an AdversarialModel)', () => {
  it('receives a grid of the right size after each epoch of fit, coloured by cmap, leak-free', async () => {
    const { gan, generator } = adversarialImageModel();
    const zFixed = tf.randomNormal([6, 2]);
    const grids: { epoch: number; shape: number[]; values: Float32Array }[] = [];
    const callback = imageGrid({
      generator: () => generator.predict(zFixed) as tf.Tensor,
      cols: 3,
      cmap: 'viridis',
      draw: (g, epoch) => void grids.push({ epoch, shape: g.shape, values: g.dataSync() as Float32Array }),
    });
    const [z, x] = [tf.randomNormal([8, 2]), tf.randomUniform([8, 2, 2, 1], -1, 1)];
    const y = ganTargets(8);
    await gan.fit([z, x], y, { epochs: 1, batchSize: 4, callbacks: [callback] });
    const before = tf.memory().numTensors;
    await gan.fit([z, x], y, { epochs: 2, initialEpoch: 1, batchSize: 4, callbacks: [callback] });
    expect(tf.memory().numTensors).toBe(before);
    expect(grids.map((g) => g.epoch)).toEqual([0, 1]);
    // 6 tiles of 2x2 in 2 rows of 3, padding 1 around each; viridis makes it RGB.
    expect(grids[1]!.shape).toEqual([2 * 3 + 1, 3 * 3 + 1, 3]);
    // The first pixel of the first tile (after 1 pixel of padding) is viridis of the first image's first value.
    const expected = tf.tidy(() => applyColormap(tf.div(tf.add((generator.predict(zFixed) as tf.Tensor).slice([0, 0, 0, 0], [1, 1, 1, 1]), 1), 2), 'viridis').dataSync());
    const row = 3 * 3 + 1;
    expect(Array.from(grids[1]!.values.slice((row + 1) * 3, (row + 1) * 3 + 3))).toEqual(Array.from(expected));
    expect(Array.from(grids[1]!.values.slice(0, 3))).toEqual([1, 1, 1]); // the background is not colour-mapped
    tf.dispose([zFixed, z, x, ...y]);
    gan.dispose();
  });

  it("takes keras_adversarial's [rows, cols, h, w, c] grids, and without cmap keeps one channel", async () => {
    const grids: number[][] = [];
    const callback = imageGrid({ generator: () => tf.zeros([2, 3, 2, 2, 1]), padding: 0, draw: (g) => void grids.push(g.shape) });
    await callback.onEpochEnd!(0);
    expect(grids).toEqual([[4, 6, 1]]);
    const wrong = imageGrid({ generator: () => tf.zeros([2, 3, 2, 2, 1]), rows: 3, draw: () => undefined });
    const before = tf.memory().numTensors;
    await expect(wrong.onEpochEnd!(0)).rejects.toThrowError(/returned a 2x3 grid/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('needs exactly one of model and generator, and rejects model-only options and unknown colour maps', () => {
    const draw = () => undefined;
    const generator = () => tf.zeros([1, 2, 2]);
    expect(() => imageGrid({ draw } as never)).toThrowError(/exactly one of 'model' and 'generator'. Received: neither/);
    expect(() => imageGrid({ model: imageModel(), generator, draw })).toThrowError(/Received: both/);
    expect(() => imageGrid({ generator, seed: 1, draw })).toThrowError(InvalidArgumentError);
    expect(() => imageGrid({ generator: 'g' as never, draw })).toThrowError(/Received: generator="g"/);
    expect(() => imageGrid({ generator, cmap: 'jet' as never, draw })).toThrowError(/Argument 'cmap' passed to 'imageGrid'/);
  });
});

describe('imageGrid', () => {
  it('hands the sink a grid of the same seeded latent batch every epoch', async () => {
    const model = imageModel();
    const grids: { epoch: number; shape: number[]; values: number[] }[] = [];
    const callback = imageGrid({ model, rows: 2, cols: 3, seed: 4, padding: 0, draw: (g, epoch) => void grids.push({ epoch, shape: g.shape, values: Array.from(g.dataSync()) }) });
    const x = tf.randomUniform([8, 2, 2, 1], -1, 1, 'float32', 1);
    const before = tf.memory().numTensors;
    await callback.onEpochEnd!(0);
    await callback.onEpochEnd!(1);
    expect(tf.memory().numTensors).toBe(before);
    expect(grids.map((g) => g.epoch)).toEqual([0, 1]);
    expect(grids[0]!.shape).toEqual([4, 6, 1]);
    expect(grids[1]!.values).toEqual(grids[0]!.values);
    // The same as tiling model.sample with that seed.
    const s = model.sample(['normal'], { numSamples: 6, seed: 4 }) as tf.Tensor;
    expect(grids[0]!.values[0]).toBeCloseTo(((s.dataSync()[0] as number) + 1) / 2, 6);
    s.dispose();
    await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 2, batchSize: 4, callbacks: [callback] });
    expect(grids.map((g) => g.epoch)).toEqual([0, 1, 0, 1]);
    x.dispose();
  });

  it('in Node, pngFiles writes one PNG per epoch; training stays leak-free', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gandlf-grid-'));
    const model = imageModel();
    const x = tf.randomUniform([8, 2, 2, 1], -1, 1, 'float32', 1);
    const callbacks = [imageGrid({ model, rows: 2, cols: 2, draw: pngFiles({ dir, prefix: 'grid-' }) })];
    await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 1, batchSize: 4, callbacks });
    const before = tf.memory().numTensors;
    await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 3, initialEpoch: 1, batchSize: 4, callbacks });
    expect(tf.memory().numTensors).toBe(before);
    expect((await readdir(dir)).sort()).toEqual(['grid-0000.png', 'grid-0001.png', 'grid-0002.png']);
    const png = await readFile(join(dir, 'grid-0002.png'));
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([7, 7]); // 2x2 tiles of 2x2 with padding 1
    const idat = png.subarray(33 + 8, 33 + 8 + view.getUint32(33));
    expect(inflateSync(idat).length).toBe(7 * (1 + 7 * 4));
    await rm(dir, { recursive: true });
    x.dispose();
  });

  it('toCanvas draws with tf.browser.toPixels (a stand-in canvas and ImageData in Node)', async () => {
    const g = globalThis as { ImageData?: unknown };
    const saved = g.ImageData;
    g.ImageData = class {
      constructor(
        readonly data: Uint8ClampedArray,
        readonly width: number,
        readonly height: number,
      ) {}
    };
    const drawn: { data: Uint8ClampedArray; width: number }[] = [];
    const canvas = { width: 0, height: 0, getContext: () => ({ putImageData: (img: { data: Uint8ClampedArray; width: number }) => drawn.push(img) }) };
    const grid = tf.fill([3, 5, 1], 0.5) as tf.Tensor3D;
    try {
      await toCanvas(canvas as unknown as HTMLCanvasElement)(grid, 0);
    } finally {
      g.ImageData = saved;
    }
    expect([canvas.width, canvas.height]).toEqual([5, 3]);
    expect(drawn[0]!.width).toBe(5);
    expect(Array.from(drawn[0]!.data.subarray(0, 4))).toEqual([128, 128, 128, 255]);
    grid.dispose();
  });
});
