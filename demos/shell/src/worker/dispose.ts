import type { Model } from 'gandlf';

/**
 * Frees a gandlf Model's weights and optimizer state. The player models share
 * the two networks' layers, so only the networks themselves are disposed.
 */
export function disposeModel(model: Model): void {
  try {
    for (const p of model.adversarial.getPlayers()) p.optimizer.dispose();
  } catch {
    // not compiled: no optimizers to free
  }
  for (const net of [model.generator, model.discriminator]) {
    try {
      net.dispose();
    } catch {
      // already disposed
    }
  }
}
