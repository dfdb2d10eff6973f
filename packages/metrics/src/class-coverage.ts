import { describe, MetricsError } from './errors';

/** Options of {@link classCoverage}. */
export interface ClassCoverageOptions {
  /**
   * A class is covered when at least this share of the samples is classified as it.
   * @default 0.05 (half of a uniform share over MNIST's 10 digits)
   */
  minShare?: number;
}

/** Which classes a set of samples falls into. */
export interface ClassCoverage {
  /** Classes holding at least `minShare` of the samples. */
  covered: number;
  /** Share of the samples classified as each class (argmax), summing to 1. */
  shares: number[];
}

/**
 * How many classes a classifier sees in a set of samples: a generator that
 * collapsed onto a few digits covers few. Each sample counts for its most
 * probable class.
 *
 * @example classCoverage(probabilities, 10).covered; // 10 when every digit holds 5% or more
 * @param probabilities `n * classes` class probabilities (or logits), sample after sample.
 * @param classes The number of classes.
 * @param options See {@link ClassCoverageOptions}.
 */
export function classCoverage(probabilities: ArrayLike<number>, classes: number, { minShare = 0.05 }: ClassCoverageOptions = {}): ClassCoverage {
  const fn = 'classCoverage';
  if (!Number.isInteger(classes) || classes < 1) throw new MetricsError(`${fn}: 'classes' must be a positive integer. Received: classes=${describe(classes)}`);
  const n = (probabilities?.length ?? 0) / classes;
  if (!Number.isInteger(n) || n < 1) {
    throw new MetricsError(`${fn}: 'probabilities' must hold n * classes numbers, n >= 1. Received: probabilities=${describe(probabilities)}, classes=${classes}`);
  }
  if (typeof minShare !== 'number' || !(minShare >= 0 && minShare <= 1)) {
    throw new MetricsError(`${fn}: 'minShare' must be a number in [0, 1]. Received: minShare=${describe(minShare)}`);
  }
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (probabilities[i * classes + c]! > probabilities[i * classes + best]!) best = c;
    counts[best]! += 1;
  }
  const shares = counts.map((c) => c / n);
  return { covered: shares.filter((s) => s >= minShare).length, shares };
}
