import type * as tf from '@tensorflow/tfjs';
import { UnknownNameError } from '../errors';
import type { Batch } from '../data/batch';

/**
 * What a penalty sees when a player's loss is computed. gandlf's `Model`
 * hands its penalties a `GanContext`, which adds the GAN's named tensors.
 */
export interface PenaltyContext {
  readonly batch: Batch;
  /** The player's model, applied with `training` below. */
  readonly model: tf.LayersModel;
  /** The networks' mode: true in training steps, false in `evaluate` and validation. */
  readonly training: boolean;
  /** The model's outputs on this batch, in output order. */
  readonly predictions: readonly tf.Tensor[];
  readonly player: string;
}

/**
 * An extra term of one player's loss that is not a function of
 * `(yTrue, yPred)`: a gradient penalty, R1, a weight norm. It is added to the
 * player's total as returned, and logged as `${player}_${name}`. It runs
 * inside the player's gradient function, so it may take gradients itself.
 * GAN penalties (`gradientPenalty`, `r1Penalty`, `relativisticAverage`) are
 * functions of a `GanContext`'s named tensors and need gandlf's `Model`.
 */
export interface Penalty {
  /** Log name, e.g. `'gp'`. */
  readonly name: string;
  /** Registry key for checkpoints (see `registerPenalty`). */
  readonly className: string;
  compute(ctx: PenaltyContext): tf.Scalar;
  /** JSON options that rebuild it through the registry. */
  getConfig(): Record<string, unknown>;
}

const registry = new Map<string, (config: Record<string, unknown>) => Penalty>();

/** Makes a penalty class loadable from checkpoints by its `className`. */
export function registerPenalty(className: string, fromConfig: (config: Record<string, unknown>) => Penalty): void {
  registry.set(className, fromConfig);
}

/** Rebuilds a penalty saved in a checkpoint. */
export function penaltyFromConfig(className: string, config: Record<string, unknown>, where: string): Penalty {
  const make = registry.get(className);
  if (!make) {
    throw new UnknownNameError(
      `${where} uses the penalty '${className}', which is not registered here; import the module that defines it (it calls registerPenalty). Received: registered ${JSON.stringify([...registry.keys()])}`,
    );
  }
  return make(config);
}
