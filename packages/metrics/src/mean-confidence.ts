import { describe, MetricsError } from './errors';

/**
 * The classifier's mean confidence over samples: the average of each sample's
 * highest class probability. Clear digits score near 1; blurry, in-between or
 * noisy samples score lower (0.1 is a uniform guess over 10 classes).
 *
 * @example meanConfidence(probabilities, 10); // 0.99 on MNIST's test digits
 * @param probabilities `n * classes` class probabilities, sample after sample.
 * @param classes The number of classes.
 */
export function meanConfidence(probabilities: ArrayLike<number>, classes: number): number {
  const fn = 'meanConfidence';
  if (!Number.isInteger(classes) || classes < 1) throw new MetricsError(`${fn}: 'classes' must be a positive integer. Received: classes=${describe(classes)}`);
  const n = (probabilities?.length ?? 0) / classes;
  if (!Number.isInteger(n) || n < 1) {
    throw new MetricsError(`${fn}: 'probabilities' must hold n * classes numbers, n >= 1. Received: probabilities=${describe(probabilities)}, classes=${classes}`);
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let best = -Infinity;
    for (let c = 0; c < classes; c++) best = Math.max(best, probabilities[i * classes + c]!);
    sum += best;
  }
  return sum / n;
}
