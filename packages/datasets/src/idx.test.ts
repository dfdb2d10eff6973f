import { describe, expect, it } from 'vitest';
import { DatasetError } from './errors';
import { parseIdx } from './idx';
import { idxBytes } from './test-utils/fixtures';

describe('parseIdx', () => {
  it('decodes uint8 with its shape, as a view on the input', () => {
    const bytes = idxBytes(0x08, [2, 2, 3], [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]);
    const out = parseIdx(bytes);
    expect(out.dtype).toBe('uint8');
    expect(out.shape).toEqual([2, 2, 3]);
    expect(Array.from(out.data)).toEqual([0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]);
    expect(out.data.buffer).toBe(bytes.buffer);
  });

  it('decodes every multi-byte type big-endian, from an ArrayBuffer too', () => {
    const cases: [number, string, number[]][] = [
      [0x09, 'int8', [-128, -1, 0, 127]],
      [0x0b, 'int16', [-32768, -2, 258, 32767]],
      [0x0c, 'int32', [-2147483648, -3, 16909060, 2147483647]],
      [0x0d, 'float32', [-1.5, 0, 0.25, 1e10]],
      [0x0e, 'float64', [-Math.PI, 0, 1e-300, 1e300]],
    ];
    for (const [code, dtype, values] of cases) {
      const out = parseIdx(idxBytes(code, [4], values).buffer as ArrayBuffer);
      expect(out.dtype).toBe(dtype);
      expect(Array.from(out.data)).toEqual(values);
    }
  });

  it('reads 16-bit data in big-endian order (bytes 01 02 = 258)', () => {
    const bytes = new Uint8Array([0, 0, 0x0b, 1, 0, 0, 0, 1, 0x01, 0x02]);
    expect(Array.from(parseIdx(bytes).data)).toEqual([258]);
  });

  it('works on a view that does not start at byte 0', () => {
    const file = idxBytes(0x0c, [2], [7, -7]);
    const padded = new Uint8Array(file.length + 3);
    padded.set(file, 3);
    expect(Array.from(parseIdx(padded.subarray(3)).data)).toEqual([7, -7]);
  });

  it('rejects input that is not bytes', () => {
    expect(() => parseIdx([0, 0, 8, 1] as unknown as Uint8Array)).toThrow(/must be a Uint8Array or an ArrayBuffer/);
  });

  it('rejects a file too short for the header', () => {
    expect(() => parseIdx(new Uint8Array([0, 0, 8]))).toThrow(/at least 4 bytes. Received 3 bytes/);
    expect(() => parseIdx(new Uint8Array([0, 0, 8, 3, 0, 0, 0, 1]))).toThrow(/3 dimensions need 16 header bytes. Received 8/);
  });

  it('rejects a bad magic number', () => {
    const bytes = idxBytes(0x08, [1], [1]);
    bytes[1] = 7;
    expect(() => parseIdx(bytes)).toThrow(/bad magic number.*Received 00 07/);
  });

  it('says so when the bytes are gzip-compressed', () => {
    expect(() => parseIdx(new Uint8Array([0x1f, 0x8b, 8, 0, 0]))).toThrow(/gzip-compressed.*gunzipIfNeeded/);
  });

  it('rejects an unknown type code', () => {
    const bytes = idxBytes(0x08, [1], [1]);
    bytes[2] = 0x0a;
    expect(() => parseIdx(bytes)).toThrow(/unknown type code 0a/);
  });

  it('rejects zero or absurd dimension counts and zero-length dimensions', () => {
    expect(() => parseIdx(new Uint8Array([0, 0, 8, 0]))).toThrow(/expected 1 to 8 dimensions. Received ndims=0/);
    expect(() => parseIdx(new Uint8Array([0, 0, 8, 200]))).toThrow(/Received ndims=200/);
    expect(() => parseIdx(idxBytes(0x08, [3, 0], []))).toThrow(/at least 1. Received shape=\[3, 0\]/);
  });

  it('rejects truncated data, naming the declared and actual sizes', () => {
    const bytes = idxBytes(0x08, [60000, 28, 28], new Uint8Array(0));
    const withSome = new Uint8Array(bytes.length + 1000);
    withSome.set(bytes);
    expect(() => parseIdx(withSome)).toThrow('parseIdx: the file is truncated: the header declares 60000x28x28 = 47040000 bytes of data but only 1000 follow.');
  });

  it('rejects trailing bytes', () => {
    const file = idxBytes(0x0d, [2], [1, 2]);
    const longer = new Uint8Array(file.length + 5);
    longer.set(file);
    expect(() => parseIdx(longer)).toThrow(/declares 2 = 8 bytes of data but 13 follow: 5 trailing bytes/);
  });

  it('throws DatasetError with its name set', () => {
    try {
      parseIdx(new Uint8Array(0));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DatasetError);
      expect((error as Error).name).toBe('DatasetError');
    }
  });
});
