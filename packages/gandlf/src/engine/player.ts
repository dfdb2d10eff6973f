import * as tf from '@tensorflow/tfjs';
import { GandlfError, MissingGradientError, missingGradientOp } from '../errors';
import type { LossFn } from '../losses/losses';
import type { MetricFn } from '../losses/metrics';
import type { Penalty, PenaltyContext } from './penalty';
import { ownedRegularization, type RegularizationTerm } from './regularization';
import { ownedConstraints, projectConstraints, type ConstrainedWeight } from './constraints';
import { disposeStaleTape } from '../backends/stale-tape';
import type { Batch } from '../data/batch';

export type { Batch } from '../data/batch';

/** How one player scores one output of its model. */
export interface PlayerOutput {
  /** The output's name, used in metric names (`${player}_${output}_loss`). */
  readonly name: string;
  readonly loss: LossFn;
  /** Multiplies this output's loss in the player's total. */
  readonly weight: number;
  readonly metrics: ReadonlyArray<{ readonly name: string; readonly fn: MetricFn }>;
}

/** A player's total loss and every reported value (see `Player.valueNames`). */
export interface Scored {
  readonly total: tf.Scalar;
  readonly values: tf.Tensor1D;
}

/** The name under which a player's weight regularization is logged (`${player}_regularization_loss`). */
export const REGULARIZATION_LOSS = 'regularization_loss';

/**
 * One player's gradient (or loss) evaluation. `values` holds, in order, the
 * total loss, each output's loss and each output's metrics (see `Player.valueNames`).
 */
export interface PlayerEval {
  readonly values: tf.Tensor1D;
  /** Aligned with `Player.variables`; absent for loss-only evaluations. */
  readonly grads?: tf.Tensor[];
}

/**
 * A player of an adversarial game: a model it sees the game through, the
 * variables it alone updates, its optimizer and its losses.
 */
export class Player {
  /** The regularizers of the layers whose weights this player owns, added to its total (as Keras adds `model.losses`). */
  private readonly regularization: readonly RegularizationTerm[];
  /** The constraints of its weights, applied after each update as Keras does. */
  private readonly constraints: readonly ConstrainedWeight[];
  private applied = 0;

  constructor(
    readonly index: number,
    readonly name: string,
    readonly model: tf.LayersModel,
    /** Fixed order: optimizer slots (e.g. Adam's moments) are keyed by position. */
    readonly variables: readonly tf.Variable[],
    readonly optimizer: tf.Optimizer,
    readonly outputs: readonly PlayerOutput[],
    /** Extra loss terms, added to the total and logged by name. */
    readonly penalties: readonly Penalty[] = [],
  ) {
    this.regularization = ownedRegularization(model, variables);
    this.constraints = ownedConstraints(model, variables);
  }

  /**
   * How many times `apply` has moved this player's weights. Counted here, the
   * one place a player moves, so that `trainRows` can report each step's
   * `lastUpdates` whatever the adversarial optimizer did (Unrolled's
   * look-ahead steps on copies do not pass here, so they do not count).
   */
  get updates(): number {
    return this.applied;
  }

  /** Names of the entries of `PlayerEval.values`, without the player prefix. */
  get valueNames(): string[] {
    const names = ['loss', ...this.outputs.map((o) => `${o.name}_loss`)];
    for (const o of this.outputs) for (const m of o.metrics) names.push(`${o.name}_${m.name}`);
    for (const p of this.penalties) names.push(p.name);
    if (this.regularization.length > 0) names.push(REGULARIZATION_LOSS);
    return names;
  }

  /**
   * The weighted total loss and the stacked vector of every reported value,
   * from the player's `predictions` (one per output) and `targets`; penalties
   * see `context`. Must run inside a tidy scope (or a gradient function).
   */
  score(predictions: readonly tf.Tensor[], targets: readonly tf.Tensor[], context: PenaltyContext): Scored {
    const losses = this.outputs.map((o, k) => o.loss(targets[k] as tf.Tensor, predictions[k] as tf.Tensor));
    let total = tf.scalar(0);
    this.outputs.forEach((o, k) => {
      if (o.weight !== 0) total = tf.add(total, tf.mul(losses[k] as tf.Scalar, o.weight));
    });
    const metrics: tf.Scalar[] = [];
    this.outputs.forEach((o, k) => {
      for (const m of o.metrics) {
        metrics.push(tf.mean(m.fn(targets[k] as tf.Tensor, predictions[k] as tf.Tensor)));
      }
    });
    const penalties = this.penalties.map((p) => p.compute(context));
    for (const v of penalties) total = tf.add(total, v);
    // Keras counts regularization in training and evaluation alike.
    const regularization = this.regularization.length > 0 ? [tf.addN(this.regularization.map((term) => term()))] : [];
    for (const v of regularization) total = tf.add(total, v);
    const values = tf.stack([total, ...losses, ...metrics, ...penalties, ...regularization]) as tf.Tensor1D;
    return { total, values };
  }

  /**
   * The player's own model on the batch, scored; `training` is the networks'
   * mode. Must run inside a tidy scope (or a gradient function).
   */
  run(batch: Batch, training: boolean): Scored {
    const out = this.model.apply(batch.inputs, { training });
    const predictions = (Array.isArray(out) ? out : [out]) as tf.Tensor[];
    const context = { batch, model: this.model, predictions, player: this.name, training };
    return this.score(predictions, batch.targets[this.index] as tf.Tensor[], context);
  }

  /**
   * Loss values only, with no gradient. `evaluate` runs the networks in
   * inference mode, as Keras does (no dropout, batch normalization's moving
   * statistics read and left unchanged, no augmentation); a training step
   * that logs a player it does not update passes `training: true`.
   */
  evaluate(batch: Batch, { training = false }: { training?: boolean } = {}): PlayerEval {
    return { values: tf.tidy(() => this.run(batch, training).values) };
  }

  /**
   * The player's loss values on its own model and the gradients of its total
   * loss for its own variables. (gandlf's GAN turns keep the same tape in
   * `gan/game.ts`, beside their own forward pass, and share `score`,
   * `alignGradients` and `gradientError` with it.)
   */
  gradients(batch: Batch): PlayerEval {
    let values: tf.Tensor1D | undefined;
    try {
      const grads = tf.tidy(() => {
        const { grads } = tf.variableGrads(() => {
          const f = this.run(batch, true);
          // Kept so the gradient scope does not dispose it; disposed by the caller.
          values = tf.keep(f.values);
          return f.total;
        }, this.variables as tf.Variable[]);
        return this.alignGradients(grads);
      });
      return { values: values as tf.Tensor1D, grads };
    } catch (e) {
      values?.dispose();
      throw this.gradientError(e);
    }
  }

  /**
   * `tf.variableGrads`' result as a list aligned with `variables`: a variable
   * that does not affect the loss gets a zero gradient, so optimizer slots stay aligned.
   */
  alignGradients(grads: tf.NamedTensorMap): tf.Tensor[] {
    return this.variables.map((v) => grads[v.name] ?? tf.zerosLike(v));
  }

  /**
   * The error to throw when this player's gradient failed with `e`: one that
   * names the player and the cause, where tfjs's own says neither. Frees the
   * tape tfjs leaves behind.
   */
  gradientError(e: unknown): unknown {
    disposeStaleTape();
    if (e instanceof Error && /Cannot find a connection between any variable/.test(e.message)) {
      return new GandlfError(`Player '${this.name}' has parameters, but none of them affects its loss. ` + `Check playerParams[${this.index}] against the model of that player.`);
    }
    const op = missingGradientOp(e);
    if (op !== undefined) {
      const penalties = this.penalties.map((p) => p.name);
      return new MissingGradientError(
        `Player '${this.name}' cannot take its gradient: tfjs has no gradient for the op '${op}' on backend '${tf.getBackend()}'` +
          (penalties.length
            ? `. Its penalties ${JSON.stringify(penalties)} differentiate through the discriminator's own gradient, which needs the gradient of '${op}'; replace the layer that uses it (e.g. max or average pooling by strided convolutions, LeakyReLU is supported).`
            : '.') +
          ` Received: ${(e as Error).message}`,
        op,
      );
    }
    return e;
  }

  /** Applies gradients from `gradients()` through this player's optimizer, then its weights' constraints, and frees the gradients. */
  apply(grads: readonly tf.Tensor[]): void {
    tf.tidy(() => {
      this.optimizer.applyGradients(this.variables.map((v, i) => ({ name: v.name, tensor: grads[i] as tf.Tensor })));
    });
    this.applied++;
    tf.dispose(grads as tf.Tensor[]);
    projectConstraints(this.constraints);
  }
}
