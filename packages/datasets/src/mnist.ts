import { DatasetError, assertPositiveInt, describe } from './errors';
import { parseIdx, type IdxArray } from './idx';
import { pixelScale, type PixelRange } from './pixels';

/** Options for {@link mnistFromIdx} and `loadMnistNode`. */
export interface MnistOptions {
  /**
   * The interval pixel bytes 0..255 are mapped onto. Use `[-1, 1]` for a
   * generator that ends in `tanh`.
   * @default [0, 1]
   */
  range?: PixelRange;
  /**
   * Keep only the first `limit` examples: converting all 60000 images to
   * float32 takes 188 MB, more than a quick demo needs.
   * @default undefined (all examples)
   */
  limit?: number;
}

/** Images and labels of an MNIST-like split (MNIST, Fashion-MNIST, KMNIST). */
export interface MnistData {
  /** `count * height * width` pixels, row-major, scaled into `range`. */
  images: Float32Array;
  /** `count` class indices, 0..9. */
  labels: Uint8Array;
  count: number;
  /** 28 for MNIST; read from the file header. */
  height: number;
  /** 28 for MNIST; read from the file header. */
  width: number;
}

/**
 * Builds an MNIST split from the raw bytes of its two IDX files, fetched by
 * the caller (browser) or read from disk (Node). Works for any IDX pair with
 * uint8 images `[N, H, W]` and uint8 labels `[N]`.
 *
 * @example const mnist = mnistFromIdx(imageBytes, labelBytes, { range: [-1, 1], limit: 10000 });
 * @param imagesBytes The `*-images-idx3-ubyte` file (uncompressed).
 * @param labelsBytes The `*-labels-idx1-ubyte` file (uncompressed).
 * @param options See {@link MnistOptions}.
 */
export function mnistFromIdx(imagesBytes: Uint8Array | ArrayBuffer, labelsBytes: Uint8Array | ArrayBuffer, options: MnistOptions = {}): MnistData {
  const fn = 'mnistFromIdx';
  const { range = [0, 1], limit } = options;
  const { scale, offset } = pixelScale(range, fn);
  if (limit !== undefined) assertPositiveInt(limit, 'limit', fn);

  const images = parseArg(imagesBytes, 'imagesBytes', fn);
  if (images.dtype !== 'uint8' || images.shape.length !== 3) {
    throw new DatasetError(
      `${fn}: 'imagesBytes' must hold uint8 images of shape [N, height, width]. Received dtype=${images.dtype}, shape=[${images.shape.join(', ')}]. Were the images and labels swapped?`,
    );
  }
  const labels = parseArg(labelsBytes, 'labelsBytes', fn);
  if (labels.dtype !== 'uint8' || labels.shape.length !== 1) {
    throw new DatasetError(`${fn}: 'labelsBytes' must hold uint8 labels of shape [N]. Received dtype=${labels.dtype}, shape=[${labels.shape.join(', ')}].`);
  }
  const [n, height, width] = images.shape as [number, number, number];
  if (labels.shape[0] !== n) {
    throw new DatasetError(`${fn}: the files disagree on the number of examples: ${n} images but ${labels.shape[0]} labels. Are they from the same split?`);
  }
  const count = limit === undefined ? n : Math.min(limit, n);
  const labelData = labels.data.slice(0, count) as Uint8Array;
  const bad = labelData.findIndex((l) => l > 9);
  if (bad >= 0) {
    throw new DatasetError(`${fn}: labels must be 0..9. Received label ${describe(labelData[bad])} at index ${bad}.`);
  }
  const pixels = images.data.subarray(0, count * height * width);
  const out = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) out[i] = pixels[i]! * scale + offset;
  return { images: out, labels: labelData, count, height, width };
}

// Says which of the two files a parse error is about.
function parseArg(bytes: Uint8Array | ArrayBuffer, arg: string, fn: string): IdxArray {
  try {
    return parseIdx(bytes);
  } catch (error) {
    if (error instanceof DatasetError) throw new DatasetError(`${fn}: '${arg}': ${error.message}`);
    throw error;
  }
}
