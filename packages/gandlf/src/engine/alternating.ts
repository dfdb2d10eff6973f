import type * as tf from '@tensorflow/tfjs';
import { resolveSteps, type AdversarialOptimizer, type PlayerSteps, type StepContext } from './adversarial-optimizer';
import { checkOptions, optionKeys } from '../options';
import { registerAdversarialOptimizer } from './registry';

/** Options of {@link Alternating}. */
export interface AlternatingOptions {
  /**
   * Update players from last to first instead of first to last.
   * @default false
   */
  reverse?: boolean;
  /**
   * Updates per player on each batch, by player name, for n-critic training
   * (`{ discriminator: 5 }`). The repeats reuse the batch; for a fresh batch
   * per critic step, use `Scheduled`.
   * @default 1 for every player
   */
  steps?: PlayerSteps;
}

const ALTERNATING_KEYS = optionKeys<AlternatingOptions>()({ reverse: true, steps: true });

/**
 * Players update in turn on each batch; each sees the parameters the others
 * have just updated.
 *
 * @example new Alternating({ steps: { discriminator: 5, generator: 1 } })
 */
export class Alternating implements AdversarialOptimizer {
  static {
    registerAdversarialOptimizer('Alternating', (c) => new Alternating(c));
  }

  readonly className: string = 'Alternating';
  readonly reverse: boolean;
  readonly steps: PlayerSteps;
  private counts: number[] = [];

  constructor(options: AlternatingOptions = {}) {
    const { reverse = false, steps = {} } = checkOptions(options, ALTERNATING_KEYS, 'Alternating');
    this.reverse = reverse;
    this.steps = { ...steps };
  }

  bind(playerNames: readonly string[]): void {
    this.counts = resolveSteps(this.steps, playerNames, 'Alternating');
  }

  async step({ players, batch }: StepContext): Promise<tf.Tensor1D[]> {
    const order = players.map((_, i) => i);
    if (this.reverse) order.reverse();
    const values: tf.Tensor1D[] = [];
    for (const i of order) {
      const p = players[i]!;
      for (let k = 0; k < (this.counts[i] ?? 1); k++) {
        const ev = p.gradients(batch);
        p.apply(ev.grads!);
        values[i]?.dispose();
        values[i] = ev.values;
      }
    }
    return values;
  }

  getConfig(): Record<string, unknown> {
    return { reverse: this.reverse, steps: { ...this.steps } };
  }
}
