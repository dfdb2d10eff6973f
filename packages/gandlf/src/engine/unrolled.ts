import * as tf from '@tensorflow/tfjs';
import { ensureSecondOrderGradients } from '../backends/second-order-gradients';
import { describe, InvalidArgumentError } from '../errors';
import { checkOptions, optionKeys } from '../options';
import { playerIndex, type AdversarialOptimizer, type StepContext } from './adversarial-optimizer';
import { registerAdversarialOptimizer } from './registry';
import { unrolledStep, type UnrollTurns } from './unroll';

/** Options of {@link Unrolled}. */
export interface UnrolledOptions {
  /**
   * How many steps ahead the other players are unrolled when `player` takes
   * its gradient. `0` is `Simultaneous`. Not with `depths`.
   * @default 5
   */
  depth?: number;
  /**
   * The player that looks ahead (the generator in a GAN), by name or index.
   * Not with `depths`.
   * @default the first player
   */
  player?: string | number;
  /**
   * One depth per player, in player order: player i takes its gradient
   * against all the others unrolled `depths[i]` steps (0: at today's weights).
   * keras_adversarial's `UnrolledAdversarialOptimizer(depth_g, depth_d)` is
   * `depths: [depthG, depthD]` for `[generator, discriminator]`. Not with
   * `depth` or `player`.
   * @default `depth` for `player`, 0 for the others
   */
  depths?: readonly number[];
  /**
   * Differentiate each look-ahead gradient through the others' unrolled
   * updates (the full unrolled GAN of Metz et al. 2017), rather than taking it
   * at their unrolled weights only. The unrolled players need `tf.train.sgd` or
   * `tf.train.adam` (any other optimizer is an `InvalidArgumentError` at the
   * first step); a step costs about `depth` double-backward passes.
   *
   * Each unrolled update uses the player's full total, as its own turn does:
   * its losses, its penalties (a gradient penalty or R1 is then differentiated
   * a third time) and the regularizers of the layers it owns, all at the
   * unrolled weights. Batch normalization's moving statistics are not part of
   * the unroll: they update on every training-mode pass, as in the first order.
   * @default false, the first-order form
   */
  secondOrder?: boolean;
}

const UNROLLED_KEYS = optionKeys<UnrolledOptions>()({ depth: true, player: true, depths: true, secondOrder: true });

/**
 * Unrolled GAN (Metz et al., 2017): a look-ahead player takes its gradient
 * against the other players as they will be `depth` steps ahead.
 *
 * Each step: every player's values at today's weights (the logged losses, as
 * Keras logs them); for each look-ahead player, the others unrolled on
 * snapshots of their weights and optimizers (the first step with their
 * gradients of today), its gradient taken there, the others put back; then
 * every player applies its gradient: the look-ahead one, or today's.
 *
 * First order by default: the look-ahead gradient is taken at the others'
 * unrolled weights, dropping the term through their updates. `secondOrder`
 * keeps that term (see `engine/unroll-second-order.ts`).
 *
 * @example new Unrolled({ depth: 5 }) // the first player looks ahead 5 steps
 * @example new Unrolled({ depths: [5, 1], secondOrder: true }) // both look ahead
 */
export class Unrolled implements AdversarialOptimizer {
  static {
    registerAdversarialOptimizer('Unrolled', (c) => new Unrolled(c));
  }

  readonly className: string = 'Unrolled';
  /** The look-ahead depth of `player` (unused with `depths`). */
  readonly depth: number;
  /** The look-ahead player (unused with `depths`). */
  readonly player: string | number;
  /** One depth per player, as given; undefined for the `depth`/`player` form. */
  readonly depths: readonly number[] | undefined;
  readonly secondOrder: boolean;
  private resolved: readonly number[] = [];

  constructor(options: UnrolledOptions = {}) {
    const given = checkOptions(options, UNROLLED_KEYS, 'Unrolled');
    const { depth = 5, player = 0, depths, secondOrder = false } = given;
    if (depths !== undefined) {
      if (given.depth !== undefined || given.player !== undefined) {
        throw new InvalidArgumentError(
          `Argument 'depths' passed to 'Unrolled' replaces 'depth' and 'player'; give one form or the other. Received: depths=${describe(depths)}, depth=${describe(given.depth)}, player=${describe(given.player)}`,
        );
      }
      if (!Array.isArray(depths) || !depths.every(isDepth)) {
        throw new InvalidArgumentError(`Argument 'depths' passed to 'Unrolled' must be an array of non-negative integers, one per player. Received: depths=${describe(depths)}`);
      }
    }
    if (!isDepth(depth)) {
      throw new InvalidArgumentError(`Argument 'depth' passed to 'Unrolled' must be a non-negative integer. Received: depth=${describe(depth)}`);
    }
    if (typeof secondOrder !== 'boolean') {
      throw new InvalidArgumentError(`Argument 'secondOrder' passed to 'Unrolled' must be a boolean. Received: secondOrder=${describe(secondOrder)}`);
    }
    this.depth = depth;
    this.player = player;
    this.depths = depths === undefined ? undefined : Object.freeze([...depths]);
    this.secondOrder = secondOrder;
    // The look-ahead differentiates the others' gradients (tanh, LeakyReLU, ...) again.
    if (secondOrder) ensureSecondOrderGradients();
  }

  /** Each player's look-ahead depth, in player order, once `bind` has run. */
  get playerDepths(): readonly number[] {
    return this.resolved;
  }

  bind(playerNames: readonly string[]): void {
    if (this.depths) {
      if (this.depths.length !== playerNames.length) {
        throw new InvalidArgumentError(
          `Unrolled option 'depths' must give one depth per player, in the order ${describe(playerNames)}. Received: depths=${describe(this.depths)} for ${playerNames.length} players`,
        );
      }
      this.resolved = this.depths;
    } else {
      const lookahead = playerIndex(this.player, playerNames, "Unrolled option 'player'");
      this.resolved = playerNames.map((_, i) => (i === lookahead ? this.depth : 0));
    }
  }

  step({ players, batch }: StepContext): Promise<tf.Tensor1D[]> {
    const turns: UnrollTurns = {
      gradients: (p) => p.gradients(batch),
      values: (p) => p.evaluate(batch, { training: true }).values,
      loss: (p) => p.run(batch, true).total,
    };
    return unrolledStep(players, this.resolved, this.secondOrder, turns);
  }

  getConfig(): Record<string, unknown> {
    return this.depths ? { depths: [...this.depths], secondOrder: this.secondOrder } : { depth: this.depth, player: this.player, secondOrder: this.secondOrder };
  }
}

function isDepth(d: unknown): d is number {
  return typeof d === 'number' && Number.isInteger(d) && d >= 0;
}
