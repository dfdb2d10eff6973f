import * as tf from '@tensorflow/tfjs';
import type { Player } from './player';

/** An in-memory copy of every weight and optimizer slot, for rolling back. */
export interface Snapshot {
  readonly step: number;
  restore(): Promise<void>;
  dispose(): void;
}

/**
 * Copies the models' weights (trainable or not) and every player's optimizer
 * state. Restoring puts them back in place; the variables stay the same objects.
 */
export async function takeSnapshot(models: readonly tf.LayersModel[], players: readonly Player[], step: number): Promise<Snapshot> {
  const vars = new Map<string, tf.Variable>();
  for (const m of models) for (const w of m.weights) vars.set((w.read() as tf.Variable).name, w.read() as tf.Variable);
  const weights = [...vars.values()].map((v) => [v, tf.clone(v)] as const);
  const optimizers = await Promise.all(players.map(async (p) => (await p.optimizer.getWeights()).map((w, k) => ({ name: w.name, tensor: k === 0 ? w.tensor : tf.clone(w.tensor) }))));
  return {
    step,
    async restore() {
      for (const [v, saved] of weights) v.assign(saved);
      for (const [i, p] of players.entries()) {
        const live = await p.optimizer.getWeights();
        // setWeights makes new slot variables (sharing the saved data until the
        // next update replaces it); the old slot variables are freed here.
        await p.optimizer.setWeights(optimizers[i]!);
        tf.dispose(live.map((w) => w.tensor));
      }
    },
    dispose() {
      tf.dispose(weights.map(([, t]) => t));
      tf.dispose(optimizers.flat().map((w) => w.tensor));
    },
  };
}
