import type * as tf from '@tensorflow/tfjs';
import type { Batch, Player } from './player';
import { describe, InvalidArgumentError } from '../errors';

/** What an adversarial optimizer sees of one training step. */
export interface StepContext {
  /** The players, in `playerNames` order. */
  readonly players: readonly Player[];
  /** The batch for this step. */
  readonly batch: Batch;
  /** Index of this step since training began (0 for the first batch ever). */
  readonly step: number;
}

/**
 * Decides who updates when. One call to `step` trains on one batch and
 * returns, per player, the values that `Player.gradients`/`evaluate` produced
 * (the caller owns and frees them).
 */
export interface AdversarialOptimizer {
  /** The name written in configs and checkpoints, e.g. `'Alternating'`. */
  readonly className: string;
  /** Validates options that name players; called by `compile`. */
  bind(playerNames: readonly string[]): void;
  step(ctx: StepContext): Promise<tf.Tensor1D[]>;
  /**
   * Every player's values on a batch with no update (`evaluate`, validation),
   * in inference mode. @default each player's `evaluate`
   */
  evaluate?(ctx: Pick<StepContext, 'players' | 'batch'>): tf.Tensor1D[];
  /** The options this optimizer was built with, as plain JSON. */
  getConfig(): Record<string, unknown>;
}

/** Per-player update counts, for n-critic training: `{ discriminator: 5 }`. */
export type PlayerSteps = Readonly<Record<string, number>>;

/** Resolves a player given by name or index, with an error naming `owner`. */
export function playerIndex(id: string | number, playerNames: readonly string[], owner: string): number {
  const i = typeof id === 'number' ? id : playerNames.indexOf(id);
  if (!Number.isInteger(i) || i < 0 || i >= playerNames.length) {
    throw new InvalidArgumentError(`${owner} refers to player ${describe(id)}, but the players are ${describe(playerNames)}.`);
  }
  return i;
}

/** Turns `{ name: count }` into a count per player index (default 1). */
export function resolveSteps(steps: PlayerSteps | undefined, playerNames: readonly string[], owner: string): number[] {
  const counts = playerNames.map(() => 1);
  for (const [name, n] of Object.entries(steps ?? {})) {
    const i = playerIndex(name, playerNames, `${owner} option 'steps'`);
    if (!Number.isInteger(n) || n < 1) {
      throw new InvalidArgumentError(`${owner} option 'steps' must give each player a positive integer. Received: steps.${name}=${describe(n)}`);
    }
    counts[i] = n;
  }
  return counts;
}
