import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError } from '../errors';
import type { ModelInputs, SampleArgs } from '../model/model';
import type { Callback } from '../training/callbacks';
import { optionKeys, requireOptions } from '../options';
import { tileImages, type TileImagesOptions } from './tile-images';

/** Where a grid goes: called with the grid (values in [0, 1], `[height, width, channels]`) and the epoch; the callback frees the grid afterwards. */
export type GridSink = (grid: tf.Tensor3D, epoch: number) => void | Promise<void>;

/** Options of {@link imageGrid}. */
export interface ImageGridOptions extends Omit<TileImagesOptions, 'rows' | 'cols'> {
  /** The model to sample; with `ema`, its moving average draws. */
  model: { sample(inputs: ModelInputs, args?: SampleArgs): tf.Tensor | tf.Tensor[] };
  /** Where each grid goes: `toCanvas(canvas)` in the browser, `pngFiles({ dir })` from `gandlf/node` in Node. */
  draw: GridSink;
  /** Generator inputs, e.g. `['normal', labels]` for a conditional generator (tensors need `rows · cols` rows). @default ['normal'] */
  inputs?: ModelInputs;
  /** Grid rows. @default 4 */
  rows?: number;
  /** Grid columns. @default 4 */
  cols?: number;
  /** Seeds the latent batch, which is the same every epoch so the grids show training progress. @default 0 */
  seed?: number;
  /** Draw after every this many epochs. @default 1 */
  every?: number;
}

const IMAGE_GRID_KEYS = optionKeys<ImageGridOptions>()({
  model: true,
  draw: true,
  inputs: true,
  rows: true,
  cols: true,
  seed: true,
  every: true,
  range: true,
  padding: true,
  background: true,
});

/**
 * gandlf's image grid callback: after every `every` epochs, samples
 * `rows · cols` images from one fixed latent batch, tiles them (see
 * `tileImages`) and hands the grid to `draw`. Drawing stays out of the core:
 * `toCanvas` draws with `tf.browser.toPixels` (which, unlike
 * `tf.browser.draw`, works on WebGL), `pngFiles` writes PNGs in Node.
 *
 * @example
 * await model.fit(['normal', x], ['zeros', 'ones'], { callbacks: [callbacks.imageGrid({ model, draw: callbacks.toCanvas(canvas) })] });
 */
export function imageGrid(options: ImageGridOptions): Callback {
  const fn = 'imageGrid';
  const { model, draw, inputs = ['normal'], rows = 4, cols = 4, seed = 0, every = 1, ...tile } = requireOptions(options, IMAGE_GRID_KEYS, fn);
  if (typeof draw !== 'function') throw new InvalidArgumentError(`Option 'draw' passed to '${fn}' must be a function (grid, epoch) => void. Received: draw=${describe(draw)}`);
  if (!Number.isInteger(every) || every < 1) throw new InvalidArgumentError(`Option 'every' passed to '${fn}' must be a positive integer. Received: every=${describe(every)}`);
  return {
    async onEpochEnd(epoch: number) {
      if ((epoch + 1) % every !== 0) return;
      const grid = tf.tidy(() => {
        const out = model.sample(inputs, { numSamples: rows * cols, seed });
        return tileImages(Array.isArray(out) ? out[0]! : out, { rows, cols, ...tile });
      });
      try {
        await draw(grid, epoch);
      } finally {
        grid.dispose();
      }
    },
  };
}

/**
 * A sink that draws grids on a canvas with `tf.browser.toPixels`, resizing it
 * to the grid.
 *
 * @example callbacks.imageGrid({ model, draw: callbacks.toCanvas(document.querySelector('canvas')!) })
 */
export function toCanvas(canvas: HTMLCanvasElement | OffscreenCanvas): GridSink {
  return async (grid) => {
    await tf.browser.toPixels(grid, canvas as HTMLCanvasElement);
  };
}
