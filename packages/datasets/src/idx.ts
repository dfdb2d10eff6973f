import { DatasetError, toBytes } from './errors';

/** Element types an IDX file can hold. */
export type IdxDtype = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

/** The typed array a dtype decodes to. */
export type IdxTypedArray = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

/** A decoded IDX file: its element type, its dimensions and its values in row-major order. */
export interface IdxArray {
  dtype: IdxDtype;
  shape: number[];
  /**
   * The values, in the platform's byte order. For `uint8` and `int8` this is a
   * view on the input bytes (no copy: MNIST images are 47 MB), so do not
   * mutate the input while you use it.
   */
  data: IdxTypedArray;
}

interface TypeInfo {
  dtype: IdxDtype;
  size: number;
}

// Type codes from the IDX spec (third byte of the magic number).
const TYPES: Record<number, TypeInfo> = {
  0x08: { dtype: 'uint8', size: 1 },
  0x09: { dtype: 'int8', size: 1 },
  0x0b: { dtype: 'int16', size: 2 },
  0x0c: { dtype: 'int32', size: 4 },
  0x0d: { dtype: 'float32', size: 4 },
  0x0e: { dtype: 'float64', size: 8 },
};

// No real IDX file has more than 4 dimensions; a larger count means the bytes are not IDX.
const MAX_DIMS = 8;

/**
 * Decodes an IDX file (the format MNIST, Fashion-MNIST and EMNIST ship in).
 * Synchronous and raw: gzip-compressed bytes are rejected, pass them through
 * `gunzipIfNeeded` first.
 *
 * @example const { shape, data } = parseIdx(await (await fetch(url)).arrayBuffer()); // shape [60000, 28, 28]
 * @param bytes The whole file.
 * @returns `{ dtype, shape, data }`; `data.length` is the product of `shape`.
 */
export function parseIdx(bytes: Uint8Array | ArrayBuffer): IdxArray {
  const fn = 'parseIdx';
  const b = toBytes(bytes, 'bytes', fn);
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) {
    throw new DatasetError(`${fn}: the bytes are gzip-compressed (they start with 1f 8b); decompress them first, e.g. with gunzipIfNeeded(bytes).`);
  }
  if (b.length < 4) {
    throw new DatasetError(`${fn}: the file is too short for an IDX header: expected at least 4 bytes. Received ${b.length} bytes.`);
  }
  if (b[0] !== 0 || b[1] !== 0) {
    throw new DatasetError(`${fn}: bad magic number: an IDX file starts with two zero bytes. Received ${hex(b[0]!)} ${hex(b[1]!)}.`);
  }
  const type = TYPES[b[2]!];
  if (!type) {
    throw new DatasetError(`${fn}: unknown type code ${hex(b[2]!)}: expected one of 08 (uint8), 09 (int8), 0b (int16), 0c (int32), 0d (float32), 0e (float64).`);
  }
  const ndims = b[3]!;
  if (ndims === 0 || ndims > MAX_DIMS) {
    throw new DatasetError(`${fn}: expected 1 to ${MAX_DIMS} dimensions. Received ndims=${ndims}.`);
  }
  const headerLength = 4 + 4 * ndims;
  if (b.length < headerLength) {
    throw new DatasetError(`${fn}: the file is too short for its header: ${ndims} dimensions need ${headerLength} header bytes. Received ${b.length} bytes.`);
  }
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const shape: number[] = [];
  for (let i = 0; i < ndims; i++) shape.push(view.getUint32(4 + 4 * i, false));
  if (shape.some((d) => d === 0)) {
    throw new DatasetError(`${fn}: every dimension must be at least 1. Received shape=[${shape.join(', ')}].`);
  }
  const count = shape.reduce((a, d) => a * d, 1);
  const expected = count * type.size;
  const available = b.length - headerLength;
  const dims = `${shape.join('x')} = ${expected} bytes`;
  if (available < expected) {
    throw new DatasetError(`${fn}: the file is truncated: the header declares ${dims} of data but only ${available} follow.`);
  }
  if (available > expected) {
    throw new DatasetError(`${fn}: the header declares ${dims} of data but ${available} follow: ${available - expected} trailing bytes.`);
  }
  return { dtype: type.dtype, shape, data: decode(b, view, headerLength, count, type.dtype) };
}

function decode(b: Uint8Array, view: DataView, start: number, n: number, dtype: IdxDtype): IdxTypedArray {
  switch (dtype) {
    case 'uint8':
      return b.subarray(start, start + n);
    case 'int8':
      return new Int8Array(b.buffer, b.byteOffset + start, n);
    case 'int16':
      return fill(new Int16Array(n), (i) => view.getInt16(start + 2 * i, false));
    case 'int32':
      return fill(new Int32Array(n), (i) => view.getInt32(start + 4 * i, false));
    case 'float32':
      return fill(new Float32Array(n), (i) => view.getFloat32(start + 4 * i, false));
    case 'float64':
      return fill(new Float64Array(n), (i) => view.getFloat64(start + 8 * i, false));
  }
}

function fill<T extends { length: number; [i: number]: number }>(out: T, at: (i: number) => number): T {
  for (let i = 0; i < out.length; i++) out[i] = at(i);
  return out;
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}
