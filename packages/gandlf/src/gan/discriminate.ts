import * as tf from '@tensorflow/tfjs';
import type { Batch } from '../data/batch';
import type { PenaltyContext } from '../engine/penalty';

/** How a GAN's discriminator is run. */
export interface Discriminator {
  readonly network: tf.LayersModel;
  /** The layer every sample passes through before D sees it (gandlf's DiffAugment), called with the turn's mode. @default none */
  readonly view?: tf.layers.Layer;
  /** Whether D treats rows independently (`isRowWise`), so one pass may score real and fake together. */
  readonly rowWise: boolean;
}

/**
 * D's outputs on samples `xs` with conditional inputs `cond`, each sample
 * through the view (augmentation) first: the one way D runs in training, in
 * every player's loss and every penalty.
 */
export function discriminate(d: Discriminator, xs: readonly tf.Tensor[], cond: readonly tf.Tensor[], training: boolean): tf.Tensor[] {
  const { view } = d;
  const inputs = [...(view ? xs.map((x) => view.apply(x, { training }) as tf.Tensor) : xs), ...cond];
  const out = d.network.apply(inputs.length === 1 ? inputs[0]! : inputs, { training }) as tf.Tensor | tf.Tensor[];
  return Array.isArray(out) ? out : [out];
}

/** `D(fake)` and `D(real)`: one pass over `[fake; real]` where D is row-wise (half the kernel launches). */
export function discriminatePair(d: Discriminator, fake: readonly tf.Tensor[], real: readonly tf.Tensor[], cond: readonly tf.Tensor[], training: boolean): { dFake: tf.Tensor[]; dReal: tf.Tensor[] } {
  if (!d.rowWise) return { dFake: discriminate(d, fake, cond, training), dReal: discriminate(d, real, cond, training) };
  const n = fake[0]!.shape[0]!;
  const both = discriminate(
    d,
    fake.map((f, k) => tf.concat([f, real[k]!])),
    cond.map((c) => tf.concat([c, c])),
    training,
  );
  return { dFake: both.map((o) => tf.slice(o, 0, n)), dReal: both.map((o) => tf.slice(o, n)) };
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
  /** D on other samples, with `cond`, through the augmentation and in this turn's mode (see `discriminate`). */
  discriminate(xs: readonly tf.Tensor[]): tf.Tensor[];
}

/** Whether a penalty's context is a GAN turn's (see `GanContext`). */
export function isGanContext(ctx: PenaltyContext): ctx is GanContext {
  return 'dFake' in ctx && typeof (ctx as GanContext).discriminate === 'function';
}

/** What a turn has computed when its context is made. */
export interface TurnTensors {
  readonly real: readonly tf.Tensor[];
  readonly fake: readonly tf.Tensor[];
  readonly cond: readonly tf.Tensor[];
  readonly dFake: readonly tf.Tensor[];
  /** `null` where the turn has not scored the real batch (the generator's). */
  readonly dReal: readonly tf.Tensor[] | null;
  /** The player's predictions, in its outputs' order. */
  readonly predictions: readonly tf.Tensor[];
}

/** One turn's `GanContext`, for a player given by name and model. */
export function turnContext(d: Discriminator, player: { readonly name: string; readonly model: tf.LayersModel }, batch: Batch, training: boolean, t: TurnTensors): GanContext {
  let dReal = t.dReal;
  const run = (xs: readonly tf.Tensor[]) => discriminate(d, xs, t.cond, training);
  return {
    batch,
    model: player.model,
    training,
    predictions: t.predictions,
    player: player.name,
    real: t.real,
    fake: t.fake,
    cond: t.cond,
    dFake: t.dFake,
    // Read only by losses that need it (relativistic), so the generator's turn does not always pay for it.
    get dReal() {
      return (dReal ??= run(t.real));
    },
    discriminate: run,
  };
}
