import * as tf from '@tensorflow/tfjs';
import type { ImageView } from '@gandlf/demo-shell/protocol';
import { callbacks, type ModelInputs, type SampleArgs } from 'gandlf';

/** Options of {@link drawGrid}. */
export interface DrawGridOptions {
  /** Generator inputs: `['normal']`, or tensors of `rows · cols` rows (latents, one-hot digits). */
  inputs: ModelInputs;
  rows: number;
  cols: number;
  /** Seeds the drawn latents, so equal weights draw equal pixels. */
  seed: number;
  /** The shape of one image, `[h, w, c]`: flat MLP samples are reshaped to it before tiling. */
  imageShape: readonly [number, number, number];
  /** Passes over the data so far: the epoch the callback is told. */
  epoch: number;
}

/** A grid with values in [0, 1], `[h, w, c]`, as the RGBA pixels the page puts on its canvas. */
export async function toImageView(grid: tf.Tensor3D): Promise<ImageView> {
  const [height, width] = grid.shape;
  return { kind: 'image', width, height, pixels: await tf.browser.toPixels(grid) };
}

/**
 * Draws the sample grid through gandlf's `imageGrid` callback: it samples
 * `rows · cols` images from a seeded latent batch, tiles them with
 * `tileImages` and hands the grid to a sink, which here turns it into the
 * shell's image view instead of drawing on a canvas (the worker has none; the
 * page draws). The shell drives training step by step rather than through
 * `fit`, so the view calls the callback's `onEpochEnd` itself.
 *
 * @example const view = await drawGrid(model, { inputs: ['normal'], rows: 8, cols: 8, seed: 7, imageShape: [28, 28, 1], epoch: 0 });
 */
export async function drawGrid(
  model: { sample(inputs: ModelInputs, args?: SampleArgs): tf.Tensor | tf.Tensor[] },
  { inputs, rows, cols, seed, imageShape, epoch }: DrawGridOptions,
): Promise<ImageView> {
  let view: ImageView | undefined;
  const callback = callbacks.imageGrid({
    // Inside the callback's tidy: the reshape of flat MLP samples is freed with the rest.
    model: { sample: (xs, args) => (model.sample(xs, args) as tf.Tensor).reshape([-1, ...imageShape]) },
    inputs,
    rows,
    cols,
    seed,
    // MNIST is white on black: black gaps between digits, as the digits' own background.
    padding: 2,
    background: 0,
    draw: async (grid) => {
      view = await toImageView(grid);
    },
  });
  await callback.onEpochEnd?.(epoch, {});
  if (!view) throw new Error('drawGrid: the imageGrid callback drew nothing.');
  return view;
}
