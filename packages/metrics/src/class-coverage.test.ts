import { describe, expect, it } from 'vitest';
import { classCoverage } from './class-coverage';

describe('classCoverage', () => {
  it('counts each sample for its most probable class', () => {
    // 4 samples, 3 classes: argmax 0, 2, 2, 1
    const p = [0.7, 0.2, 0.1, 0.1, 0.3, 0.6, 0, 0, 1, 0.2, 0.5, 0.3];
    expect(classCoverage(p, 3)).toEqual({ covered: 3, shares: [0.25, 0.25, 0.5] });
  });

  it('needs minShare of the samples to cover a class', () => {
    // 20 samples: 19 of class 0, one of class 1 (5%)
    const p: number[] = [];
    for (let i = 0; i < 20; i++) p.push(i === 0 ? 0 : 1, i === 0 ? 1 : 0);
    expect(classCoverage(p, 2).covered).toBe(2);
    expect(classCoverage(p, 2, { minShare: 0.06 }).covered).toBe(1);
  });

  it('sees one class in samples collapsed on one digit', () => {
    const p = new Float32Array(100 * 10);
    for (let i = 0; i < 100; i++) p[i * 10 + 7] = 0.9;
    const { covered, shares } = classCoverage(p, 10);
    expect(covered).toBe(1);
    expect(shares[7]).toBe(1);
  });

  it('rejects bad input', () => {
    expect(() => classCoverage([0.5, 0.5, 1], 2)).toThrow(/'probabilities' must hold n \* classes numbers/);
    expect(() => classCoverage([1], 0)).toThrow(/'classes' must be a positive integer. Received: classes=0/);
    expect(() => classCoverage([1, 0], 2, { minShare: 2 })).toThrow(/'minShare' must be a number in \[0, 1\]. Received: minShare=2/);
  });
});
