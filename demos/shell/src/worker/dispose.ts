import type * as tf from '@tensorflow/tfjs';
import type { AdversarialModel, Model } from 'gandlf';

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

/**
 * Frees an AdversarialModel's optimizer states and the weights of its networks
 * (pass every network of the game: its base model holds them as layers, so
 * `dispose()` would free none of them).
 */
export function disposeAdversarialModel(model: AdversarialModel, networks: readonly tf.LayersModel[]): void {
  try {
    for (const p of model.getPlayers()) p.optimizer.dispose();
  } catch {
    // not compiled: no optimizers to free
  }
  for (const w of new Set([...networks, ...model.playerModels].flatMap((m) => m.weights))) {
    try {
      w.dispose();
    } catch {
      // already disposed
    }
  }
}
