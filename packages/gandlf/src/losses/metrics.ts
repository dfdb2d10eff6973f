import * as tf from '@tensorflow/tfjs';
import { describe, UnknownNameError } from '../errors';

/** A metric: a pure function of `(yTrue, yPred)`; its mean is logged. */
export type MetricFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

/** Share of predictions on the right side of 0.5 (`acc` in Keras logs). */
export function binaryAccuracy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.cast(tf.equal(tf.greater(yTrue, 0.5), tf.greater(yPred, 0.5)), 'float32')));
}

/** Mean absolute error. */
export function meanAbsoluteError(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.abs(tf.sub(yTrue, yPred))));
}

const METRICS: Record<string, { name: string; fn: MetricFn }> = {
  accuracy: { name: 'acc', fn: binaryAccuracy },
  acc: { name: 'acc', fn: binaryAccuracy },
  binaryAccuracy: { name: 'acc', fn: binaryAccuracy },
  meanAbsoluteError: { name: 'mae', fn: meanAbsoluteError },
  mae: { name: 'mae', fn: meanAbsoluteError },
};

/** A metric given by name or as a function (logged under the function's name). */
export type MetricIdentifier = string | MetricFn;

/** Resolves a metric to its log name and function. */
export function getMetric(id: MetricIdentifier, where: string): { name: string; fn: MetricFn } {
  if (typeof id === 'function') return { name: id.name || 'metric', fn: id };
  if (typeof id === 'string' && Object.prototype.hasOwnProperty.call(METRICS, id)) return METRICS[id]!;
  throw new UnknownNameError(
    `Unknown metric in ${where}. Expected a function or one of: ${Object.keys(METRICS).join(', ')}. Received: ${describe(id)}`,
  );
}
