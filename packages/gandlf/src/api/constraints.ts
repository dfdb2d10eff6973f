// `gandlf.constraints`: weight constraints, as `tf.constraints`. Each is a
// tfjs Constraint, registered for serialisation:
// `tf.layers.dense({ units, kernelConstraint: new constraints.MaxValue({ c: 0.01 }) })`.
export { applyConstraints } from '../constraints/apply-constraints';
export type { Constraint } from '../constraints/constraint';
export { MaxValue } from '../constraints/max-value';
export type { MaxValueArgs } from '../constraints/max-value';
