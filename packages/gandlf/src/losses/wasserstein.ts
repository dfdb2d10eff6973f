import * as tf from '@tensorflow/tfjs';

/**
 * The Wasserstein (WGAN) loss `mean(y * p)` on an unbounded critic score `p`
 * (Arjovsky et al. 2017), with targets in {-1, 1}: target 1 pushes the score
 * down, target -1 pushes it up.
 *
 * In a gandlf `Model`, use the same targets as with cross-entropy, with -1 in
 * place of 0: `fit(['normal', x], [-1, 1])` has the critic lower its score on
 * generated data (target 1) and raise it on real data (target -1), and the
 * generator raise the critic's score on its samples (target -1). The critic's
 * loss is then `mean(D(G(z))) - mean(D(x))`, the negative of its estimate of
 * the Wasserstein distance. The critic must be kept Lipschitz: add
 * `penalties.gradientPenalty()` or clip its weights with `train.clipWeights`.
 *
 * @example
 * model.compile({ loss: 'wasserstein', penalties: { discriminator: [penalties.gradientPenalty({ weight: 10 })] } });
 * await model.fit(['normal', x], [-1, 1]);
 */
export function wasserstein(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.mul(yTrue, yPred)));
}
