import { describe, expect, it } from 'vitest';
import { DatasetError } from './errors';
import { mixtureQuality } from './mixture-quality';
import { pointCloud } from './point-cloud';
import { seededUniform } from './test-utils/fixtures';

/** Points every `step` along the segment from (x0, y0) to (x1, y1). */
function segment(x0: number, y0: number, x1: number, y1: number, step: number): number[] {
  const n = Math.round(Math.hypot(x1 - x0, y1 - y0) / step);
  return Array.from({ length: n + 1 }, (_, i) => [x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * i) / n]).flat();
}

describe('pointCloud', () => {
  it('draws near the given points, repeatably, with the jitter as the spread', () => {
    const cloud = pointCloud(new Float32Array([0, 0, 10, 10]), { jitter: 0.1 });
    const a = cloud.sample(4000, seededUniform(3));
    expect(a).toEqual(cloud.sample(4000, seededUniform(3)));
    let near = 0;
    let sumSq = 0;
    for (let i = 0; i < 4000; i++) {
      const [x, y] = [a[2 * i]!, a[2 * i + 1]!];
      const [cx, cy] = x < 5 ? [0, 0] : [10, 10];
      if (cx === 0) near++;
      sumSq += (x - cx) ** 2 + (y - cy) ** 2;
    }
    // Both points, about equally often; per-axis spread the jitter.
    expect(near / 4000).toBeGreaterThan(0.45);
    expect(near / 4000).toBeLessThan(0.55);
    expect(Math.sqrt(sumSq / 8000)).toBeCloseTo(0.1, 2);
  });

  it('with jitter 0 draws exactly the given points', () => {
    const cloud = pointCloud(new Float32Array([1, 2, 3, 4, 5, 6]), { jitter: 0 });
    const a = cloud.sample(50, seededUniform(1));
    for (let i = 0; i < 50; i++)
      expect([
        [1, 2],
        [3, 4],
        [5, 6],
      ]).toContainEqual([a[2 * i], a[2 * i + 1]]);
  });

  it('copies its input: a later change to the array does not move the distribution', () => {
    const input = new Float32Array([1, 1]);
    const cloud = pointCloud(input, { jitter: 0 });
    input[0] = 99;
    expect(Array.from(cloud.points)).toEqual([1, 1]);
    expect(Array.from(cloud.sample(1))).toEqual([1, 1]);
  });

  it('covers far-apart clusters with one centre each, at their means, and std = modeRadius / 3', () => {
    const cloud = pointCloud(new Float32Array([0, 0, 0.1, 0, 0, 0.1, 5, 5, 5.2, 5]), { modeRadius: 0.5 });
    expect(cloud.std).toBeCloseTo(0.5 / 3);
    expect(cloud.centers.length).toBe(4);
    expect(cloud.centers[0]).toBeCloseTo(0.1 / 3);
    expect(cloud.centers[1]).toBeCloseTo(0.1 / 3);
    expect(cloud.centers[2]).toBeCloseTo(5.1);
    expect(cloud.centers[3]).toBeCloseTo(5);
  });

  it('covers a stroke every modeRadius or so, and its own draws score as high quality on every mode', () => {
    // A drawn "L": 4 units of stroke, points 0.05 apart as the demo's drawing tool leaves them.
    const stroke = new Float32Array([...segment(-1, 1, -1, -1, 0.05), ...segment(-1, -1, 1, -1, 0.05)]);
    const cloud = pointCloud(stroke);
    const k = cloud.centers.length / 2;
    expect(k).toBeGreaterThanOrEqual(12);
    expect(k).toBeLessThanOrEqual(17);
    // Every point lies within the radius of its centre's seed, so within 2 radii of the centre itself.
    for (let i = 0; i < stroke.length; i += 2) {
      let best = Infinity;
      for (let c = 0; c < cloud.centers.length; c += 2) best = Math.min(best, Math.hypot(stroke[i]! - cloud.centers[c]!, stroke[i + 1]! - cloud.centers[c + 1]!));
      expect(best).toBeLessThanOrEqual(0.25);
    }
    const q = mixtureQuality(cloud.sample(5000, seededUniform(2)), cloud);
    expect(q.modesCovered).toBe(k);
    expect(q.highQualityShare).toBeGreaterThan(0.9);
  });

  it('covers many points in linear time (cells of the radius, not every centre)', () => {
    const rand = seededUniform(5);
    const points = Float32Array.from({ length: 200_000 }, () => 8 * rand() - 4);
    const t0 = performance.now();
    const cloud = pointCloud(points);
    expect(performance.now() - t0).toBeLessThan(2000);
    // An 8 × 8 square at radius 0.25: far fewer centres than points, more than the square's area over a disc's.
    const k = cloud.centers.length / 2;
    expect(k).toBeGreaterThan(64 / (Math.PI * 0.25 ** 2));
    expect(k).toBeLessThan(64 / 0.25 ** 2);
  });

  it('rejects bad points and options with a DatasetError that echoes them', () => {
    const bad = (f: () => unknown, message: RegExp) => {
      expect(f).toThrow(DatasetError);
      expect(f).toThrow(message);
    };
    bad(() => pointCloud(new Float32Array(0)), /pointCloud: 'points' must be a non-empty Float32Array of n \* 2 coordinates. Received: points=Float32Array\(length=0\)/);
    bad(() => pointCloud(new Float32Array(3)), /Received: points=Float32Array\(length=3\)/);
    bad(() => pointCloud([0, 1] as unknown as Float32Array), /Received: points=\[0, 1\]/);
    bad(() => pointCloud(new Float32Array([0, 1, NaN, 2])), /every coordinate must be finite. Received: points\[2\]=NaN/);
    bad(() => pointCloud(new Float32Array([0, Infinity])), /points\[1\]=Infinity/);
    bad(() => pointCloud(new Float32Array([0, 0]), { jitter: -1 }), /'jitter' must be a non-negative finite number. Received: jitter=-1/);
    bad(() => pointCloud(new Float32Array([0, 0]), { modeRadius: 0 }), /'modeRadius' must be a positive finite number. Received: modeRadius=0/);
    bad(() => pointCloud(new Float32Array([0, 0]), { modeRadius: '1' as unknown as number }), /Received: modeRadius="1"/);
    bad(() => pointCloud(new Float32Array([0, 0]), { std: 0.1 } as never), /pointCloud: unknown option 'std'; the options are 'jitter', 'modeRadius'. Received: options=/);
    bad(() => pointCloud(new Float32Array([0, 0]), null as never), /'options' must be an object. Received: options=null/);
    bad(() => pointCloud(new Float32Array([0, 0])).sample(-1), /PointCloud.sample: 'n' must be a non-negative integer. Received: n=-1/);
    expect(pointCloud(new Float32Array([0, 0])).sample(0).length).toBe(0);
  });
});
