// `gandlf.train`: tf.Optimizer helpers, beside `tf.train`'s optimizers.
export { clipWeights } from '../optim/weight-clipping';
export type { ClipWeightsOptions, WeightClipping } from '../optim/weight-clipping';
export { optimizerNames } from '../optim/get-optimizer';
export type { OptimizerIdentifier } from '../optim/get-optimizer';
export { ExponentialMovingAverage } from '../model/ema';
export type { EmaOptions } from '../model/ema';
