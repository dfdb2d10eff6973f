import type * as tf from '@tensorflow/tfjs';
import { UnknownNameError } from '../errors';
import type { Batch } from './player';

/**
 * The networks of a two-network GAN and where their data sits in a batch,
 * for penalties that rebuild parts of the game (a gradient penalty needs D and
 * the real and generated samples). `Model` provides them; with
 * `AdversarialModel`, pass them as `roles`.
 */
export interface GanRoles {
  readonly generator: tf.LayersModel;
  readonly discriminator: tf.LayersModel;
  /** Positions in `batch.inputs` of the generator's inputs. */
  readonly generatorInputs: readonly number[];
  /** Positions in `batch.inputs` of the real samples (one per generator output). */
  readonly realInputs: readonly number[];
  /** Positions in `batch.inputs` of the discriminator's conditional inputs (shared by both paths). */
  readonly conditionalInputs: readonly number[];
  /**
   * Where D's outputs sit in each player's predictions: per player name, the
   * index of D's output `k` on generated data (`fake[k]`) and, where the
   * player's model computes it, on real data (`real[k]`).
   */
  readonly predictionIndex: Readonly<Record<string, { readonly fake: readonly number[]; readonly real?: readonly number[] }>>;
  /**
   * What every sample passes through before the discriminator sees it, real
   * or generated, in every player's loss and every penalty: gandlf's `Model`
   * puts its DiffAugment here. Called with the networks' mode; augmentations
   * act in training only. @default none (D sees the samples as they are)
   */
  readonly view?: (x: tf.Tensor, training: boolean) => tf.Tensor;
}

/** What a penalty sees when a player's loss is computed. */
export interface PenaltyContext {
  readonly batch: Batch;
  /** The player's model, applied with `training` below. */
  readonly model: tf.LayersModel;
  /** The networks' mode: true in training steps, false in `evaluate` and validation. */
  readonly training: boolean;
  /** The model's outputs on this batch, in output order. */
  readonly predictions: readonly tf.Tensor[];
  readonly player: string;
  /** The GAN's networks and data layout, when the model provides them (`Model` does). */
  readonly roles?: GanRoles;
  /** The generator's samples for this batch, when the step has already drawn them (`generate` reuses them). */
  readonly generated?: readonly tf.Tensor[];
}

/**
 * An extra term of one player's loss that is not a function of
 * `(yTrue, yPred)`: a gradient penalty, R1, a weight norm. It is added to the
 * player's total as returned, and logged as `${player}_${name}`. It runs
 * inside the player's gradient function, so it may take gradients itself.
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
