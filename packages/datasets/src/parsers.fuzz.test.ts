import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCifar10Batch } from './cifar10';
import { DatasetError } from './errors';
import { gunzipIfNeeded } from './gzip';
import { parseIdx } from './idx';
import { mnistFromIdx } from './mnist';

// Files users hand the parsers: random bytes, and valid files damaged the ways
// downloads and disks damage them (truncated, bytes flipped, header fields
// changed). Each parse must return consistent data or throw a DatasetError
// (which is a GandlfError), never a RangeError, a TypeError or a hang.

const env = typeof process !== 'undefined' ? process.env : {};
const settings = { seed: Number(env.FUZZ_SEED ?? 20261123), numRuns: Number(env.FUZZ_RUNS ?? 200) };

/** An IDX file: the header of `dims` and uint8 data. */
function idx(dims: readonly number[], typeCode = 0x08, bytesPer = 1): Uint8Array {
  const n = dims.reduce((a, b) => a * b, 1);
  const out = new Uint8Array(4 + 4 * dims.length + n * bytesPer);
  out.set([0, 0, typeCode, dims.length]);
  const view = new DataView(out.buffer);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  for (let i = 4 + 4 * dims.length; i < out.length; i++) out[i] = (i * 7) % 256;
  return out;
}

/** Valid bytes with damage: cut short, a byte flipped, or a header byte replaced. */
function damaged(valid: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
    fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 1, max: 255 })).map(([i, x]) => {
      const b = valid.slice();
      b[i] = b[i]! ^ x;
      return b;
    }),
    fc.tuple(fc.nat({ max: Math.min(15, valid.length - 1) }), fc.nat({ max: 255 })).map(([i, v]) => {
      const b = valid.slice();
      b[i] = v;
      return b;
    }),
    fc.uint8Array({ maxLength: 64 }).map((extra) => new Uint8Array([...valid, ...extra])),
  );
}

/** Runs `parse`; a throw must be a DatasetError, and so a GandlfError. */
function outcome<T>(parse: () => T): T | DatasetError {
  try {
    return parse();
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(DatasetError);
    // gandlf's brand, which makes `e instanceof GandlfError` hold (tested in gandlf's errors.test.ts).
    expect((e as Record<symbol, unknown>)[Symbol.for('gandlf.error')]).toBe(true);
    expect((e as Error).message.length).toBeGreaterThan(20);
    return e as DatasetError;
  }
}

describe('fuzz: dataset parsers on damaged and random files', () => {
  it('parseIdx returns data that fits its shape, or a DatasetError', () => {
    const files = fc.oneof(fc.uint8Array({ maxLength: 256 }), damaged(idx([3, 4, 4])), damaged(idx([5], 0x0d, 4)), damaged(idx([2, 3], 0x0b, 2)));
    fc.assert(
      fc.property(files, (bytes) => {
        const r = outcome(() => parseIdx(bytes));
        if (r instanceof DatasetError) return;
        expect(r.data.length).toBe(r.shape.reduce((a, b) => a * b, 1));
        expect(r.shape.every((d) => Number.isInteger(d) && d >= 0)).toBe(true);
      }),
      settings,
    );
  });

  it('mnistFromIdx returns images and labels that agree, or a DatasetError', () => {
    const images = idx([4, 3, 3]);
    const labels = idx([4]).map((v, i) => (i >= 8 ? v % 10 : v));
    fc.assert(
      fc.property(fc.oneof(damaged(images), fc.uint8Array({ maxLength: 64 })), damaged(labels), (im, lb) => {
        const r = outcome(() => mnistFromIdx(im, lb));
        if (r instanceof DatasetError) return;
        expect(r.images.length).toBe(r.count * r.height * r.width);
        expect(r.labels.length).toBe(r.count);
        expect(r.images.every((v) => v >= 0 && v <= 1)).toBe(true);
      }),
      settings,
    );
  });

  it('parseCifar10Batch returns records with labels 0..9 and pixels in range, or a DatasetError', () => {
    const record = new Uint8Array(3073).map((_, i) => (i === 0 ? 3 : i % 256));
    const two = new Uint8Array([...record, ...record]);
    fc.assert(
      fc.property(fc.oneof(damaged(two), fc.uint8Array({ maxLength: 4000 })), (bytes) => {
        const r = outcome(() => parseCifar10Batch(bytes));
        if (r instanceof DatasetError) return;
        expect(r.images.length).toBe(r.count * 32 * 32 * 3);
        expect([...r.labels].every((l) => l <= 9)).toBe(true);
        expect(r.images.every((v) => v >= 0 && v <= 1)).toBe(true);
      }),
      settings,
    );
  });

  it('gunzipIfNeeded passes plain bytes through, and rejects corrupt gzip with a DatasetError', async () => {
    const gz = new Uint8Array(await new Response(new Blob([new Uint8Array(idx([2, 2]))]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
    await fc.assert(
      fc.asyncProperty(fc.oneof(damaged(gz), fc.uint8Array({ maxLength: 128 })), async (bytes) => {
        try {
          const out = await gunzipIfNeeded(bytes);
          expect(out).toBeInstanceOf(Uint8Array);
        } catch (e) {
          expect(e, String(e)).toBeInstanceOf(DatasetError);
        }
      }),
      { ...settings, numRuns: Math.min(settings.numRuns, 100) },
    );
  });
});
