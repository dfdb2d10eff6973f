import * as tf from '@tensorflow/tfjs';
import type { Batch } from '../data/batch';
import type { StepContext } from '../engine/adversarial-optimizer';
import type { Player, PlayerEval, Scored } from '../engine/player';
import { discriminate, discriminatePair, turnContext, type Discriminator, type GanContext, type TurnTensors } from './discriminate';

export { isGanContext, type GanContext } from './discriminate';

/** Where a GAN's data sits in `batch.inputs`. */
export interface GanLayout {
  /** Positions of the generator's inputs. */
  readonly generatorInputs: readonly number[];
  /** Positions of the real samples, one per generator output. */
  readonly realInputs: readonly number[];
  /** Positions of the discriminator's conditional inputs, shared by the real and the fake path. */
  readonly conditionalInputs: readonly number[];
}

/** One of gandlf's GAN steps: how `Model` trains on a batch under one adversarial optimizer. */
export interface GanStep {
  /** Resolves options that name players (called by `compile`, after the adversarial optimizer's own `bind`). */
  bind?(playerNames: readonly string[]): void;
  /** Trains on `ctx.batch`; returns the generator's, then the discriminator's values. */
  step(ctx: StepContext): Promise<tf.Tensor1D[]>;
}

/**
 * The two players' turns of a GAN, which the steps in `gan/` (one per
 * adversarial optimizer) compose: each turn is one tape over the forward
 * passes that player's loss needs. G runs through `generate` and D through
 * `discriminate`, the only ways either runs in training.
 */
export class GanGame {
  constructor(
    readonly generator: tf.LayersModel,
    /** The discriminator and how it sees samples. */
    readonly discriminator: Discriminator,
    readonly layout: GanLayout,
  ) {}

  /** `G(z)` on the batch's generator inputs, one tensor per generator output. */
  generate(batch: Batch, training: boolean): tf.Tensor[] {
    const z = this.at(batch, this.layout.generatorInputs);
    const out = this.generator.apply(z.length === 1 ? z[0]! : z, { training }) as tf.Tensor | tf.Tensor[];
    return Array.isArray(out) ? out : [out];
  }

  /**
   * The generator's turn: its tape over `fake = G(z)` and `D(fake)`, its
   * losses and penalties. The samples are kept past the tape for the
   * discriminator's turn; the caller frees them.
   */
  generatorTurn(g: Player, batch: Batch): { eval: PlayerEval; fake: tf.Tensor[] } {
    let fake: tf.Tensor[] = [];
    try {
      const ev = this.tape(g, () => {
        fake = this.generate(batch, true).map((t) => tf.keep(t));
        return this.scoreFake(g, batch, fake, true);
      });
      return { eval: ev, fake };
    } catch (e) {
      tf.dispose(fake);
      throw e;
    }
  }

  /** The discriminator's turn: its tape over `D(real)` and `D(fake)`, with `fake` a constant (no gradient reaches G). */
  discriminatorTurn(d: Player, batch: Batch, fake: readonly tf.Tensor[]): PlayerEval {
    return this.tape(d, () => this.scoreBoth(d, batch, fake, true));
  }

  /** The generator player's values on `fake` with no tape (logs and `evaluate`). */
  scoreGenerator(g: Player, batch: Batch, fake: readonly tf.Tensor[], training: boolean): tf.Tensor1D {
    return tf.tidy(() => this.scoreFake(g, batch, fake, training).values);
  }

  /** The discriminator player's values on `fake` and the real batch with no tape. */
  scoreDiscriminator(d: Player, batch: Batch, fake: readonly tf.Tensor[], training: boolean): tf.Tensor1D {
    return tf.tidy(() => this.scoreBoth(d, batch, fake, training).values);
  }

  /**
   * The generator's total with `G(z)` and `D(G(z))` run inside, in training
   * mode: for a tape over both networks' weights (Unrolled's second order).
   * Must run inside a tidy scope (or a gradient function).
   */
  generatorLoss(g: Player, batch: Batch): tf.Scalar {
    return this.scoreFake(g, batch, this.generate(batch, true), true).total;
  }

  /**
   * The discriminator's total with `G(z)` run inside rather than taken as a
   * constant, so it is a function of the generator's weights too (Unrolled's
   * second order, where D's update depends on G). Must run inside a tidy
   * scope (or a gradient function).
   */
  discriminatorLoss(d: Player, batch: Batch): tf.Scalar {
    return this.scoreBoth(d, batch, this.generate(batch, true), true).total;
  }

  /**
   * The context a GAN penalty sees in one player's turn, built from the batch
   * (`fake = G(z)`, `D(fake)`, and `D(real)` when read): for calling a penalty
   * outside a step. Must run inside a tidy scope (or a gradient function).
   */
  context(player: Pick<Player, 'name' | 'model'>, batch: Batch, training: boolean): GanContext {
    const fake = this.generate(batch, training);
    const cond = this.at(batch, this.layout.conditionalInputs);
    const dFake = discriminate(this.discriminator, fake, cond, training);
    return turnContext(this.discriminator, player, batch, training, { ...this.data(batch), fake, dFake, dReal: null, predictions: dFake });
  }

  /** One player's tape over `forward`: its values, and the gradients of its total for its own variables. */
  private tape(p: Player, forward: () => Scored): PlayerEval {
    let values: tf.Tensor1D | undefined;
    try {
      const grads = tf.tidy(() => {
        const { grads } = tf.variableGrads(() => {
          const f = forward();
          // Kept so the gradient scope does not dispose it; disposed by the caller.
          values = tf.keep(f.values);
          return f.total;
        }, p.variables as tf.Variable[]);
        return p.alignGradients(grads);
      });
      return { values: values!, grads };
    } catch (e) {
      values?.dispose();
      throw p.gradientError(e);
    }
  }

  /** The generator's loss on `D(fake)`. */
  private scoreFake(g: Player, batch: Batch, fake: readonly tf.Tensor[], training: boolean): Scored {
    const data = this.data(batch);
    const dFake = discriminate(this.discriminator, fake, data.cond, training);
    const t: TurnTensors = { ...data, fake, dFake, dReal: null, predictions: dFake };
    return g.score(dFake, targetsOf(g, batch), turnContext(this.discriminator, g, batch, training, t));
  }

  /** The discriminator's loss on `D(fake)` and `D(real)`, in its outputs' order (fake, then real). */
  private scoreBoth(d: Player, batch: Batch, fake: readonly tf.Tensor[], training: boolean): Scored {
    const data = this.data(batch);
    const { dFake, dReal } = discriminatePair(this.discriminator, fake, data.real, data.cond, training);
    const t: TurnTensors = { ...data, fake, dFake, dReal, predictions: [...dFake, ...dReal] };
    return d.score(t.predictions, targetsOf(d, batch), turnContext(this.discriminator, d, batch, training, t));
  }

  private data(batch: Batch): { real: tf.Tensor[]; cond: tf.Tensor[] } {
    return { real: this.at(batch, this.layout.realInputs), cond: this.at(batch, this.layout.conditionalInputs) };
  }

  private at(batch: Batch, positions: readonly number[]): tf.Tensor[] {
    return positions.map((i) => batch.inputs[i] as tf.Tensor);
  }
}

function targetsOf(p: Player, batch: Batch): tf.Tensor[] {
  return batch.targets[p.index] as tf.Tensor[];
}
