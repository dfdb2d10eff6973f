import { DatasetError, assertPositiveInt, describe } from './errors';
import { pixelScale, type PixelRange } from './pixels';

/** Anything shaped like the DOM's `ImageData`: RGBA bytes, row-major. */
export interface ImageLike {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/** Options for {@link imagesToTensorData}. */
export interface ImagesToTensorDataOptions {
  /**
   * Output side length: every image becomes `size x size`.
   * @default 32
   */
  size?: number;
  /**
   * 1 = grey (Rec. 601 luma), 3 = RGB, 4 = RGBA. Alpha is dropped, not
   * composited, for 1 and 3.
   * @default 3
   */
  channels?: 1 | 3 | 4;
  /**
   * `'bilinear'` (smooth; aliases when shrinking more than 2x), `'nearest'`
   * (blocky, exact for pixel art), or `'area'` (averages every source pixel
   * a target pixel covers: the one to use for photos shrunk many times).
   * @default 'bilinear'
   */
  resize?: 'bilinear' | 'nearest' | 'area';
  /**
   * `'crop'` takes the largest centred square, keeping proportions;
   * `'stretch'` squeezes the whole image into the square.
   * @default 'crop'
   */
  fit?: 'crop' | 'stretch';
  /**
   * The interval pixel bytes 0..255 are mapped onto.
   * @default [0, 1]
   */
  range?: PixelRange;
}

/** Images as one flat `[count, size, size, channels]` array. */
export interface TensorData {
  data: Float32Array;
  count: number;
  size: number;
  channels: number;
}

const LUMA = [0.299, 0.587, 0.114] as const;

/**
 * Resizes a set of images (for example a folder the user dropped on the page,
 * drawn to a canvas and read with `getImageData`) into one array ready for
 * `tf.tensor4d(data, [count, size, size, channels])`. Pure array code, no DOM.
 *
 * @example const { data, count } = imagesToTensorData(imageDatas, { size: 64, channels: 3 });
 * @param images RGBA images, any sizes.
 * @param options See {@link ImagesToTensorDataOptions}.
 */
export function imagesToTensorData(images: readonly ImageLike[], options: ImagesToTensorDataOptions = {}): TensorData {
  const fn = 'imagesToTensorData';
  const { size = 32, channels = 3, resize = 'bilinear', fit = 'crop', range = [0, 1] } = options;
  assertPositiveInt(size, 'size', fn);
  if (channels !== 1 && channels !== 3 && channels !== 4) {
    throw new DatasetError(`${fn}: 'channels' must be 1, 3 or 4. Received: channels=${describe(channels)}`);
  }
  if (resize !== 'bilinear' && resize !== 'nearest' && resize !== 'area') {
    throw new DatasetError(`${fn}: 'resize' must be 'bilinear', 'nearest' or 'area'. Received: resize=${describe(resize)}`);
  }
  if (fit !== 'crop' && fit !== 'stretch') {
    throw new DatasetError(`${fn}: 'fit' must be 'crop' or 'stretch'. Received: fit=${describe(fit)}`);
  }
  const { scale, offset } = pixelScale(range, fn);
  if (!Array.isArray(images) || images.length === 0) {
    throw new DatasetError(`${fn}: 'images' must be a non-empty array of images. Received: images=${describe(images)}`);
  }
  images.forEach((img, i) => checkImage(img, i, fn));

  const per = size * size * channels;
  const data = new Float32Array(images.length * per);
  const rgba = new Float32Array(4);
  images.forEach((img, i) => {
    // Source rectangle: the centred square for 'crop', the whole image for 'stretch'.
    const side = Math.min(img.width, img.height);
    const sw = fit === 'crop' ? side : img.width;
    const sh = fit === 'crop' ? side : img.height;
    const sx = (img.width - sw) / 2;
    const sy = (img.height - sh) / 2;
    const fx = sw / size;
    const fy = sh / size;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        if (resize === 'area') area(img, sx + x * fx, sy + y * fy, fx, fy, rgba);
        else sample(img, sx + (x + 0.5) * fx, sy + (y + 0.5) * fy, resize === 'bilinear', rgba);
        const o = i * per + (y * size + x) * channels;
        if (channels === 1) {
          data[o] = (LUMA[0] * rgba[0]! + LUMA[1] * rgba[1]! + LUMA[2] * rgba[2]!) * scale + offset;
        } else {
          for (let c = 0; c < channels; c++) data[o + c] = rgba[c]! * scale + offset;
        }
      }
    }
  });
  return { data, count: images.length, size, channels };
}

function checkImage(img: ImageLike, i: number, fn: string): void {
  const ok = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0;
  if (typeof img !== 'object' || img === null || !ok(img.width) || !ok(img.height)) {
    const got = typeof img === 'object' && img !== null ? `${describe(img.width)}x${describe(img.height)}` : describe(img);
    throw new DatasetError(`${fn}: images[${i}] must have a positive integer width and height. Received: ${got}`);
  }
  const want = img.width * img.height * 4;
  if (!(img.data instanceof Uint8ClampedArray || img.data instanceof Uint8Array) || img.data.length !== want) {
    throw new DatasetError(`${fn}: images[${i}].data must be ${want} RGBA bytes for ${img.width}x${img.height}. Received: ${describe(img.data)}`);
  }
}

// Samples at continuous source coordinates (pixel centres at k + 0.5), clamped to the edges.
function sample(img: ImageLike, u: number, v: number, bilinear: boolean, out: Float32Array): void {
  const { width: w, height: h, data } = img;
  if (!bilinear) {
    const p = (clamp(Math.floor(v), h) * w + clamp(Math.floor(u), w)) * 4;
    for (let c = 0; c < 4; c++) out[c] = data[p + c]!;
    return;
  }
  const x = u - 0.5;
  const y = v - 0.5;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const ax = x - x0;
  const ay = y - y0;
  const xa = clamp(x0, w);
  const xb = clamp(x0 + 1, w);
  const ya = clamp(y0, h);
  const yb = clamp(y0 + 1, h);
  for (let c = 0; c < 4; c++) {
    const top = data[(ya * w + xa) * 4 + c]! * (1 - ax) + data[(ya * w + xb) * 4 + c]! * ax;
    const bottom = data[(yb * w + xa) * 4 + c]! * (1 - ax) + data[(yb * w + xb) * 4 + c]! * ax;
    out[c] = top * (1 - ay) + bottom * ay;
  }
}

// Averages the source rectangle [x0, x0+fx) x [y0, y0+fy), weighting partly covered pixels.
function area(img: ImageLike, x0: number, y0: number, fx: number, fy: number, out: Float32Array): void {
  const { width: w, height: h, data } = img;
  out.fill(0);
  let total = 0;
  // The `< h` and `< w` bounds guard against rounding past the last row or column.
  for (let py = Math.floor(y0); py < y0 + fy && py < h; py++) {
    const wy = Math.min(py + 1, y0 + fy) - Math.max(py, y0);
    for (let px = Math.floor(x0); px < x0 + fx && px < w; px++) {
      const wgt = wy * (Math.min(px + 1, x0 + fx) - Math.max(px, x0));
      if (wgt <= 0) continue;
      const p = (py * w + px) * 4;
      for (let c = 0; c < 4; c++) out[c] += data[p + c]! * wgt;
      total += wgt;
    }
  }
  for (let c = 0; c < 4; c++) out[c] /= total;
}

function clamp(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}
