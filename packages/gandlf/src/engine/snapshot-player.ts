import * as tf from '@tensorflow/tfjs';
import { cloneOptimizer } from '../optim/get-optimizer';
import type { Player } from './player';

/** A player's optimizer copied for a look-ahead, and the way back. */
export interface Snapshot {
  /** A copy of the player's optimizer, used for the look-ahead steps. */
  readonly shadow: tf.Optimizer;
  /** Puts the player's variables back and frees the copies. */
  restore(p: Player): void;
}

/**
 * Copies a player's variables, and its optimizer into a shadow optimizer of the
 * same class and state, so the look-ahead never touches the real one.
 */
export async function snapshotPlayer(p: Player): Promise<Snapshot> {
  const saved = p.variables.map((v) => tf.clone(v));
  const shadow = cloneOptimizer(p.optimizer);
  const weights = await p.optimizer.getWeights();
  await shadow.setWeights(weights);
  // getWeights returns the live slot variables plus a fresh iteration scalar.
  weights[0]?.tensor.dispose();
  return {
    shadow,
    restore(player: Player) {
      player.variables.forEach((v, i) => v.assign(saved[i]!));
      tf.dispose(saved);
      shadow.dispose();
    },
  };
}
