import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Model } from '../model/model';
import { pngFiles } from '../node/png-files';
import { mlpDiscriminator } from '../test-utils/models';
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
