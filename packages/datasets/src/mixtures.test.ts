import { describe, expect, it } from 'vitest';
import { gridMixture, ringMixture } from './mixtures';
import { seededUniform } from './test-utils/fixtures';

describe('ringMixture', () => {
  it('puts 8 centres on a radius-2 circle, the first at (2, 0)', () => {
    const { centers, std } = ringMixture();
    expect(centers.length).toBe(16);
    expect(std).toBe(0.02);
    expect(centers[0]).toBeCloseTo(2);
    expect(centers[1]).toBeCloseTo(0);
    expect(centers[4]).toBeCloseTo(0); // centre 2 at 90 degrees
    expect(centers[5]).toBeCloseTo(2);
    for (let i = 0; i < 8; i++) expect(Math.hypot(centers[2 * i]!, centers[2 * i + 1]!)).toBeCloseTo(2);
  });

  it('samples repeatably from a seeded source, with the right spread', () => {
    const mixture = ringMixture({ modes: 4, radius: 1, std: 0.1 });
    const a = mixture.sample(4000, seededUniform(1));
    expect(a).toEqual(mixture.sample(4000, seededUniform(1)));
    // Distance to the nearest centre along x or y: variance should be near std^2.
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < 4000; i++) {
      const [x, y] = [a[2 * i]!, a[2 * i + 1]!];
      const m = Math.round((Math.atan2(y, x) / (2 * Math.PI)) * 4 + 4) % 4;
      const dx = x - mixture.centers[2 * m]!;
      sum += dx;
      sumSq += dx * dx;
    }
    expect(Math.abs(sum / 4000)).toBeLessThan(0.01);
    expect(Math.sqrt(sumSq / 4000)).toBeCloseTo(0.1, 1);
  });

  it('rejects bad options and sample sizes', () => {
    expect(() => ringMixture({ modes: 0 })).toThrow(/ringMixture: 'modes' must be a positive integer. Received: modes=0/);
    expect(() => ringMixture({ std: -1 })).toThrow(/'std' must be a positive finite number. Received: std=-1/);
    expect(() => ringMixture().sample(1.5)).toThrow(/'n' must be a non-negative integer. Received: n=1.5/);
    expect(ringMixture().sample(0).length).toBe(0);
  });
});

describe('gridMixture', () => {
  it('lays 25 centres at -4, -2, 0, 2, 4, x fastest', () => {
    const { centers, std } = gridMixture();
    expect(std).toBe(0.05);
    expect(centers.length).toBe(50);
    expect(Array.from(centers.subarray(0, 4))).toEqual([-4, -4, -2, -4]);
    expect(Array.from(centers.subarray(24, 26))).toEqual([0, 0]);
    expect(Array.from(centers.subarray(48, 50))).toEqual([4, 4]);
  });

  it('centres even sides on the origin too', () => {
    expect(Array.from(gridMixture({ side: 2, spacing: 1 }).centers)).toEqual([-0.5, -0.5, 0.5, -0.5, -0.5, 0.5, 0.5, 0.5]);
  });

  it('rejects bad options', () => {
    expect(() => gridMixture({ spacing: 0 })).toThrow(/gridMixture: 'spacing' must be a positive finite number/);
  });
});
