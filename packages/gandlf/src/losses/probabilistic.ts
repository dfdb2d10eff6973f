import * as tf from '@tensorflow/tfjs';

// Keras's K.epsilon(): probabilities are clipped by it before logs.
const EPSILON = 1e-7;

/**
 * Kullback-Leibler divergence `Σ_k y_k log(y_k / p_k)` over the last axis,
 * averaged over the batch, with `y` and `p` clipped to [1e-7, 1] (Keras `kld`).
 *
 * @example losses.kullbackLeiblerDivergence(tf.tensor2d([[0.5, 0.5]]), tf.tensor2d([[0.25, 0.75]])) // 0.1438
 */
export function kullbackLeiblerDivergence(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const y = tf.clipByValue(yTrue, EPSILON, 1);
    const p = tf.clipByValue(yPred, EPSILON, 1);
    return tf.mean(tf.sum(tf.mul(y, tf.log(tf.div(y, p))), yPred.rank - 1)) as tf.Scalar;
  });
}

/**
 * Poisson loss `mean(p - y log(p + 1e-7))`, for counts predicted as rates `p > 0`.
 *
 * @example losses.poisson(tf.tensor2d([[1]]), tf.tensor2d([[2]])) // 2 - log 2
 */
export function poisson(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.sub(yPred, tf.mul(yTrue, tf.log(tf.add(yPred, EPSILON))))));
}
