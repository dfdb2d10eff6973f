import { DatasetError, describe, toBytes } from './errors';

/** Options for {@link gunzipIfNeeded}. */
export interface GunzipOptions {
  /**
   * The `DecompressionStream` constructor to use. Passed in so tests and old
   * runtimes can supply their own.
   * @default globalThis.DecompressionStream (browsers, Node 18+)
   */
  DecompressionStream?: typeof DecompressionStream;
}

/**
 * Whether the bytes start with the gzip magic number `1f 8b`.
 *
 * @example isGzip(bytes) // true for `train-images-idx3-ubyte.gz`
 */
export function isGzip(bytes: Uint8Array | ArrayBuffer): boolean {
  const b = toBytes(bytes, 'bytes', 'isGzip');
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}

/**
 * Decompresses gzip bytes with the platform's `DecompressionStream`; returns
 * other bytes unchanged. The parsers stay synchronous on raw bytes; this is
 * the one async step, for files fetched as `.gz`.
 *
 * @example const idx = parseIdx(await gunzipIfNeeded(await (await fetch('t10k-labels-idx1-ubyte.gz')).arrayBuffer()));
 * @param bytes The file, compressed or not.
 * @param options See {@link GunzipOptions}.
 */
export async function gunzipIfNeeded(bytes: Uint8Array | ArrayBuffer, options: GunzipOptions = {}): Promise<Uint8Array> {
  const fn = 'gunzipIfNeeded';
  const b = toBytes(bytes, 'bytes', fn);
  if (!isGzip(b)) return b;
  const { DecompressionStream: Ctor = globalThis.DecompressionStream } = options;
  if (typeof Ctor !== 'function') {
    throw new DatasetError(`${fn}: this runtime has no DecompressionStream; pass one as options.DecompressionStream. Received: ${describe(Ctor)}`);
  }
  // Copy into a plain ArrayBuffer-backed array: Blob rejects shared buffers.
  const stream = new Blob([new Uint8Array(b)]).stream().pipeThrough(new Ctor('gzip'));
  try {
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new DatasetError(`${fn}: the gzip data is corrupt or truncated: ${(error as Error).message}`);
  }
}
