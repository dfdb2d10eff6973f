import * as tf from '@tensorflow/tfjs';

/**
 * A loss: a pure function of the targets and the predictions that returns a
 * scalar, averaged over every element (as Keras averages over the batch).
 */
export type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar;

// Keras clips probabilities by 1e-7 before taking logs; so do we, so that
// a saturated discriminator gives a large finite loss instead of Infinity.
const EPSILON = 1e-7;

/**
 * Binary cross-entropy on probabilities: `-mean(y log p + (1 - y) log(1 - p))`.
 *
 * @example losses.binaryCrossentropy(tf.tensor([1, 0]), tf.tensor([0.9, 0.2])) // 0.1643
 */
export function binaryCrossentropy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy((): tf.Scalar => {
    const p = tf.clipByValue(yPred, EPSILON, 1 - EPSILON);
    const ll = tf.add(tf.mul(yTrue, tf.log(p)), tf.mul(tf.sub(1, yTrue), tf.log(tf.sub(1, p))));
    return tf.neg(tf.mean(ll) as tf.Scalar);
  });
}

/**
 * Binary cross-entropy on logits, in the numerically stable form
 * `max(x, 0) - x y + log(1 + exp(-|x|))`.
 *
 * @example losses.binaryCrossentropyFromLogits(tf.tensor([1]), tf.tensor([0])) // log 2
 */
export function binaryCrossentropyFromLogits(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const x = yPred;
    const terms = tf.add(tf.sub(tf.relu(x), tf.mul(x, yTrue)), tf.log1p(tf.exp(tf.neg(tf.abs(x)))));
    return tf.mean(terms);
  });
}

/** Mean squared error: `mean((y - p)^2)`. The loss of LSGAN. */
export function meanSquaredError(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.squaredDifference(yTrue, yPred)));
}

/** Hinge loss `mean(max(1 - y p, 0))`, with targets in {-1, 1} (see `ganTargetsHinge`). */
export function hinge(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.relu(tf.sub(1, tf.mul(yTrue, yPred)))));
}

/** Squared hinge loss `mean(max(1 - y p, 0)^2)`, with targets in {-1, 1}. */
export function squaredHinge(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.square(tf.relu(tf.sub(1, tf.mul(yTrue, yPred))))));
}

/**
 * gandlf's `negative_binary_crossentropy`: `mean((1 - y) log p + y log(1 - p))`,
 * the negative of the cross-entropy against the flipped target `1 - y`. A
 * generator trained on target 1 with it minimises `log(1 - D(G(z)))`, the
 * original minimax objective, instead of maximising `log D(G(z))`.
 *
 * @example losses.negativeBinaryCrossentropy(tf.tensor([1]), tf.tensor([0.25])) // log(0.75)
 */
export function negativeBinaryCrossentropy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy((): tf.Scalar => tf.neg(binaryCrossentropy(tf.sub(1, yTrue), yPred)));
}

/**
 * `-mean(p)`: the player drives the output up. Targets are ignored, so a
 * zero-sum game on one output reads `[{ loss: 'minimize' }, { loss: 'maximize' }]`.
 */
export function maximize(_yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.mean(yPred) as tf.Scalar));
}

/** `mean(p)`: the player drives the output down. Targets are ignored. */
export function minimize(_yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(yPred));
}
