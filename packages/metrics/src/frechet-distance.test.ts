import { describe, expect, it } from 'vitest';
import { featureStatistics, frechetDistance, type FeatureStatistics } from './frechet-distance';

const stats = (mean: number[], covariance: number[]): FeatureStatistics => ({ count: 100, mean: Float64Array.from(mean), covariance: Float64Array.from(covariance) });

describe('featureStatistics', () => {
  it('takes the mean and the unbiased covariance of four 2-D points', () => {
    const s = featureStatistics([0, 0, 2, 0, 0, 2, 2, 2], 2);
    expect(s.count).toBe(4);
    expect([...s.mean]).toEqual([1, 1]);
    // Each coordinate is ±1 about the mean: 4 / 3; the two are uncorrelated.
    expect([...s.covariance]).toEqual([4 / 3, 0, 0, 4 / 3]);
  });

  it('finds a correlation', () => {
    const s = featureStatistics([1, 2, 2, 4, 3, 6], 2);
    expect([...s.covariance]).toEqual([1, 2, 2, 4]);
  });

  it('rejects a ragged or too small set', () => {
    expect(() => featureStatistics([1, 2, 3], 2)).toThrow(/'features' must hold n \* dim numbers with n >= 2/);
    expect(() => featureStatistics([1, 2], 2)).toThrow(/n >= 2/);
    expect(() => featureStatistics([1, 2], 0)).toThrow(/'dim' must be a positive integer. Received: dim=0/);
  });
});

describe('frechetDistance', () => {
  it('is 0 between a set and itself', () => {
    let s = 3;
    const rand = () => (s = (s * 16807) % 2147483647) / 2147483647;
    const f = Array.from({ length: 200 * 8 }, rand);
    const a = featureStatistics(f, 8);
    expect(frechetDistance(a, a)).toBeLessThan(1e-9);
    expect(frechetDistance(a, featureStatistics([...f], 8))).toBeLessThan(1e-9);
  });

  it('is (μ₁ - μ₂)² + (σ₁ - σ₂)² in one dimension', () => {
    expect(frechetDistance(stats([1], [4]), stats([4], [9]))).toBeCloseTo(9 + 1, 12);
  });

  it('adds up over independent dimensions', () => {
    const d = frechetDistance(stats([0, 0], [1, 0, 0, 4]), stats([1, 2], [4, 0, 0, 1]));
    expect(d).toBeCloseTo(1 + 4 + (1 - 2) ** 2 + (2 - 1) ** 2, 12);
  });

  it('handles covariances that do not commute: Σ₁ = [[2, 1], [1, 2]], Σ₂ = I gives 4 - 2√3', () => {
    // tr Σ₁ + tr I - 2 tr Σ₁^½ = 4 + 2 - 2 (1 + √3)
    expect(frechetDistance(stats([0, 0], [2, 1, 1, 2]), stats([0, 0], [1, 0, 0, 1]))).toBeCloseTo(4 - 2 * Math.sqrt(3), 12);
    // Σ₂ = diag(4, 1): tr((Σ₁^½ Σ₂ Σ₁^½)^½) by hand, via tr(√M) = √(tr M + 2√det M) for 2 x 2.
    // Σ₁Σ₂ = [[8, 1], [4, 2]]: trace 10, det 12.
    const traceRoot = Math.sqrt(10 + 2 * Math.sqrt(12));
    expect(frechetDistance(stats([0, 0], [2, 1, 1, 2]), stats([0, 0], [4, 0, 0, 1]))).toBeCloseTo(4 + 5 - 2 * traceRoot, 12);
  });

  it('is symmetric in its arguments', () => {
    const a = stats([0, 1], [2, 1, 1, 2]);
    const b = stats([1, 0], [4, -1, -1, 1]);
    expect(frechetDistance(a, b)).toBeCloseTo(frechetDistance(b, a), 10);
  });

  it('rejects statistics of different sizes', () => {
    expect(() => frechetDistance(stats([0], [1]), stats([0, 0], [1, 0, 0, 1]))).toThrow(/same size. Received: a.mean=Float64Array\(length=1\), b.mean=Float64Array\(length=2\)/);
  });
});
