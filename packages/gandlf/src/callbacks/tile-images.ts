import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError, ShapeMismatchError } from '../errors';
import { checkOptions, optionKeys } from '../options';

/** Options of {@link tileImages}. */
export interface TileImagesOptions {
  /** Grid rows. @default as few as fit `cols` columns */
  rows?: number;
  /** Grid columns. @default ceil(sqrt(n)) */
  cols?: number;
  /** The value range of the images, mapped to [0, 1]. @default [-1, 1] (a tanh generator) */
  range?: readonly [number, number];
  /** Pixels of background between and around the tiles. @default 1 */
  padding?: number;
  /** Background value, in [0, 1]. @default 1 (white) */
  background?: number;
}

const TILE_IMAGES_KEYS = optionKeys<TileImagesOptions>()({ rows: true, cols: true, range: true, padding: true, background: true });

/**
 * Lays a batch of images out as one grid image with values in [0, 1], ready
 * for `tf.browser.toPixels` or a PNG encoder. Images `[n, h, w]` or
 * `[n, h, w, c]` with 1, 3 or 4 channels; values outside `range` are clipped.
 * Missing tiles stay background.
 *
 * @example const grid = callbacks.tileImages(model.sample(['normal'], { numSamples: 16 }) as tf.Tensor, { cols: 4 }); // [4h + 5, 4w + 5, c]
 */
export function tileImages(images: tf.Tensor, options: TileImagesOptions = {}): tf.Tensor3D {
  const fn = 'tileImages';
  const { rows, cols, range = [-1, 1], padding = 1, background = 1 } = checkOptions(options, TILE_IMAGES_KEYS, fn);
  if (images.rank !== 3 && images.rank !== 4) {
    throw new ShapeMismatchError(`Argument 'images' passed to '${fn}' must be [n, h, w] or [n, h, w, c]. Received: shape [${images.shape.join(',')}]`);
  }
  const n = images.shape[0] as number;
  const c = images.rank === 4 ? (images.shape[3] as number) : 1;
  if (![1, 3, 4].includes(c)) {
    throw new ShapeMismatchError(`Argument 'images' passed to '${fn}' must have 1, 3 or 4 channels. Received: shape [${images.shape.join(',')}]`);
  }
  const nCols = cols ?? Math.ceil(Math.sqrt(n));
  const nRows = rows ?? Math.ceil(n / nCols);
  for (const [arg, v] of [
    ['rows', nRows],
    ['cols', nCols],
    ['padding + 1', padding + 1],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) throw new InvalidArgumentError(`Option '${arg}' passed to '${fn}' must give a positive integer. Received: ${arg}=${describe(v)}`);
  }
  if (nRows * nCols < n) {
    throw new InvalidArgumentError(`'${fn}': a ${nRows}x${nCols} grid cannot hold ${n} images. Received: rows=${nRows}, cols=${nCols}`);
  }
  const [lo, hi] = range;
  return tf.tidy(() => {
    const [h, w] = [images.shape[1] as number, images.shape[2] as number];
    let x = tf.clipByValue(tf.div(tf.sub(images.reshape([n, h, w, c]), lo), hi - lo), 0, 1);
    // Pad every tile, and fill the grid up with blank tiles.
    x = tf.pad(
      x,
      [
        [0, nRows * nCols - n],
        [padding, 0],
        [padding, 0],
        [0, 0],
      ],
      background,
    );
    const [th, tw] = [h + padding, w + padding];
    const grid = x
      .reshape([nRows, nCols, th, tw, c])
      .transpose([0, 2, 1, 3, 4])
      .reshape([nRows * th, nCols * tw, c]);
    return tf.pad(
      grid,
      [
        [0, padding],
        [0, padding],
        [0, 0],
      ],
      background,
    ) as tf.Tensor3D;
  });
}
