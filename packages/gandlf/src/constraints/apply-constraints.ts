import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError } from '../errors';

/**
 * Projects every weight of a model or layer that has a constraint
 * (`kernelConstraint`, `biasConstraint`, ...) through it, in place.
 *
 * tfjs 4.22 applies a constraint only when a weight is written through its
 * layer (`setWeights`); its optimizer steps write the variables directly and
 * leave it out (tfjs issue 3345). gandlf's players project their weights after
 * every update, as Keras does; call this after each step of your own loop or
 * of tfjs's `model.fit`.
 *
 * @example
 * await model.fit(x, y, { callbacks: { onBatchEnd: async () => constraints.applyConstraints(model) } });
 *
 * @param target A tfjs model or layer; wrapped layers' weights count.
 * @returns How many weights were projected.
 */
export function applyConstraints(target: tf.layers.Layer): number {
  if (!(target instanceof tf.layers.Layer)) {
    throw new InvalidArgumentError(`Argument 'target' passed to 'applyConstraints' must be a tfjs model or layer. Received: target=${describe(target)}`);
  }
  const constrained = target.weights.filter((w) => w.constraint != null);
  tf.tidy(() => {
    for (const w of constrained) (w.read() as tf.Variable).assign(w.constraint.apply(w.read()));
  });
  return constrained.length;
}
