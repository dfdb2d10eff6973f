import { describe, expect, it } from 'vitest';
import { imagesToTensorData, type ImageLike } from './images';

// An image whose every pixel is (r, g, b, 255) from a function of (x, y).
function image(width: number, height: number, rgb: (x: number, y: number) => [number, number, number]): ImageLike {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      data.set([...rgb(x, y), 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

const f = (values: number[]) => values.map(Math.fround);

describe('imagesToTensorData', () => {
  it('keeps a same-size image exactly, in HWC order', () => {
    const img = image(2, 2, (x, y) => [x * 255, y * 255, 51]);
    const out = imagesToTensorData([img], { size: 2 });
    expect(out).toMatchObject({ count: 1, size: 2, channels: 3 });
    expect(Array.from(out.data)).toEqual(f([0, 0, 0.2, 1, 0, 0.2, 0, 1, 0.2, 1, 1, 0.2]));
  });

  it('downsamples 4x4 to 2x2: bilinear and area average, nearest picks', () => {
    const img = image(4, 4, (x) => [x * 60, 0, 0]); // red 0, 60, 120, 180 across
    const red = (resize: 'bilinear' | 'nearest' | 'area') => Array.from(imagesToTensorData([img], { size: 2, channels: 3, resize, range: [0, 255] }).data).filter((_, i) => i % 3 === 0);
    expect(red('bilinear')).toEqual([30, 150, 30, 150]);
    expect(red('area')).toEqual([30, 150, 30, 150]);
    expect(red('nearest')).toEqual([60, 180, 60, 180]);
  });

  it('upsamples 2x1 bilinearly with half-pixel centres', () => {
    const img = image(2, 1, (x) => [x * 200, 0, 0]);
    const out = imagesToTensorData([img], { size: 4, channels: 1, fit: 'stretch', range: [0, 255] });
    const row = Array.from(out.data.subarray(0, 4)).map((v) => Math.round(v / 0.299));
    expect(row).toEqual([0, 50, 150, 200]);
  });

  it("crops the centred square with fit 'crop' and squeezes with 'stretch'", () => {
    const img = image(3, 1, (x) => [[10, 20, 30][x]!, 0, 0]);
    const crop = imagesToTensorData([img], { size: 1, resize: 'area', range: [0, 255] });
    const stretch = imagesToTensorData([img], { size: 1, resize: 'area', fit: 'stretch', range: [0, 255] });
    expect(crop.data[0]).toBeCloseTo(20);
    expect(stretch.data[0]).toBeCloseTo(20);
    const wide = image(4, 2, (x) => [x < 1 ? 255 : 0, 0, 0]);
    expect(imagesToTensorData([wide], { size: 1, resize: 'area' }).data[0]).toBe(0);
    expect(imagesToTensorData([wide], { size: 1, resize: 'area', fit: 'stretch' }).data[0]).toBeCloseTo(0.25);
  });

  it('converts to grey with Rec. 601 weights and keeps alpha for 4 channels', () => {
    const img = image(1, 1, () => [255, 0, 0]);
    expect(imagesToTensorData([img], { size: 1, channels: 1 }).data[0]).toBeCloseTo(0.299);
    expect(Array.from(imagesToTensorData([img], { size: 1, channels: 4 }).data)).toEqual([1, 0, 0, 1]);
  });

  it('stacks images of different sizes', () => {
    const out = imagesToTensorData([image(8, 8, () => [0, 0, 0]), image(3, 5, () => [255, 255, 255])], { size: 4 });
    expect(out.count).toBe(2);
    expect(out.data.length).toBe(2 * 4 * 4 * 3);
    expect(out.data[4 * 4 * 3]).toBe(1);
  });

  it('rejects empty lists, zero-size images, wrong data lengths and bad options', () => {
    const ok = image(2, 2, () => [0, 0, 0]);
    expect(() => imagesToTensorData([])).toThrow(/non-empty array of images. Received: images=\[\]/);
    expect(() => imagesToTensorData([ok, { width: 0, height: 5, data: new Uint8ClampedArray(0) }])).toThrow(/images\[1\] must have a positive integer width and height. Received: 0x5/);
    expect(() => imagesToTensorData([{ width: 2, height: 2, data: new Uint8ClampedArray(12) }])).toThrow(/images\[0\].data must be 16 RGBA bytes for 2x2. Received: Uint8ClampedArray\(length=12\)/);
    expect(() => imagesToTensorData([ok], { size: 0 })).toThrow(/'size' must be a positive integer/);
    expect(() => imagesToTensorData([ok], { channels: 2 as 3 })).toThrow(/'channels' must be 1, 3 or 4. Received: channels=2/);
    expect(() => imagesToTensorData([ok], { resize: 'cubic' as 'area' })).toThrow(/Received: resize="cubic"/);
  });
});
