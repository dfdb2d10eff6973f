// `gandlf.train`: tf.Optimizer helpers, beside `tf.train`'s optimizers, and Keras 2's
// optimizers with their learning-rate decay (`adam`, `sgd`, `rmsprop`).
export { clipWeights } from '../optim/weight-clipping';
export type { ClipWeightsOptions, WeightClipping } from '../optim/weight-clipping';
export { optimizerNames } from '../optim/get-optimizer';
export type { OptimizerIdentifier } from '../optim/get-optimizer';
export { ExponentialMovingAverage } from '../model/ema';
export type { EmaOptions } from '../model/ema';
export { adamOptimizer } from '../optim/adam-optimizer';
export type { AdamOptimizerOptions } from '../optim/adam-optimizer';
export { adam } from '../optim/keras-adam';
export type { AdamOptions, KerasAdam } from '../optim/keras-adam';
export { sgd } from '../optim/keras-sgd';
export type { SgdOptions, KerasSGD } from '../optim/keras-sgd';
export { rmsprop } from '../optim/keras-rmsprop';
export type { RmspropOptions, KerasRMSprop } from '../optim/keras-rmsprop';
export type { KerasOptimizer } from '../optim/keras-optimizer';
