import * as tf from '@tensorflow/tfjs';
import type { PenaltyContext } from '../engine/penalty';
import { describe, InvalidArgumentError, ShapeMismatchError } from '../errors';
import { isGanContext, type GanContext } from '../gan/game';

/** The GAN tensors of a penalty's context, or an error naming the penalty. */
export function ganContext(ctx: PenaltyContext, fn: string): GanContext {
  if (!isGanContext(ctx)) {
    throw new InvalidArgumentError(
      `'${fn}' is a function of a GAN's real and generated samples and the discriminator's scores on them; use it with gandlf's Model. Received: a context without them (player '${ctx.player}')`,
    );
  }
  return ctx;
}

/** Output `output` of a list of discriminator outputs, or an error naming the penalty. */
export function outputOf(scores: readonly tf.Tensor[], output: number, fn: string): tf.Tensor {
  const picked = scores[output];
  if (!picked) {
    throw new ShapeMismatchError(`Option 'output' passed to '${fn}' must index one of the discriminator's ${scores.length} outputs. Received: output=${describe(output)}`);
  }
  return picked;
}

/** Per sample, the squared L2 norm of gradients spread over several tensors: `[batch]`. */
export function squaredNorms(grads: readonly tf.Tensor[]): tf.Tensor1D {
  const perInput = grads.map((g) => tf.sum(tf.square(tf.reshape(g, [g.shape[0] as number, -1])), 1));
  return (perInput.length === 1 ? perInput[0]! : tf.addN(perInput)) as tf.Tensor1D;
}
