import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError, ShapeMismatchError } from '../errors';
import { checkOptions, optionKeys } from '../options';
import type { LossFn } from './losses';

/** Options of {@link rbfMomentMatching}'s factory form. */
export interface RbfMomentMatchingOptions {
  /**
   * Kernel bandwidths; the kernels of all of them are summed, so that both
   * near and far samples give gradient. Each σ divides the squared distance
   * like a variance: `k(a, b) = exp(-|a - b|² / (2σ))`.
   * @default [2, 5, 10, 20, 40, 80], as in gandlf
   */
  sigmas?: number | readonly number[];
}

const RBF_KEYS = optionKeys<RbfMomentMatchingOptions>()({ sigmas: true });

const DEFAULT_SIGMAS: readonly number[] = Object.freeze([2, 5, 10, 20, 40, 80]);

/**
 * gandlf's `rbf_moment_matching` (the GMMN loss, Li et al. 2015,
 * arXiv:1502.02761): the squared maximum mean discrepancy between the batch
 * `yTrue` (e.g. real data, `[m, ...features]`) and the batch `yPred`
 * (e.g. generated data, `[n, ...features]`) under a sum of RBF kernels,
 *
 *   `MMD² = mean k(yPred, yPred) + mean k(yTrue, yTrue) - 2 mean k(yPred, yTrue)`,
 *
 * the biased estimate (diagonal included), which is never negative and is 0
 * when the batches are equal. Rows are samples; the other axes are flattened.
 * The batches may differ in size but not in features.
 *
 * gandlf's Python sums every kernel entry of `[yPred; yTrue]` with the same
 * sign, which is not a discrepancy: minimising it only pushes all samples
 * apart. This is the MMD of the paper it cites, with gandlf's kernel and
 * bandwidths. It is MMD², not MMD: the square root has no gradient at 0.
 *
 * Called with tensors it is the loss with the default sigmas (also by name:
 * `'rbfMomentMatching'`, `'rbf_moment_matching'`, `'gmmn'`); called with
 * options it returns the loss for those sigmas, named
 * `rbfMomentMatching(1,4)` so that checkpoints resolve it again.
 *
 * @example
 * losses.rbfMomentMatching(tf.tensor2d([[0], [1]]), tf.tensor2d([[0], [1]])) // 0
 * model.compile({ loss: losses.rbfMomentMatching({ sigmas: [1, 4] }), optimizer: 'adam' });
 *
 * @param yTrue The reference batch, `[m, ...features]`.
 * @param yPred The batch that should match it, `[n, ...features]`.
 * @param options `sigmas`: the kernel bandwidths.
 */
export function rbfMomentMatching(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar;
export function rbfMomentMatching(options?: RbfMomentMatchingOptions): LossFn;
export function rbfMomentMatching(a?: tf.Tensor | RbfMomentMatchingOptions, b?: tf.Tensor): tf.Scalar | LossFn {
  if (a instanceof tf.Tensor) return mmd(a, b, DEFAULT_SIGMAS, 'rbfMomentMatching');
  const { sigmas = DEFAULT_SIGMAS } = checkOptions(a, RBF_KEYS, 'rbfMomentMatching');
  const list = checkSigmas(sigmas);
  // The default keeps its identity, so the registry names it 'rbfMomentMatching'.
  if (list.length === DEFAULT_SIGMAS.length && list.every((s, i) => s === DEFAULT_SIGMAS[i])) return rbfMomentMatching as LossFn;
  const name = `rbfMomentMatching(${list.join(',')})`;
  const loss: LossFn = (yTrue, yPred) => mmd(yTrue, yPred, list, name);
  Object.defineProperty(loss, 'name', { value: name });
  return loss;
}

/** Reads `rbfMomentMatching(s1,s2,...)` (a checkpointed loss name); undefined for other names. */
export function parseRbfMomentMatching(name: string): LossFn | undefined {
  const m = /^rbfMomentMatching\(([0-9.eE+\-,]+)\)$/.exec(name);
  return m ? rbfMomentMatching({ sigmas: m[1]!.split(',').map(Number) }) : undefined;
}

function checkSigmas(sigmas: unknown): number[] {
  const list = typeof sigmas === 'number' ? [sigmas] : Array.isArray(sigmas) ? [...(sigmas as unknown[])] : [];
  if (list.length === 0 || !list.every((s) => typeof s === 'number' && Number.isFinite(s) && s > 0)) {
    throw new InvalidArgumentError(`Option 'sigmas' passed to 'rbfMomentMatching' must be a positive number or a non-empty list of them. Received: sigmas=${describe(sigmas)}`);
  }
  return list as number[];
}

/** Rows of `t` as `[rows, features]`. */
function rows(t: unknown, arg: string, fn: string): tf.Tensor2D {
  if (!(t instanceof tf.Tensor)) {
    throw new InvalidArgumentError(`Argument '${arg}' passed to '${fn}' must be a tensor. Received: ${arg}=${describe(t)}`);
  }
  if (t.rank === 0 || t.shape[0] === 0) {
    throw new ShapeMismatchError(`Argument '${arg}' passed to '${fn}' must be a batch [batch, ...features]. Received: shape [${t.shape.join(',')}]`);
  }
  return tf.reshape(t, [t.shape[0]!, -1]);
}

function mmd(yTrue: tf.Tensor, yPred: tf.Tensor | undefined, sigmas: readonly number[], fn: string): tf.Scalar {
  return tf.tidy(() => {
    const t = rows(yTrue, 'yTrue', fn);
    const p = rows(yPred, 'yPred', fn);
    if (t.shape[1] !== p.shape[1]) {
      throw new ShapeMismatchError(`'${fn}' compares samples of the same size. Received: yTrue rows [${t.shape.join(',')}], yPred rows [${p.shape.join(',')}]`);
    }
    const [n, m] = [p.shape[0], t.shape[0]];
    const x = tf.concat([tf.cast(p, 'float32'), tf.cast(t, 'float32')], 0);
    // |a - b|² = |a|² + |b|² - 2 a·b for every pair; rounding can dip below 0.
    const sq = tf.sum(tf.square(x), 1, true);
    const d2 = tf.relu(tf.sub(tf.add(sq, tf.transpose(sq)), tf.mul(2, tf.matMul(x, x, false, true))));
    let k: tf.Tensor = tf.zerosLike(d2);
    for (const s of sigmas) k = tf.add(k, tf.exp(tf.mul(d2, -1 / (2 * s))));
    // wᵀ K w with w = [1/n …, -1/m …] is the three block means at once.
    const w = tf.concat([tf.fill([n, 1], 1 / n), tf.fill([m, 1], -1 / m)], 0);
    return tf.reshape(tf.matMul(tf.matMul(w, k, true), w), []) as tf.Scalar;
  });
}
