import type { Model } from 'gandlf';

/**
 * Frees a gandlf Model's weights and optimizer state. `LayersModel.dispose()`
 * is not enough: the Model's player models use the two networks as layers,
 * which holds their reference counts above zero, so the weights are freed
 * one by one.
 */
export function disposeModel(model: Model): void {
  try {
    for (const p of model.adversarial.getPlayers()) p.optimizer.dispose();
  } catch {
    // not compiled: no optimizers to free
  }
  // The generator's moving average, where the model keeps one (compile({ ema })).
  (model as { ema?: { dispose(): void } | null }).ema?.dispose();
  for (const w of new Set([...model.generator.weights, ...model.discriminator.weights])) {
    try {
      w.dispose();
    } catch {
      // already disposed
    }
  }
}
