import * as tf from '@tensorflow/tfjs';

// Keras's K.epsilon(): divisors and logs are clipped by it.
const EPSILON = 1e-7;

// Each loss below is Keras 2's `keras/losses.py` function: a value per sample
// from the last axis, then (as Keras's training loop does) the mean over the
// batch. For element-wise terms that is the mean over every element.

/**
 * Mean absolute error `mean(|y - p|)` (Keras `mae`).
 *
 * @example losses.meanAbsoluteError(tf.tensor2d([[1, 2]]), tf.tensor2d([[2, 4]])) // 1.5
 */
export function meanAbsoluteError(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.abs(tf.sub(yTrue, yPred))));
}

/**
 * Mean absolute percentage error `100 mean(|y - p| / max(|y|, 1e-7))` (Keras `mape`).
 *
 * @example losses.meanAbsolutePercentageError(tf.tensor2d([[2, 4]]), tf.tensor2d([[1, 5]])) // 37.5
 */
export function meanAbsolutePercentageError(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const scale = tf.maximum(tf.abs(yTrue), EPSILON);
    return tf.mul(100, tf.mean(tf.abs(tf.div(tf.sub(yTrue, yPred), scale)))) as tf.Scalar;
  });
}

/**
 * Mean squared logarithmic error `mean((log(1 + p) - log(1 + y))^2)`, with
 * `y` and `p` clipped below at 1e-7 (Keras `msle`).
 *
 * @example losses.meanSquaredLogarithmicError(tf.tensor2d([[0]]), tf.tensor2d([[Math.E - 1]])) // 1
 */
export function meanSquaredLogarithmicError(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const logP = tf.log1p(tf.maximum(yPred, EPSILON));
    const logY = tf.log1p(tf.maximum(yTrue, EPSILON));
    return tf.mean(tf.squaredDifference(logP, logY));
  });
}

/**
 * `mean(log cosh(p - y))`, computed as Keras does as `x + softplus(-2x) - log 2`
 * so that large errors do not overflow: about `x^2 / 2` for small errors and
 * `|x| - log 2` for large ones.
 *
 * @example losses.logcosh(tf.tensor2d([[0]]), tf.tensor2d([[1]])) // log(cosh(1)) = 0.4338
 */
export function logcosh(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const x = tf.sub(yPred, yTrue);
    return tf.mean(tf.sub(tf.add(x, tf.softplus(tf.mul(-2, x))), Math.log(2)));
  });
}

/**
 * Keras 2's `cosine_proximity`: minus the cosine similarity of `y` and `p`
 * along the last axis, averaged over the batch. It is -1 when they point the
 * same way.
 *
 * @example losses.cosineProximity(tf.tensor2d([[1, 0]]), tf.tensor2d([[1, 1]])) // -1 / sqrt 2
 */
export function cosineProximity(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const axis = yPred.rank - 1;
    // tf.nn.l2_normalize: x / sqrt(max(Σ x^2, 1e-12)).
    const unit = (t: tf.Tensor) => tf.div(t, tf.sqrt(tf.maximum(tf.sum(tf.square(t), axis, true), 1e-12)));
    return tf.neg(tf.mean(tf.sum(tf.mul(unit(yTrue), unit(yPred)), axis))) as tf.Scalar;
  });
}
