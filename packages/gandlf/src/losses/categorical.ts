import * as tf from '@tensorflow/tfjs';

// As in Keras: probabilities are clipped before the log, so a saturated
// classifier gives a large finite loss instead of Infinity.
const EPSILON = 1e-7;

/**
 * Categorical cross-entropy on probabilities (a softmax output) against
 * one-hot targets: `-mean over samples of Σ_k y_k log p_k`. The auxiliary
 * classifier loss of ACGAN (Odena et al. 2017); predictions are renormalised
 * to sum to 1 over the last axis, as Keras does.
 *
 * @example losses.categoricalCrossentropy(tf.tensor2d([[0, 1]]), tf.tensor2d([[0.2, 0.8]])) // -log 0.8
 */
export function categoricalCrossentropy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const axis = yPred.rank - 1;
    const p = tf.clipByValue(tf.div(yPred, tf.sum(yPred, axis, true)), EPSILON, 1 - EPSILON);
    return tf.neg(tf.mean(tf.sum(tf.mul(yTrue, tf.log(p)), axis))) as tf.Scalar;
  });
}

/**
 * Keras's `categorical_hinge` on one-hot targets: `max(0, 1 + max_{k≠c} p_k - p_c)`
 * per sample (`c` the true class), averaged over the batch.
 *
 * @example losses.categoricalHinge(tf.tensor2d([[0, 1]]), tf.tensor2d([[0.3, 0.7]])) // 0.6
 */
export function categoricalHinge(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const axis = yPred.rank - 1;
    const pos = tf.sum(tf.mul(yTrue, yPred), axis);
    const neg = tf.max(tf.mul(tf.sub(1, yTrue), yPred), axis);
    return tf.mean(tf.relu(tf.add(tf.sub(neg, pos), 1))) as tf.Scalar;
  });
}
