import * as tf from '@tensorflow/tfjs';

/** A weight and the constraint its layer declared (`kernelConstraint`, `biasConstraint`, ...). */
export interface ConstrainedWeight {
  readonly variable: tf.Variable;
  readonly constraint: { apply(w: tf.Tensor): tf.Tensor };
}

/**
 * The constrained weights among a player's `variables`. Keras projects each
 * weight through its constraint after every optimizer update; tfjs 4.22's
 * optimizers write variables directly and never do (tfjs issue 3345), so the
 * player applies them itself (see `Player.apply`).
 */
export function ownedConstraints(model: tf.LayersModel, variables: readonly tf.Variable[]): ConstrainedWeight[] {
  const owned = new Set<tf.Variable>(variables);
  const seen = new Set<tf.Variable>();
  const out: ConstrainedWeight[] = [];
  for (const w of model.weights) {
    const variable = w.read() as tf.Variable;
    if (w.constraint == null || !owned.has(variable) || seen.has(variable)) continue;
    seen.add(variable);
    out.push({ variable, constraint: w.constraint });
  }
  return out;
}

/** Projects each weight through its constraint, in place. */
export function projectConstraints(weights: readonly ConstrainedWeight[]): void {
  if (weights.length === 0) return;
  tf.tidy(() => {
    for (const { variable, constraint } of weights) variable.assign(constraint.apply(variable));
  });
}
