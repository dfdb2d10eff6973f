import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { crc32, encodePng } from './png';

/** The chunks of a PNG file: type, data and stored CRC. */
function chunks(png: Uint8Array) {
  const view = new DataView(png.buffer, png.byteOffset);
  const out: { type: string; data: Uint8Array; crc: number }[] = [];
  for (let k = 8; k < png.length;) {
    const n = view.getUint32(k);
    const type = String.fromCharCode(...png.subarray(k + 4, k + 8));
    out.push({ type, data: png.subarray(k + 8, k + 8 + n), crc: view.getUint32(k + 8 + n) });
    k += 12 + n;
  }
  return out;
}

describe('encodePng', () => {
  it('writes signature, IHDR, IDAT (filter 0 rows) and IEND with valid CRCs', () => {
    // 2x1: a red and a half-transparent blue pixel.
    const png = encodePng(Uint8Array.from([255, 0, 0, 255, 0, 0, 255, 128]), 2, 1);
    expect(Array.from(png.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const [ihdr, idat, iend] = chunks(png);
    expect([ihdr!.type, idat!.type, iend!.type]).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(Array.from(ihdr!.data)).toEqual([0, 0, 0, 2, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    expect(Array.from(inflateSync(idat!.data))).toEqual([0, 255, 0, 0, 255, 0, 0, 255, 128]);
    // IEND's CRC is the same in every PNG.
    expect(iend!.crc).toBe(0xae426082);
    for (const c of [ihdr!, idat!]) {
      const typed = new Uint8Array([...Array.from(c.type, (ch) => ch.charCodeAt(0)), ...c.data]);
      expect(c.crc).toBe(crc32(typed));
    }
  });

  it('crc32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('rejects a buffer of the wrong size', () => {
    expect(() => encodePng(new Uint8Array(7), 2, 1)).toThrowError(InvalidArgumentError);
    expect(() => encodePng(new Uint8Array(7), 2, 1)).toThrowError(/Received: width=2, height=1, 7 bytes/);
  });
});
