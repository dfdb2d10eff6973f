import { describe, expect, it } from 'vitest';
import { Random } from './random';

describe('Random', () => {
  it('repeats from a seed and from a saved state', () => {
    const a = new Random(5);
    const b = new Random(5);
    expect([a.next(), a.next()]).toEqual([b.next(), b.next()]);
    const state = a.getState();
    const first = [a.nextUint32(), a.nextUint32()];
    const c = new Random(0);
    c.setState(state);
    expect([c.nextUint32(), c.nextUint32()]).toEqual(first);
  });

  it('gives floats in [0, 1) with a mean near 1/2, and permutations', () => {
    const r = new Random(1);
    const xs = Array.from({ length: 10000 }, () => r.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
    const p = Array.from(r.permutation(50));
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(p).not.toEqual([...p].sort((x, y) => x - y));
  });
});
