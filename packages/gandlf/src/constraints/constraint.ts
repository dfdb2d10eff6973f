import * as tf from '@tensorflow/tfjs';

/** A tfjs weight constraint (`tf.constraints.*`): a projection applied to a weight after an update. */
export type Constraint = ReturnType<typeof tf.constraints.nonNeg>;

/**
 * tfjs's abstract `Constraint` class, which `@tensorflow/tfjs` uses but does
 * not export. Layers accept a constraint only if it is an instance of this
 * very class (`getConstraint` checks `instanceof`), so subclasses must extend
 * the one inside the loaded tfjs bundle; a deep import could load a second copy.
 */
export const ConstraintBase = Object.getPrototypeOf(tf.constraints.nonNeg().constructor) as abstract new () => Constraint;
