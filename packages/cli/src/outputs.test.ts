import { describe, expect, it } from 'vitest';
import { historyCsv } from './outputs';
import { rasterize } from './raster';

describe('historyCsv', () => {
  it('has a step column and one <run>/<metric> column per run and metric, blank where a step has none', () => {
    const csv = historyCsv([
      { step: 1, logs: { a: { g: 0.5 }, b: { g: 1 } } },
      { step: 2, logs: { a: { g: 0.25, d: 2 } } },
    ]);
    expect(csv).toBe('step,a/g,b/g,a/d\n1,0.5,1,\n2,0.25,,2\n');
  });
});

describe('rasterize', () => {
  it('passes image views through', () => {
    const pixels = new Uint8ClampedArray([1, 2, 3, 255]);
    expect(rasterize({ kind: 'image', width: 1, height: 1, pixels })).toEqual({ width: 1, height: 1, pixels });
  });

  it('draws a points view as one 260-pixel panel per run, generated points in the run’s colour', () => {
    const r = rasterize({
      kind: 'points',
      extent: 2,
      centers: new Float32Array([1, 1]),
      std: 0.02,
      real: new Float32Array([-1, -1]),
      panels: [
        { key: 'a', label: 'A', points: new Float32Array([0, 0]), caption: '' },
        { key: 'b', label: 'B', points: new Float32Array([0, 0]), caption: '' },
      ],
    });
    expect([r.width, r.height]).toEqual([520, 260]);
    const at = (x: number, y: number) => Array.from(r.pixels.subarray(4 * (y * r.width + x), 4 * (y * r.width + x) + 3));
    expect(at(130, 130)).toEqual([0x3a, 0x86, 0xff]); // the origin, run 0's colour
    expect(at(390, 130)).toEqual([0xe4, 0x57, 0x2e]); // run 1's
    expect(at(65, 195)).toEqual([0xb0, 0xb0, 0xb0]); // the real point at (-1, -1)
    expect(at(30, 30)).toEqual([255, 255, 255]);
  });

  it('lays panels side by side: images zoomed twice, scatters 260 pixels', () => {
    const r = rasterize({
      kind: 'panels',
      panels: [
        { kind: 'image', width: 2, height: 2, pixels: new Uint8ClampedArray(16).fill(0), caption: '' },
        { kind: 'scatter', extent: 1, points: new Float32Array([0, 0]), labels: new Uint8Array([1]), caption: '' },
      ],
    });
    expect([r.width, r.height]).toEqual([4 + 12 + 260, 260]);
    expect(Array.from(r.pixels.subarray(0, 3))).toEqual([0, 0, 0]);
    const x = 16 + 130;
    expect(Array.from(r.pixels.subarray(4 * (130 * r.width + x), 4 * (130 * r.width + x) + 3))).toEqual([0xff, 0x7f, 0x0e]);
  });
});
