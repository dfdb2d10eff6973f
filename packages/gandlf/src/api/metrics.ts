// `gandlf.metrics`: metric functions of `(yTrue, yPred)`, as `tf.metrics`.
// `compile({ metrics })` also takes their names (`'accuracy'`, `'acc'`, ...).
export { accuracyFor, binaryAccuracy, categoricalAccuracy, metricNames } from '../losses/metrics';
export type { MetricContext, MetricFn, MetricIdentifier } from '../losses/metrics';
