import { describe, MetricsError } from './errors';
import { symmetricEigen } from './symmetric-eigen';

/** The mean and covariance of a set of feature vectors: all the Fréchet distance needs of it. */
export interface FeatureStatistics {
  /** Vectors the statistics were taken over. */
  count: number;
  /** `d` means. */
  mean: Float64Array;
  /** `d * d` covariance, row-major, unbiased (divided by `count - 1`, as numpy's `cov`). */
  covariance: Float64Array;
}

/**
 * Mean and covariance of `n` feature vectors of size `dim`, accumulated in
 * float64 (float32 sums over 10,000 vectors lose digits the distance needs).
 *
 * @example const stats = featureStatistics(features, 64); // features: n * 64 numbers
 * @param features `n * dim` numbers, vector after vector; n >= 2.
 * @param dim The size of one vector.
 */
export function featureStatistics(features: ArrayLike<number>, dim: number): FeatureStatistics {
  const fn = 'featureStatistics';
  if (!Number.isInteger(dim) || dim < 1) throw new MetricsError(`${fn}: 'dim' must be a positive integer. Received: dim=${describe(dim)}`);
  const n = (features?.length ?? 0) / dim;
  if (!Number.isInteger(n) || n < 2) {
    throw new MetricsError(`${fn}: 'features' must hold n * dim numbers with n >= 2. Received: features=${describe(features)}, dim=${dim}`);
  }
  const mean = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) mean[j] += features[i * dim + j]!;
  for (let j = 0; j < dim; j++) mean[j]! /= n;
  const covariance = new Float64Array(dim * dim);
  const row = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < dim; j++) row[j] = features[i * dim + j]! - mean[j]!;
    for (let a = 0; a < dim; a++) {
      const ra = row[a]!;
      if (ra === 0) continue;
      for (let b = a; b < dim; b++) covariance[a * dim + b] += ra * row[b]!;
    }
  }
  for (let a = 0; a < dim; a++) {
    for (let b = a; b < dim; b++) covariance[a * dim + b] = covariance[b * dim + a] = covariance[a * dim + b]! / (n - 1);
  }
  return { count: n, mean, covariance };
}

/**
 * The Fréchet distance between two Gaussians fitted to feature sets
 * (Heusel et al. 2017, the "FID" when the features are Inception's):
 * `|μ₁ - μ₂|² + tr(Σ₁) + tr(Σ₂) - 2 tr((Σ₁^½ Σ₂ Σ₁^½)^½)`.
 * The last trace equals `tr((Σ₁ Σ₂)^½)`; written this way every matrix is
 * symmetric, so two symmetric eigendecompositions compute it, with no
 * general matrix square root. Tiny negative eigenvalues from rounding are
 * clamped to 0, and so is the result.
 *
 * @example frechetDistance(featureStatistics(fake, 64), featureStatistics(real, 64)); // 0 for identical sets
 * @param a Statistics of one set (see {@link featureStatistics}).
 * @param b Statistics of the other, of the same size.
 */
export function frechetDistance(a: FeatureStatistics, b: FeatureStatistics): number {
  const d = a?.mean?.length;
  if (!d || b?.mean?.length !== d || a.covariance?.length !== d * d || b.covariance?.length !== d * d) {
    throw new MetricsError(`frechetDistance: 'a' and 'b' must be FeatureStatistics of the same size. Received: a.mean=${describe(a?.mean)}, b.mean=${describe(b?.mean)}`);
  }
  let meanTerm = 0;
  let traces = 0;
  for (let i = 0; i < d; i++) {
    meanTerm += (a.mean[i]! - b.mean[i]!) ** 2;
    traces += a.covariance[i * d + i]! + b.covariance[i * d + i]!;
  }
  // Σ₁^½ = V diag(√λ) Vᵀ
  const { values, vectors } = symmetricEigen(a.covariance, d);
  const root = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += vectors[i * d + k]! * Math.sqrt(Math.max(values[k]!, 0)) * vectors[j * d + k]!;
      root[i * d + j] = root[j * d + i] = s;
    }
  }
  const m = multiply(multiply(root, b.covariance, d), root, d);
  let traceRoot = 0;
  for (const l of symmetricEigen(m, d).values) traceRoot += Math.sqrt(Math.max(l, 0));
  return Math.max(meanTerm + traces - 2 * traceRoot, 0);
}

function multiply(x: Float64Array, y: Float64Array, d: number): Float64Array {
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let k = 0; k < d; k++) {
      const xik = x[i * d + k]!;
      if (xik === 0) continue;
      for (let j = 0; j < d; j++) out[i * d + j] += xik * y[k * d + j]!;
    }
  }
  return out;
}
