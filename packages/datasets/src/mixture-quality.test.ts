import { describe, expect, it } from 'vitest';
import { mixtureQuality } from './mixture-quality';
import { gridMixture, ringMixture } from './mixtures';
import { seededUniform } from './test-utils/fixtures';

describe('mixtureQuality', () => {
  for (const [name, mixture] of [
    ['ring', ringMixture()],
    ['grid', gridMixture()],
  ] as const) {
    it(`scores the ${name} mixture's own samples as healthy`, () => {
      const k = mixture.centers.length / 2;
      const q = mixtureQuality(mixture.sample(2500, seededUniform(7)), mixture);
      expect(q.modesCovered).toBe(k);
      expect(q.highQualityShare).toBeGreaterThan(0.95);
      expect(q.perMode.reduce((a, b) => a + b, 0)).toBe(Math.round(q.highQualityShare * 2500));
      expect(q.reverseKL).toBeLessThan(0.02);
    });

    it(`scores points collapsed on one ${name} mode as 1 mode with reverse KL log(k)`, () => {
      const k = mixture.centers.length / 2;
      const one = ringMixture({ modes: 1, radius: 1e-9, std: mixture.std });
      const points = one.sample(1000, seededUniform(3));
      for (let i = 0; i < points.length; i += 2) {
        points[i] += mixture.centers[2]!;
        points[i + 1] += mixture.centers[3]!;
      }
      const q = mixtureQuality(points, mixture);
      expect(q.modesCovered).toBe(1);
      expect(q.perMode[1]).toBe(q.perMode.reduce((a, b) => a + b, 0));
      expect(q.reverseKL).toBeCloseTo(Math.log(k), 6);
    });
  }

  it('computes KL(p || uniform) by hand on two modes', () => {
    const mixture = ringMixture({ modes: 2, radius: 1, std: 0.1 });
    // Three points on mode 0, one on mode 1, one far away.
    const points = new Float32Array([1, 0, 1, 0, 1, 0.05, -1, 0, 0, 5]);
    const q = mixtureQuality(points, mixture);
    expect(q.perMode).toEqual([3, 1]);
    expect(q.highQualityShare).toBeCloseTo(0.8);
    expect(q.reverseKL).toBeCloseTo(0.75 * Math.log(1.5) + 0.25 * Math.log(0.5), 10);
  });

  it('needs max(1, ceil(minShare * n)) high-quality points to cover a mode', () => {
    const mixture = ringMixture({ modes: 2, radius: 1, std: 0.1 });
    const points = new Float32Array(2 * 200).fill(1);
    for (let i = 0; i < 200; i++) points[2 * i + 1] = 0; // all on mode 0 ...
    points.set([-1, 0, -1, 0], 0); // ... except two on mode 1 (1% of 200)
    expect(mixtureQuality(points, mixture).modesCovered).toBe(2);
    expect(mixtureQuality(points, mixture, { minShare: 0.02 }).modesCovered).toBe(1);
  });

  it('counts non-finite points as low quality and reports Infinity with none near a mode', () => {
    const mixture = ringMixture();
    const q = mixtureQuality(new Float32Array([NaN, 0, 100, 100]), mixture);
    expect(q).toEqual({ modesCovered: 0, highQualityShare: 0, reverseKL: Infinity, perMode: new Array(8).fill(0) });
  });

  it('rejects bad points and mixtures', () => {
    expect(() => mixtureQuality(new Float32Array(3), ringMixture())).toThrow(/'points' must be a non-empty Float32Array of n \* 2/);
    expect(() => mixtureQuality(new Float32Array(2), { centers: new Float32Array(2), std: 0 })).toThrow(/'mixture.std' must be a positive number. Received: std=0/);
  });
});
