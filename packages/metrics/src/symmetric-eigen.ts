import { describe, MetricsError } from './errors';

/** Eigenvalues and eigenvectors of a symmetric matrix. */
export interface SymmetricEigen {
  /** The `d` eigenvalues, in no particular order. */
  values: Float64Array;
  /** `d * d`, row-major; column `j` is the unit eigenvector of `values[j]`. */
  vectors: Float64Array;
}

/**
 * Eigendecomposition of a real symmetric `d x d` matrix by cyclic Jacobi
 * rotations: slow in theory (O(d³) a sweep) but exact to rounding and
 * unconditionally stable, and a 64 x 64 covariance takes a few milliseconds.
 * Only the upper triangle is read.
 *
 * @example symmetricEigen(new Float64Array([2, 1, 1, 2]), 2).values; // [1, 3] in some order
 * @param matrix `d * d` entries, row-major.
 * @param d The side.
 */
export function symmetricEigen(matrix: ArrayLike<number>, d: number): SymmetricEigen {
  if (!Number.isInteger(d) || d < 1 || matrix?.length !== d * d) {
    throw new MetricsError(`symmetricEigen: 'matrix' must hold d * d numbers for a positive integer d. Received: d=${describe(d)}, matrix=${describe(matrix)}`);
  }
  const a = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = i; j < d; j++) a[i * d + j] = a[j * d + i] = matrix[i * d + j]!;
  const v = new Float64Array(d * d);
  for (let i = 0; i < d; i++) v[i * d + i] = 1;

  let scale = 0;
  for (const x of a) scale = Math.max(scale, Math.abs(x));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += a[p * d + q]! ** 2;
    if (off <= (1e-30 * scale) ** 2 || off === 0) break;
    for (let p = 0; p < d - 1; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = a[p * d + q]!;
        if (apq === 0) continue;
        // The rotation that zeroes a[p][q] (Golub & Van Loan, Algorithm 8.4.1).
        const theta = (a[q * d + q]! - a[p * d + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const akp = a[k * d + p]!;
          const akq = a[k * d + q]!;
          a[k * d + p] = c * akp - s * akq;
          a[k * d + q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          const apk = a[p * d + k]!;
          const aqk = a[q * d + k]!;
          a[p * d + k] = c * apk - s * aqk;
          a[q * d + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < d; k++) {
          const vkp = v[k * d + p]!;
          const vkq = v[k * d + q]!;
          v[k * d + p] = c * vkp - s * vkq;
          v[k * d + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(d);
  for (let i = 0; i < d; i++) values[i] = a[i * d + i]!;
  return { values, vectors: v };
}
