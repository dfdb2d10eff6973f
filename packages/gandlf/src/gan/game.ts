import * as tf from '@tensorflow/tfjs';
import type { PenaltyContext } from '../engine/penalty';
import type { Batch, Player, PlayerEval, Scored } from '../engine/player';
import type { StepContext } from '../engine/adversarial-optimizer';

/** Where a GAN's data sits in `batch.inputs`. */
export interface GanLayout {
  /** Positions of the generator's inputs. */
  readonly generatorInputs: readonly number[];
  /** Positions of the real samples, one per generator output. */
  readonly realInputs: readonly number[];
  /** Positions of the discriminator's conditional inputs, shared by the real and the fake path. */
  readonly conditionalInputs: readonly number[];
}

/**
 * The named tensors of one player's turn: GAN losses and penalties are
 * functions of these. Every list has one tensor per generator output (samples)
 * or per discriminator output (scores).
 */
export interface GanContext extends PenaltyContext {
  /** The real samples of the batch. */
  readonly real: readonly tf.Tensor[];
  /** This turn's generated samples `G(z)`; a constant in the discriminator's turn. */
  readonly fake: readonly tf.Tensor[];
  /** The discriminator's conditional inputs. */
  readonly cond: readonly tf.Tensor[];
  /** `D(fake)`. */
  readonly dFake: readonly tf.Tensor[];
  /** `D(real)`; in the generator's turn it is computed when first read. */
  readonly dReal: readonly tf.Tensor[];
  /** D on other samples, with `cond`, through the augmentation and in this turn's mode. */
  discriminate(xs: readonly tf.Tensor[]): tf.Tensor[];
}

/** Whether a penalty's context is a GAN turn's (see `GanContext`). */
export function isGanContext(ctx: PenaltyContext): ctx is GanContext {
  return 'dFake' in ctx && typeof (ctx as GanContext).discriminate === 'function';
}

/** How `GanGame` runs its networks. */
export interface GanGameOptions {
  /** What every sample passes through before D sees it (gandlf's DiffAugment). @default none */
  readonly view?: (x: tf.Tensor, training: boolean) => tf.Tensor;
  /** Whether D treats rows independently (`isRowWise`), so one pass may score real and fake together. */
  readonly rowWise: boolean;
}

/**
 * The forward passes of a two-network GAN: `generate` and `discriminate`,
 * the only ways G and D run in training, and the two players' turns built on
 * them. The steps in `gan/` (one per adversarial optimizer) compose the turns.
 */
export class GanGame {
  private readonly view: GanGameOptions['view'];
  readonly rowWise: boolean;

  constructor(
    readonly generator: tf.LayersModel,
    readonly discriminator: tf.LayersModel,
    readonly layout: GanLayout,
    options: GanGameOptions,
  ) {
    this.view = options.view;
    this.rowWise = options.rowWise;
  }

  /** `G(z)` on the batch's generator inputs, one tensor per generator output. */
  generate(batch: Batch, training: boolean): tf.Tensor[] {
    return listOf(this.generator.apply(one(this.at(batch, this.layout.generatorInputs)), { training }));
  }

  /** D's outputs on samples `xs` with conditional inputs `cond`; each sample passes through the view (augmentation) first. */
  discriminate(xs: readonly tf.Tensor[], cond: readonly tf.Tensor[], training: boolean): tf.Tensor[] {
    const { view } = this;
    return listOf(this.discriminator.apply(one([...(view ? xs.map((x) => view(x, training)) : xs), ...cond]), { training }));
  }

  /** `D(fake)` and `D(real)`: one pass over `[fake; real]` where D is row-wise (half the kernel launches). */
  discriminatePair(fake: readonly tf.Tensor[], real: readonly tf.Tensor[], cond: readonly tf.Tensor[], training: boolean): { dFake: tf.Tensor[]; dReal: tf.Tensor[] } {
    if (!this.rowWise) return { dFake: this.discriminate(fake, cond, training), dReal: this.discriminate(real, cond, training) };
    const n = fake[0]!.shape[0]!;
    const both = this.discriminate(fake.map((f, k) => tf.concat([f, real[k]!])), cond.map((c) => tf.concat([c, c])), training);
    return { dFake: both.map((o) => tf.slice(o, 0, n)), dReal: both.map((o) => tf.slice(o, n)) };
  }

  /**
   * The generator's turn: its tape over `fake = G(z)` and `D(fake)`. The
   * samples are kept past the tape for the discriminator's turn; the caller frees them.
   */
  generatorTurn(g: Player, batch: Batch): { eval: PlayerEval; fake: tf.Tensor[] } {
    let fake: tf.Tensor[] = [];
    try {
      const ev = g.tape(() => {
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
    return d.tape(() => this.scoreBoth(d, batch, fake, true));
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
   * The context a GAN penalty sees in one player's turn, built from the batch
   * (`fake = G(z)`, `D(fake)`, and `D(real)` when read): for calling a penalty
   * outside a step. Must run inside a tidy scope (or a gradient function).
   */
  context(player: Pick<Player, 'name' | 'model'>, batch: Batch, training: boolean): GanContext {
    const fake = this.generate(batch, training);
    return this.turnContext(player, batch, training, fake, this.discriminate(fake, this.at(batch, this.layout.conditionalInputs), training), null, []);
  }

  /** The generator's loss on `D(fake)`. */
  private scoreFake(g: Player, batch: Batch, fake: readonly tf.Tensor[], training: boolean): Scored {
    const dFake = this.discriminate(fake, this.at(batch, this.layout.conditionalInputs), training);
    return g.score(dFake, targetsOf(g, batch), this.turnContext(g, batch, training, fake, dFake, null, dFake));
  }

  /** The discriminator's loss on `D(fake)` and `D(real)`, in its outputs' order (fake, then real). */
  private scoreBoth(d: Player, batch: Batch, fake: readonly tf.Tensor[], training: boolean): Scored {
    const { dFake, dReal } = this.discriminatePair(fake, this.at(batch, this.layout.realInputs), this.at(batch, this.layout.conditionalInputs), training);
    const predictions = [...dFake, ...dReal];
    return d.score(predictions, targetsOf(d, batch), this.turnContext(d, batch, training, fake, dFake, dReal, predictions));
  }

  private turnContext(
    player: Pick<Player, 'name' | 'model'>,
    batch: Batch,
    training: boolean,
    fake: readonly tf.Tensor[],
    dFake: readonly tf.Tensor[],
    dReal: readonly tf.Tensor[] | null,
    predictions: readonly tf.Tensor[],
  ): GanContext {
    const real = this.at(batch, this.layout.realInputs);
    const cond = this.at(batch, this.layout.conditionalInputs);
    let scoredReal = dReal;
    const discriminate = (xs: readonly tf.Tensor[]) => this.discriminate(xs, cond, training);
    return {
      batch,
      model: player.model,
      training,
      predictions,
      player: player.name,
      real,
      fake,
      cond,
      dFake,
      // Read only by losses that need it (relativistic), so the generator's turn does not always pay for it.
      get dReal() {
        return (scoredReal ??= discriminate(real));
      },
      discriminate,
    };
  }

  private at(batch: Batch, positions: readonly number[]): tf.Tensor[] {
    return positions.map((i) => batch.inputs[i] as tf.Tensor);
  }
}

function targetsOf(p: Player, batch: Batch): tf.Tensor[] {
  return batch.targets[p.index] as tf.Tensor[];
}

function one(xs: tf.Tensor[]): tf.Tensor | tf.Tensor[] {
  return xs.length === 1 ? xs[0]! : xs;
}

function listOf(out: tf.Tensor | tf.Tensor[] | tf.SymbolicTensor | tf.SymbolicTensor[]): tf.Tensor[] {
  return (Array.isArray(out) ? out : [out]) as tf.Tensor[];
}

/** One of gandlf's GAN steps: how `Model` trains on a batch under one adversarial optimizer. */
export interface GanStep {
  /** Resolves options that name players (called by `compile`, after the adversarial optimizer's own `bind`). */
  bind?(playerNames: readonly string[]): void;
  /** Trains on `ctx.batch`; returns the generator's, then the discriminator's values. */
  step(ctx: StepContext): Promise<tf.Tensor1D[]>;
}
