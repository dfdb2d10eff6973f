import * as tf from '@tensorflow/tfjs';
import type { Player } from './player';
import { describe, InvalidArgumentError } from '../errors';
import { checkOptions, optionKeys } from '../options';
import { playerIndex, type AdversarialOptimizer, type StepContext } from './adversarial-optimizer';
import { registerAdversarialOptimizer } from './registry';
import { snapshotPlayer } from './snapshot-player';

/** Options of {@link Unrolled}. */
export interface UnrolledOptions {
  /**
   * How many steps ahead the other players are unrolled. `0` is `Simultaneous`.
   * @default 5
   */
  depth?: number;
  /**
   * The player that looks ahead (the generator in a GAN), by name or index.
   * @default the first player
   */
  player?: string | number;
}

const UNROLLED_KEYS = optionKeys<UnrolledOptions>()({ depth: true, player: true });

/**
 * Unrolled GAN (Metz et al., 2017): the look-ahead player takes its gradient
 * against the other players as they will be `depth` steps ahead.
 *
 * Each step: take every other player's gradient at the current parameters;
 * snapshot their weights and optimizer state; take `depth` steps with them
 * (the first uses the gradients just taken); take the look-ahead player's
 * gradient there; restore the snapshot; then apply everyone's gradients.
 *
 * Gradients do not flow through the unrolled steps: this is the first-order
 * form, which drops the term through the others' updates (the paper's
 * "surrogate" without back-propagation through the unrolling).
 *
 * @example new Unrolled({ depth: 5 })
 */
export class Unrolled implements AdversarialOptimizer {
  static {
    registerAdversarialOptimizer('Unrolled', (c) => new Unrolled(c));
  }

  readonly className: string = 'Unrolled';
  readonly depth: number;
  readonly player: string | number;
  private lookahead = 0;

  constructor(options: UnrolledOptions = {}) {
    const { depth = 5, player = 0 } = checkOptions(options, UNROLLED_KEYS, 'Unrolled');
    if (!Number.isInteger(depth) || depth < 0) {
      throw new InvalidArgumentError(`Argument 'depth' passed to 'Unrolled' must be a non-negative integer. Received: depth=${describe(depth)}`);
    }
    this.depth = depth;
    this.player = player;
  }

  bind(playerNames: readonly string[]): void {
    this.lookahead = playerIndex(this.player, playerNames, "Unrolled option 'player'");
  }

  async step({ players, batch }: StepContext): Promise<tf.Tensor1D[]> {
    const me = players[this.lookahead]!;
    const others = players.filter((p) => p !== me);
    const evals = others.map((p) => p.gradients(batch));
    let mine;
    if (this.depth === 0) {
      mine = me.gradients(batch);
    } else {
      const snapshots = await Promise.all(others.map((p) => snapshotPlayer(p)));
      try {
        for (let k = 0; k < this.depth; k++) {
          others.forEach((_, j) => {
            const grads = k === 0 ? evals[j]!.grads!.map((g) => g.clone()) : unrollGrads(others[j]!, batch);
            snapshots[j]!.shadow.applyGradients(others[j]!.variables.map((v, n) => ({ name: v.name, tensor: grads[n]! })));
            tf.dispose(grads);
          });
        }
        mine = me.gradients(batch);
      } finally {
        snapshots.forEach((s, j) => s.restore(others[j]!));
      }
    }
    others.forEach((p, j) => p.apply(evals[j]!.grads!));
    me.apply(mine.grads!);
    const values: tf.Tensor1D[] = [];
    others.forEach((p, j) => (values[p.index] = evals[j]!.values));
    values[me.index] = mine.values;
    return values;
  }

  getConfig(): Record<string, unknown> {
    return { depth: this.depth, player: this.player };
  }
}

function unrollGrads(p: Player, batch: StepContext['batch']): tf.Tensor[] {
  const ev = p.gradients(batch);
  ev.values.dispose();
  return ev.grads!;
}
