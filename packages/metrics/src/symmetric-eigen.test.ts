import { describe, expect, it } from 'vitest';
import { symmetricEigen } from './symmetric-eigen';

/** V diag(values) Vᵀ, row-major. */
function rebuild(values: Float64Array, vectors: Float64Array, d: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += vectors[i * d + k]! * values[k]! * vectors[j * d + k]!;
      out.push(s);
    }
  }
  return out;
}

describe('symmetricEigen', () => {
  it('finds 1 and 3 for [[2, 1], [1, 2]] with eigenvectors (1, -1)/√2 and (1, 1)/√2', () => {
    const { values, vectors } = symmetricEigen([2, 1, 1, 2], 2);
    const order = values[0]! < values[1]! ? [0, 1] : [1, 0];
    expect(values[order[0]!]).toBeCloseTo(1, 12);
    expect(values[order[1]!]).toBeCloseTo(3, 12);
    const small = [vectors[order[0]!]!, vectors[2 + order[0]!]!];
    expect(Math.abs(small[0]!)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(small[0]! + small[1]!).toBeCloseTo(0, 12);
  });

  it('leaves a diagonal matrix as it is', () => {
    const { values } = symmetricEigen([5, 0, 0, 0, -2, 0, 0, 0, 0.5], 3);
    expect([...values]).toEqual([5, -2, 0.5]);
  });

  it('rebuilds a random 12 x 12 symmetric matrix from orthonormal eigenvectors', () => {
    const d = 12;
    let s = 1;
    const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
    const m = new Float64Array(d * d);
    for (let i = 0; i < d; i++) for (let j = i; j < d; j++) m[i * d + j] = m[j * d + i] = rand();
    const { values, vectors } = symmetricEigen(m, d);
    rebuild(values, vectors, d).forEach((x, i) => expect(x).toBeCloseTo(m[i]!, 10));
    // VᵀV = I
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) {
        let dot = 0;
        for (let k = 0; k < d; k++) dot += vectors[k * d + a]! * vectors[k * d + b]!;
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 10);
      }
    }
    // The trace is the sum of the eigenvalues.
    let trace = 0;
    for (let i = 0; i < d; i++) trace += m[i * d + i]!;
    expect(values.reduce((x, y) => x + y, 0)).toBeCloseTo(trace, 10);
  });

  it('rejects a matrix of the wrong size', () => {
    expect(() => symmetricEigen([1, 2, 3], 2)).toThrow(/'matrix' must hold d \* d numbers .* Received: d=2, matrix=\[1, 2, 3\]/);
  });
});
