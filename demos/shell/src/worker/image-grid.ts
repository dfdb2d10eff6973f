import * as tf from '@tensorflow/tfjs';
import type { ImageView } from '../protocol';

/** Options of {@link imageGrid}. */
export interface ImageGridOptions {
  /** Images per row. @default ceil(sqrt(n)) */
  cols?: number;
  /** Pixels of background between images. @default 2 */
  pad?: number;
  /** The value range of the images, mapped to 0..255. @default [-1, 1] (a tanh generator) */
  range?: readonly [number, number];
}

/**
 * Tiles a batch of images `[n, h, w, c]` (c = 1 or 3) into one RGBA grid the
 * page can `putImageData`. Drawing stays on the page; this only lays out pixels.
 *
 * @example const view = await imageGrid(model.sample(['normal'], { numSamples: 64, seed: 7 }) as tf.Tensor4D);
 */
export async function imageGrid(images: tf.Tensor4D, { cols, pad = 2, range = [-1, 1] }: ImageGridOptions = {}): Promise<ImageView> {
  const [n, h, w, c] = images.shape;
  if (c !== 1 && c !== 3) throw new Error(`imageGrid: images must have 1 or 3 channels. Received: shape [${images.shape.join(',')}]`);
  const nCols = cols ?? Math.ceil(Math.sqrt(n));
  const nRows = Math.ceil(n / nCols);
  const [lo, hi] = range;
  const tile = tf.tidy(() => {
    let x = tf.clipByValue(tf.mul(tf.sub(images, lo), 255 / (hi - lo)), 0, 255);
    // Fill the last row with background, then give every image its padding.
    if (nRows * nCols > n) x = tf.concat([x, tf.zeros([nRows * nCols - n, h, w, c])]);
    x = tf.pad(x, [
      [0, 0],
      [0, pad],
      [0, pad],
      [0, 0],
    ]);
    const [ph, pw] = [h + pad, w + pad];
    return x
      .reshape([nRows, nCols, ph, pw, c])
      .transpose([0, 2, 1, 3, 4])
      .reshape([nRows * ph, nCols * pw, c]);
  });
  const values = await tile.data();
  const [height, width] = tile.shape as [number, number, number];
  tile.dispose();
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += c) {
    pixels[4 * i] = values[j]!;
    pixels[4 * i + 1] = values[c === 1 ? j : j + 1]!;
    pixels[4 * i + 2] = values[c === 1 ? j : j + 2]!;
    pixels[4 * i + 3] = 255;
  }
  return { kind: 'image', width, height, pixels };
}
