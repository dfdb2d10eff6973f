import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compactPng, decodePng } from '../scripts/compact-png.mjs';
import { listDemos, picturesDir, readPictures } from '../scripts/demos.mjs';

describe('the gallery pictures', () => {
  const pictures = readPictures();

  it.each(listDemos().map((d) => d.name))('%s has a committed picture, as pictures.json describes it', (name) => {
    const pic = pictures[name];
    expect(pic, `no picture for ${name}: run \`pnpm --filter @gandlf/gallery pictures ${name}\``).toBeDefined();
    const path = join(picturesDir, pic!.file);
    expect(existsSync(path), path).toBe(true);
    const { width, height } = decodePng(readFileSync(path));
    expect({ width, height }).toEqual({ width: pic!.width, height: pic!.height });
    expect(pic).toMatchObject({ preset: expect.any(String), steps: expect.any(Number), seed: expect.any(Number), backend: expect.any(String) });
    // Tens of KB: the gallery loads all of them at once.
    expect(statSync(path).size).toBeLessThan(80 * 1024);
  });
});

/** RGBA pixels as the CLI writes them (gandlf's encodePng): filter 0 on every row, default deflate. */
function encodePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const size = Buffer.alloc(4);
    size.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([size, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (1 + 4 * width));
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(4 * width * y, 4 * width * (y + 1)), y * (1 + 4 * width) + 1);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

describe('compactPng', () => {
  // 3 x 2 pixels, width·height·4 RGBA bytes.
  const rgba = (px: number[][]) => Uint8Array.from(px.flat());

  it('keeps a grey picture as one channel, with the same pixels', () => {
    const grey = [0, 10, 200, 255, 37, 90];
    const png = Buffer.from(encodePng(rgba(grey.map((v) => [v, v, v, 255])), 3, 2));
    const { png: out, posterize } = compactPng(png);
    expect(posterize).toBe(1);
    const decoded = decodePng(out);
    expect(decoded).toMatchObject({ width: 3, height: 2, channels: 1 });
    expect([...decoded.pixels]).toEqual(grey);
  });

  it('drops an opaque alpha channel and keeps colours exact', () => {
    const px = [
      [255, 0, 0, 255],
      [0, 128, 0, 255],
      [1, 2, 3, 255],
      [9, 9, 9, 255],
      [200, 100, 50, 255],
      [0, 0, 255, 255],
    ];
    const decoded = decodePng(compactPng(Buffer.from(encodePng(rgba(px), 3, 2))).png);
    expect(decoded.channels).toBe(3);
    expect([...decoded.pixels]).toEqual(px.flatMap((p) => p.slice(0, 3)));
  });

  it('keeps translucent pixels as RGBA', () => {
    const px = Array.from({ length: 6 }, (_, i) => [i, 2 * i, 3 * i, 40 * i]);
    const png = Buffer.from(encodePng(rgba(px), 3, 2));
    expect([...decodePng(compactPng(png).png).pixels]).toEqual(px.flat());
  });

  it('stores a picture drawn at 2x zoom at 1x', () => {
    // 2 x 1 grey pixels drawn as 4 x 2.
    const zoomed = [10, 10, 99, 99, 10, 10, 99, 99].map((v) => [v, v, v, 255]);
    const decoded = decodePng(compactPng(Buffer.from(encodePng(rgba(zoomed), 4, 2))).png);
    expect(decoded).toMatchObject({ width: 2, height: 1, channels: 1 });
    expect([...decoded.pixels]).toEqual([10, 99]);
  });

  it('rounds colours only as far as it takes to fit maxBytes', () => {
    // 64 x 64 pseudo-random grey noise: about 4 KB however it is filtered, less with fewer levels.
    let seed = 7;
    const noise = Array.from({ length: 64 * 64 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16) & 255);
    const png = Buffer.from(encodePng(rgba(noise.map((v) => [v, v, v, 255])), 64, 64));
    const lossless = compactPng(png);
    const fitted = compactPng(png, { maxBytes: 0.75 * lossless.png.length });
    expect(fitted.posterize).toBeGreaterThan(1);
    expect(fitted.png.length).toBeLessThanOrEqual(0.75 * lossless.png.length);
    const pixels = decodePng(fitted.png).pixels;
    pixels.forEach((v, i) => expect(Math.abs(v - noise[i]!)).toBeLessThanOrEqual(fitted.posterize / 2));
  });
});
