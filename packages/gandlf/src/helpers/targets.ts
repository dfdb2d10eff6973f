import * as tf from '@tensorflow/tfjs';
import { assertPositiveInt, describe, InvalidArgumentError } from '../errors';
import type { Random } from '../random';

/**
 * GAN targets for `buildGan` models, player-major:
 * `[generator_yFake=1, generator_yReal=0, discriminator_yFake=0, discriminator_yReal=1]`,
 * each of shape `[n, 1]`. Use with a cross-entropy loss.
 */
export function ganTargets(n: number): tf.Tensor2D[] {
  assertPositiveInt(n, 'n', 'ganTargets');
  return [1, 0, 0, 1].map((v) => tf.fill([n, 1], v) as tf.Tensor2D);
}

/** Hinge targets `[1, -1, -1, 1]`, in the order of `ganTargets`. Use with `hinge` or `squaredHinge`. */
export function ganTargetsHinge(n: number): tf.Tensor2D[] {
  assertPositiveInt(n, 'n', 'ganTargetsHinge');
  return [1, -1, -1, 1].map((v) => tf.fill([n, 1], v) as tf.Tensor2D);
}

/** `n` rows of `x` picked at random without replacement. @example helpers.nChoice(xTrain, 64) */
export function nChoice(x: tf.Tensor, n: number, random?: Random): tf.Tensor {
  assertPositiveInt(n, 'n', 'nChoice');
  const rows = x.shape[0] ?? 0;
  if (n > rows) {
    throw new InvalidArgumentError(`Argument 'n' passed to 'nChoice' must not exceed the rows of x (${rows}). Received: n=${describe(n)}`);
  }
  const order = Array.from({ length: rows }, (_, i) => i);
  const rand = () => (random ? random.next() : Math.random());
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (rows - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return tf.tidy(() => tf.gather(x, tf.tensor1d(order.slice(0, n), 'int32')));
}
