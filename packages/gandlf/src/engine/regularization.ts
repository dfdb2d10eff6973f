import * as tf from '@tensorflow/tfjs';

/** A layer's loss terms: what `kernelRegularizer` and `biasRegularizer` add through `addLoss`. */
export type RegularizationTerm = () => tf.Scalar;

/**
 * The regularization terms a player adds to its loss, as Keras adds a model's
 * `losses`: those of every layer in `model` (nested models and wrapped layers
 * included) whose trainable weights are among `variables`. Each layer counts
 * once, however often the model calls it (tfjs's `calculateLosses` counts a
 * network once per call, so a discriminator that scores real and fake data
 * would count twice), and only for the player that owns its weights.
 */
export function ownedRegularization(model: tf.LayersModel, variables: readonly tf.Variable[]): RegularizationTerm[] {
  const owned = new Set<tf.Variable>(variables);
  const seen = new Set<tf.layers.Layer>();
  const terms: RegularizationTerm[] = [];
  const visit = (layer: tf.layers.Layer): void => {
    if (seen.has(layer)) return;
    seen.add(layer);
    const losses = layer.losses as unknown as RegularizationTerm[];
    if (losses.length > 0 && layer.trainableWeights.some((w) => owned.has(w.read() as tf.Variable))) terms.push(...losses);
    // Containers keep their layers' terms on the layers; wrappers (gandlf's and
    // tfjs's) on the wrapped layer.
    if (layer instanceof tf.LayersModel) for (const l of layer.layers) visit(l);
    const inner = (layer as { layer?: unknown }).layer;
    if (inner instanceof tf.layers.Layer) visit(inner);
  };
  visit(model);
  return terms;
}
