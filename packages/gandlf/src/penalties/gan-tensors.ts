import * as tf from '@tensorflow/tfjs';
import type { GanRoles, PenaltyContext } from '../adversarial/penalty';
import type { Batch } from '../adversarial/player';
import { describe, InvalidArgumentError, ShapeMismatchError } from '../errors';

/** The GAN roles of a penalty's context, or an error naming the penalty. */
export function requireRoles(ctx: PenaltyContext, fn: string): GanRoles {
  if (!ctx.roles) {
    throw new InvalidArgumentError(
      `'${fn}' needs the generator, the discriminator and where their data sits in a batch. Use it with gandlf's Model, or pass 'roles' to AdversarialModel. Received: a context without roles (player '${ctx.player}')`,
    );
  }
  return ctx.roles;
}

/** The batch inputs at the given positions. */
export function pick(ctx: PenaltyContext, positions: readonly number[]): tf.Tensor[] {
  return positions.map((i) => ctx.batch.inputs[i] as tf.Tensor);
}

/**
 * The discriminator's outputs on samples `xs` (each through `roles.view`, so
 * augmented wherever the game augments) and conditional inputs `cond`: the one
 * way every loss and penalty runs D.
 */
export function discriminateAll(roles: GanRoles, xs: readonly tf.Tensor[], cond: readonly tf.Tensor[], training: boolean): tf.Tensor[] {
  const { view } = roles;
  const inputs = [...(view ? xs.map((x) => view(x, training)) : xs), ...cond];
  const out = roles.discriminator.apply(inputs.length === 1 ? inputs[0]! : inputs, { training }) as tf.Tensor | tf.Tensor[];
  return Array.isArray(out) ? out : [out];
}

/** Output `output` of the discriminator (see `discriminateAll`). */
export function discriminate(roles: GanRoles, xs: readonly tf.Tensor[], cond: readonly tf.Tensor[], output: number, fn: string, training: boolean): tf.Tensor {
  const list = discriminateAll(roles, xs, cond, training);
  const picked = list[output];
  if (!picked) {
    throw new ShapeMismatchError(`Option 'output' passed to '${fn}' must index one of the discriminator's ${list.length} outputs. Received: output=${describe(output)}`);
  }
  return picked;
}

/**
 * The generator's samples for this batch, one tensor per generator output:
 * those the step already drew, or a fresh forward pass in the context's mode.
 */
export function generate(ctx: PenaltyContext, roles: GanRoles): tf.Tensor[] {
  return ctx.generated ? [...ctx.generated] : runGenerator(roles, ctx.batch, ctx.training);
}

/** A forward pass of the generator on a batch's generator inputs, one tensor per output. */
export function runGenerator(roles: GanRoles, batch: Batch, training: boolean): tf.Tensor[] {
  const z = roles.generatorInputs.map((i) => batch.inputs[i] as tf.Tensor);
  const out = roles.generator.apply(z.length === 1 ? z[0]! : z, { training }) as tf.Tensor | tf.Tensor[];
  return Array.isArray(out) ? out : [out];
}

/**
 * The discriminator's scores for output `output` on real data (`dx`) and
 * generated data (`dgz`), taken from the player's predictions where its model
 * computes them, and computed otherwise (the generator's model has no `dx`).
 */
export function discriminatorScores(ctx: PenaltyContext, output: number, fn: string): { dx: tf.Tensor; dgz: tf.Tensor } {
  const roles = requireRoles(ctx, fn);
  const index = roles.predictionIndex[ctx.player];
  const fakeAt = index?.fake[output];
  if (index === undefined || fakeAt === undefined) {
    throw new ShapeMismatchError(`'${fn}' cannot find the discriminator's output ${output} among the predictions of player '${ctx.player}'. Received: output=${describe(output)}`);
  }
  const dgz = ctx.predictions[fakeAt] as tf.Tensor;
  const realAt = index.real?.[output];
  const dx = realAt === undefined
    ? discriminate(roles, pick(ctx, roles.realInputs), pick(ctx, roles.conditionalInputs), output, fn, ctx.training)
    : (ctx.predictions[realAt] as tf.Tensor);
  return { dx, dgz };
}

/** Per sample, the squared L2 norm of gradients spread over several tensors: `[batch]`. */
export function squaredNorms(grads: readonly tf.Tensor[]): tf.Tensor1D {
  const perInput = grads.map((g) => tf.sum(tf.square(tf.reshape(g, [g.shape[0] as number, -1])), 1));
  return (perInput.length === 1 ? perInput[0]! : tf.addN(perInput)) as tf.Tensor1D;
}
