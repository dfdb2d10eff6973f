import { DatasetError, toBytes } from './errors';
import { pixelScale, type PixelRange } from './pixels';

/** CIFAR-10 class names, indexed by label (from `batches.meta.txt`). */
export const CIFAR10_CLASSES: readonly string[] = Object.freeze(['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck']);

/** Options for {@link parseCifar10Batch}. */
export interface Cifar10Options {
  /**
   * The interval pixel bytes 0..255 are mapped onto. Use `[-1, 1]` for a
   * generator that ends in `tanh`.
   * @default [0, 1]
   */
  range?: PixelRange;
}

/** A decoded CIFAR-10 batch. */
export interface Cifar10Data {
  /** `count * 32 * 32 * 3` values in HWC order (`[N, 32, 32, 3]`, what tfjs conv layers expect). */
  images: Float32Array;
  /** `count` class indices, 0..9; names in {@link CIFAR10_CLASSES}. */
  labels: Uint8Array;
  count: number;
  height: 32;
  width: 32;
  channels: 3;
}

const SIDE = 32;
const PLANE = SIDE * SIDE; // 1024 bytes per colour plane
const RECORD = 1 + 3 * PLANE; // 1 label byte + R, G, B planes = 3073

/**
 * Decodes one file of the CIFAR-10 binary version (`data_batch_1.bin` ...
 * `test_batch.bin`: 10000 records of 1 label byte and 3072 pixel bytes stored
 * as three 32x32 planes, R then G then B). Pixels come out interleaved (HWC).
 *
 * @example const { images, labels, count } = parseCifar10Batch(await (await fetch('data_batch_1.bin')).arrayBuffer());
 * @param bytes The whole file (uncompressed; the download is a .tar.gz of several).
 * @param options See {@link Cifar10Options}.
 */
export function parseCifar10Batch(bytes: Uint8Array | ArrayBuffer, options: Cifar10Options = {}): Cifar10Data {
  const fn = 'parseCifar10Batch';
  const b = toBytes(bytes, 'bytes', fn);
  const { range = [0, 1] } = options;
  const { scale, offset } = pixelScale(range, fn);
  if (b.length === 0) {
    throw new DatasetError(`${fn}: the file is empty: expected records of ${RECORD} bytes.`);
  }
  const leftover = b.length % RECORD;
  if (leftover !== 0) {
    throw new DatasetError(
      `${fn}: the length must be a multiple of ${RECORD} (1 label byte + 3072 pixel bytes). Received ${b.length} bytes: ${Math.floor(b.length / RECORD)} whole records and ${leftover} bytes left over.`,
    );
  }
  const count = b.length / RECORD;
  const labels = new Uint8Array(count);
  const images = new Float32Array(count * PLANE * 3);
  for (let r = 0; r < count; r++) {
    const start = r * RECORD;
    const label = b[start]!;
    if (label > 9) {
      throw new DatasetError(`${fn}: labels must be 0..9. Received label ${label} in record ${r} (byte ${start}). Is this a CIFAR-100 file (2 label bytes per record)?`);
    }
    labels[r] = label;
    const px = start + 1;
    const out = r * PLANE * 3;
    // Planar RGB in, interleaved HWC out.
    for (let p = 0; p < PLANE; p++) {
      const o = out + 3 * p;
      images[o] = b[px + p]! * scale + offset;
      images[o + 1] = b[px + PLANE + p]! * scale + offset;
      images[o + 2] = b[px + 2 * PLANE + p]! * scale + offset;
    }
  }
  return { images, labels, count, height: SIDE, width: SIDE, channels: 3 };
}
