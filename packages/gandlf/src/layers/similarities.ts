import * as tf from '@tensorflow/tfjs';
import { describe, UnknownNameError } from '../errors';

/**
 * A similarity of two batches, sample by sample: `(a, b)` of shape
 * `[batch, features]` give `[batch, 1]`. Each is symmetric and largest when
 * `a == b` (gandlf's `similarities`).
 */
export type SimilarityFn = (a: tf.Tensor2D, b: tf.Tensor2D) => tf.Tensor2D;

const sumRows = (t: tf.Tensor): tf.Tensor2D => tf.sum(t, 1, true) as tf.Tensor2D;

/** `-Σ|a - b|`: 0 at `a == b`, unbounded below. */
export const l1: SimilarityFn = (a, b) => tf.tidy(() => tf.neg(sumRows(tf.abs(tf.sub(a, b)))));

/** `-Σ(a - b)²`: 0 at `a == b`, unbounded below. */
export const l2: SimilarityFn = (a, b) => tf.tidy(() => tf.neg(sumRows(tf.squaredDifference(a, b))));

/** `exp(l1)`: 1 at `a == b`, down to 0. */
export const expL1: SimilarityFn = (a, b) => tf.tidy(() => tf.exp(l1(a, b)));

/** `exp(l2)`, a radial basis function: 1 at `a == b`, down to 0. */
export const expL2: SimilarityFn = (a, b) => tf.tidy(() => tf.exp(l2(a, b)));

/**
 * Cosine similarity `Σ a·b / (|a| |b|)`, in [-1, 1]. (gandlf's `cosine`
 * returned `1 - mean(â·b̂)`, a distance that is smallest at `a == b`; this is
 * the similarity its doc comment describes.)
 */
export const cosine: SimilarityFn = (a, b) =>
  tf.tidy(() => {
    const norms = tf.mul(tf.norm(a, 'euclidean', 1, true), tf.norm(b, 'euclidean', 1, true));
    return tf.div(sumRows(tf.mul(a, b)), tf.maximum(norms, 1e-12)) as tf.Tensor2D;
  });

/** `σ(Σ a·b)`, in (0, 1). */
export const sigmoid: SimilarityFn = (a, b) => tf.tidy(() => tf.sigmoid(sumRows(tf.mul(a, b))));

/** `1 / (1 + Σ(a - b)²)`: 1 at `a == b`, down to 0. */
export const euclidean: SimilarityFn = (a, b) => tf.tidy(() => tf.reciprocal(tf.add(1, sumRows(tf.squaredDifference(a, b)))) as tf.Tensor2D);

/** `sigmoid · euclidean` (gandlf's `geometric`, alias `gesd`). */
export const geometric: SimilarityFn = (a, b) => tf.tidy(() => tf.mul(sigmoid(a, b), euclidean(a, b)));

/** `(sigmoid + euclidean) / 2` (gandlf's `arithmetic`, alias `aesd`). */
export const arithmetic: SimilarityFn = (a, b) => tf.tidy(() => tf.mul(tf.add(sigmoid(a, b), euclidean(a, b)), 0.5));

const SIMILARITIES = {
  l1,
  l2,
  exp_l1: expL1,
  exp_l2: expL2,
  rbf: expL2,
  cosine,
  sigmoid,
  euclidean,
  geometric,
  gesd: geometric,
  arithmetic,
  aesd: arithmetic,
} as const satisfies Record<string, SimilarityFn>;

/** The similarity names gandlf knows, with its aliases (`rbf` = `exp_l2`, `gesd`, `aesd`). */
export type SimilarityName = keyof typeof SIMILARITIES;

/** The names `getSimilarity` accepts. */
export function similarityNames(): SimilarityName[] {
  return Object.keys(SIMILARITIES) as SimilarityName[];
}

/** Resolves a similarity name; `where` names the caller and argument for the error. */
export function getSimilarity(name: string, where: string): SimilarityFn {
  if (Object.prototype.hasOwnProperty.call(SIMILARITIES, name)) return SIMILARITIES[name as SimilarityName];
  throw new UnknownNameError(`Unknown similarity in ${where}. Expected one of: ${similarityNames().join(', ')}. Received: ${describe(name)}`);
}
