import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError } from '../errors';

/** The base loss of a relativistic average GAN: cross-entropy on logits, least squares or hinge. */
export type RelativisticKind = 'bce' | 'lsgan' | 'hinge';

const KINDS: readonly RelativisticKind[] = ['bce', 'lsgan', 'hinge'];

/** `ℓ(r, +1)` and `ℓ(r, -1)`: the loss of relative score `r` when it should be high or low. */
const BASE: Record<RelativisticKind, { high: (r: tf.Tensor) => tf.Tensor; low: (r: tf.Tensor) => tf.Tensor }> = {
  bce: { high: (r) => tf.softplus(tf.neg(r)), low: (r) => tf.softplus(r) },
  lsgan: { high: (r) => tf.square(tf.sub(r, 1)), low: (r) => tf.square(tf.add(r, 1)) },
  hinge: { high: (r) => tf.relu(tf.sub(1, r)), low: (r) => tf.relu(tf.add(1, r)) },
};

function relative(dx: tf.Tensor, dgz: tf.Tensor): { real: tf.Tensor; fake: tf.Tensor } {
  return { real: tf.sub(dx, tf.mean(dgz)), fake: tf.sub(dgz, tf.mean(dx)) };
}

/** Throws `InvalidArgumentError` unless `kind` is a `RelativisticKind`, naming `fn`. */
export function checkKind(kind: unknown, fn: string): RelativisticKind {
  if (!KINDS.includes(kind as RelativisticKind)) {
    throw new InvalidArgumentError(`Argument 'kind' passed to '${fn}' must be one of ${describe(KINDS)}. Received: kind=${describe(kind)}`);
  }
  return kind as RelativisticKind;
}

/**
 * The relativistic average discriminator loss (Jolicoeur-Martineau 2018) on
 * critic scores (logits) of real data `dx` and generated data `dgz`: real
 * data should score above the average fake, fakes below the average real.
 * With `r = dx - mean(dgz)` and `f = dgz - mean(dx)`, it is
 * `(mean ℓ(r, +1) + mean ℓ(f, -1)) / 2`, halved as in the author's code.
 *
 * @example losses.relativisticAverageDiscriminatorLoss(tf.tensor([2, 0]), tf.tensor([-1, 1]), 'hinge') // 0.5
 */
export function relativisticAverageDiscriminatorLoss(dx: tf.Tensor, dgz: tf.Tensor, kind: RelativisticKind = 'bce'): tf.Scalar {
  const base = BASE[checkKind(kind, 'relativisticAverageDiscriminatorLoss')];
  return tf.tidy(() => {
    const { real, fake } = relative(dx, dgz);
    return tf.mul(tf.add(tf.mean(base.high(real)), tf.mean(base.low(fake))), 0.5) as tf.Scalar;
  });
}

/**
 * The relativistic average generator loss: the discriminator loss with the
 * roles of real and generated data swapped,
 * `(mean ℓ(f, +1) + mean ℓ(r, -1)) / 2`. Unlike the usual generator loss it
 * also depends on real data, through `mean(dx)` and `r`.
 */
export function relativisticAverageGeneratorLoss(dx: tf.Tensor, dgz: tf.Tensor, kind: RelativisticKind = 'bce'): tf.Scalar {
  const base = BASE[checkKind(kind, 'relativisticAverageGeneratorLoss')];
  return tf.tidy(() => {
    const { real, fake } = relative(dx, dgz);
    return tf.mul(tf.add(tf.mean(base.high(fake)), tf.mean(base.low(real))), 0.5) as tf.Scalar;
  });
}
