import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError } from '../errors';
import type { LossFn } from './losses';

/**
 * `loss` with its targets pulled towards 0.5 by `amount` and named `name`;
 * `smoothLabels` (in the registry, which resolves names) is the public form.
 */
export function withSmoothedTargets(loss: LossFn, amount: number, name: string): LossFn {
  if (typeof amount !== 'number' || !(amount >= 0 && amount < 0.5)) {
    throw new InvalidArgumentError(`Argument 'amount' passed to 'smoothLabels' must be a number in [0, 0.5). Received: amount=${describe(amount)}`);
  }
  const smoothed: LossFn = (yTrue, yPred) => tf.tidy(() => loss(tf.add(tf.mul(yTrue, 1 - 2 * amount), amount), yPred));
  Object.defineProperty(smoothed, 'name', { value: `smoothLabels(${name},${amount})` });
  return smoothed;
}

/** Reads `smoothLabels(name,amount)`; undefined for other names. */
export function parseSmoothLabels(name: string): { loss: string; amount: number } | undefined {
  const m = /^smoothLabels\((\w+),([0-9.eE+-]+)\)$/.exec(name);
  return m ? { loss: m[1]!, amount: Number(m[2]) } : undefined;
}
