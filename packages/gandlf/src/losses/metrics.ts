import * as tf from '@tensorflow/tfjs';
import { describe, UnknownNameError } from '../errors';
import { categoricalCrossentropy, categoricalHinge } from './categorical';
import { parseSmoothLabels } from './label-smoothing';
import { binaryCrossentropy, binaryCrossentropyFromLogits, hinge, meanSquaredError, squaredHinge, type LossFn } from './losses';
import { kullbackLeiblerDivergence, poisson } from './probabilistic';
import { cosineProximity, logcosh, meanAbsoluteError, meanAbsolutePercentageError, meanSquaredLogarithmicError } from './regression';

/** A metric: a pure function of `(yTrue, yPred)`; its mean is logged. */
export type MetricFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

/** Share of predictions on the right side of 0.5 (Keras `binary_accuracy`). */
export function binaryAccuracy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.cast(tf.equal(tf.greater(yTrue, 0.5), tf.greater(yPred, 0.5)), 'float32')));
}

/**
 * Share of samples whose largest prediction is at the target's largest entry
 * (Keras `categorical_accuracy`), for a softmax head with one-hot targets.
 *
 * @example metrics.categoricalAccuracy(tf.tensor2d([[0, 1], [1, 0]]), tf.tensor2d([[0.3, 0.7], [0.4, 0.6]])) // 0.5
 */
export function categoricalAccuracy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const axis = yPred.rank - 1;
    return tf.mean(tf.cast(tf.equal(tf.argMax(yTrue, axis), tf.argMax(yPred, axis)), 'float32'));
  });
}

/** What `'accuracy'` is picked from: the output's loss and shape (`[batch, ...]`). */
export interface MetricContext {
  /** The output's loss. @default unknown */
  readonly loss?: LossFn;
  /** The output's shape, batch axis first. @default unknown: `'accuracy'` is binary */
  readonly outputShape?: readonly (number | null)[];
}

/**
 * Keras's choice for `'accuracy'`: binary accuracy when the output has one
 * unit (or no shape is known) or the loss is binary cross-entropy, categorical
 * accuracy otherwise, e.g. on a softmax head. (Keras's third branch, sparse
 * categorical accuracy, needs class-index targets, which gandlf's per-output
 * target shapes do not take.)
 */
export function accuracyFor({ loss, outputShape }: MetricContext = {}): MetricFn {
  const last = outputShape && outputShape.length > 1 ? outputShape[outputShape.length - 1] : 1;
  return last === 1 || (loss !== undefined && isBinaryLoss(loss)) ? binaryAccuracy : categoricalAccuracy;
}

function isBinaryLoss(loss: LossFn): boolean {
  if (loss === binaryCrossentropy || loss === binaryCrossentropyFromLogits) return true;
  return parseSmoothLabels(loss.name)?.loss === 'binaryCrossentropy';
}

// Every metric once: its log name (Keras's short alias where it has one, else
// its snake_case name), its function (null: `accuracyFor` picks it per
// output), and the other names that resolve to it. Log names resolve too:
// checkpoints store them.
const TABLE: [name: string, fn: MetricFn | null, aliases: string[]][] = [
  ['acc', null, ['accuracy']],
  ['binary_accuracy', binaryAccuracy, ['binaryAccuracy']],
  ['categorical_accuracy', categoricalAccuracy, ['categoricalAccuracy']],
  ['mae', meanAbsoluteError, ['meanAbsoluteError', 'mean_absolute_error', 'MAE']],
  ['mse', meanSquaredError, ['meanSquaredError', 'mean_squared_error', 'MSE']],
  ['mape', meanAbsolutePercentageError, ['meanAbsolutePercentageError', 'mean_absolute_percentage_error', 'MAPE']],
  ['msle', meanSquaredLogarithmicError, ['meanSquaredLogarithmicError', 'mean_squared_logarithmic_error', 'MSLE']],
  ['kld', kullbackLeiblerDivergence, ['kullbackLeiblerDivergence', 'kullback_leibler_divergence', 'kl_divergence', 'KLD']],
  ['binary_crossentropy', binaryCrossentropy, ['binaryCrossentropy']],
  ['categorical_crossentropy', categoricalCrossentropy, ['categoricalCrossentropy']],
  ['hinge', hinge, []],
  ['squared_hinge', squaredHinge, ['squaredHinge']],
  ['categorical_hinge', categoricalHinge, ['categoricalHinge']],
  ['logcosh', logcosh, ['log_cosh']],
  ['poisson', poisson, []],
  ['cosine_proximity', cosineProximity, ['cosineProximity', 'cosine']],
];

const METRICS: Record<string, { name: string; fn: MetricFn | null }> = Object.fromEntries(TABLE.flatMap(([name, fn, aliases]) => [name, ...aliases].map((k) => [k, { name, fn }])));

/** The names `getMetric` knows. */
export function metricNames(): string[] {
  return Object.keys(METRICS);
}

/** A metric given by name or as a function (logged under the function's name). */
export type MetricIdentifier = string | MetricFn;

/**
 * Resolves a metric to its log name and function. Names are gandlf's
 * camelCase ones, Keras's snake_case ones and Keras's aliases (`acc`, `mae`,
 * `mse`, ...); `'accuracy'` and `'acc'` are picked from `context` as Keras
 * picks them (see `accuracyFor`) and logged as `acc`.
 *
 * @example getMetric('accuracy', 'compile', { loss: categoricalCrossentropy, outputShape: [null, 4] }) // categorical accuracy
 *
 * @param where Names the caller and argument for the error message.
 * @param context The output's loss and shape, for `'accuracy'`.
 */
export function getMetric(id: MetricIdentifier, where: string, context: MetricContext = {}): { name: string; fn: MetricFn } {
  if (typeof id === 'function') return { name: id.name || 'metric', fn: id };
  if (typeof id === 'string' && Object.prototype.hasOwnProperty.call(METRICS, id)) {
    const { name, fn } = METRICS[id]!;
    return { name, fn: fn ?? accuracyFor(context) };
  }
  throw new UnknownNameError(`Unknown metric in ${where}. Expected a function or one of: ${Object.keys(METRICS).join(', ')}. Received: ${describe(id)}`);
}
