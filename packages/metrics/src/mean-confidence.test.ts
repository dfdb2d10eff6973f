import { describe, expect, it } from 'vitest';
import { meanConfidence } from './mean-confidence';

describe('meanConfidence', () => {
  it('averages the top probability of each sample', () => {
    expect(meanConfidence([0.9, 0.1, 0.3, 0.7, 0.5, 0.5], 2)).toBeCloseTo((0.9 + 0.7 + 0.5) / 3, 12);
  });

  it('is 1 / classes for uniform guesses', () => {
    expect(meanConfidence(new Float32Array(50).fill(0.1), 10)).toBeCloseTo(0.1, 6);
  });

  it('rejects bad input', () => {
    expect(() => meanConfidence([], 10)).toThrow(/'probabilities' must hold n \* classes numbers, n >= 1. Received: probabilities=\[\], classes=10/);
    expect(() => meanConfidence([1], 1.5)).toThrow(/'classes' must be a positive integer/);
  });
});
