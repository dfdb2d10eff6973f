// `gandlf.losses`: loss functions of `(yTrue, yPred)`, as `tf.losses` (and
// Keras's `keras.losses`). `compile({ loss })` also takes their names.
export { binaryCrossentropy, binaryCrossentropyFromLogits, hinge, maximize, meanSquaredError, minimize, negativeBinaryCrossentropy, squaredHinge } from '../losses/losses';
export type { LossFn } from '../losses/losses';
export { categoricalCrossentropy, categoricalHinge } from '../losses/categorical';
export { rbfMomentMatching } from '../losses/moment-matching';
export type { RbfMomentMatchingOptions } from '../losses/moment-matching';
export { kullbackLeiblerDivergence, poisson } from '../losses/probabilistic';
export { cosineProximity, logcosh, meanAbsoluteError, meanAbsolutePercentageError, meanSquaredLogarithmicError } from '../losses/regression';
export { relativisticAverageDiscriminatorLoss, relativisticAverageGeneratorLoss } from '../losses/relativistic';
export type { RelativisticKind } from '../losses/relativistic';
export { wasserstein } from '../losses/wasserstein';
export { lossNames, smoothLabels } from '../losses/registry';
export type { LossIdentifier } from '../losses/registry';
