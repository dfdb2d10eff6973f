import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError } from '../errors';

/** An optimizer's state as tensors, in the order its `DifferentiableUpdate` keeps it. */
export type UpdateState = readonly tf.Tensor[];

/**
 * One optimizer step written as tensor ops, so that a tape can differentiate
 * the new weights through the gradient that moved them (the unrolled GAN's
 * second order). The optimizer itself is only read, never stepped.
 */
export interface DifferentiableUpdate {
  /** The optimizer's present state (e.g. Adam's moments and beta powers); the live slots, not copies. */
  initial(): UpdateState;
  /** The weights and state after one step from `theta` with `grads`, as the optimizer would compute them. */
  step(theta: readonly tf.Tensor[], grads: readonly tf.Tensor[], state: UpdateState): { theta: tf.Tensor[]; state: UpdateState };
}

/** The optimizer classes whose update `differentiableUpdate` can write as tensor ops. */
export const DIFFERENTIABLE_OPTIMIZERS = ['SGD', 'Adam'] as const;

/**
 * `opt`'s update as tensor ops over `variables` (its var list, in the order
 * its slots are keyed). Only exact `tf.SGDOptimizer` and `tf.AdamOptimizer`:
 * subclasses (Momentum extends SGD) and wrappers step differently.
 *
 * @example differentiableUpdate(player.optimizer, player.variables, "Unrolled option 'secondOrder' (player 'd')")
 * @param opt The optimizer to mirror.
 * @param variables Its var list, in the order `applyGradients` receives it.
 * @param owner Who needs it, for the error message.
 */
export function differentiableUpdate(opt: tf.Optimizer, variables: readonly tf.Variable[], owner: string): DifferentiableUpdate {
  if (opt.constructor === tf.SGDOptimizer) return sgd(opt as unknown as { learningRate: number });
  if (opt.constructor === tf.AdamOptimizer) return adam(opt as unknown as AdamFields, variables);
  throw new InvalidArgumentError(
    `${owner} differentiates through the optimizer's update, which is written out only for ${DIFFERENTIABLE_OPTIMIZERS.join(' and ')} (tf.train.sgd, tf.train.adam). ` +
      `Use one of them for this player, or the first-order form. Received: optimizer=${describe(opt.getClassName())}`,
  );
}

/** θ' = θ − lr·g, as `SGDOptimizer` computes it (`c = −lr`). */
function sgd(opt: { learningRate: number }): DifferentiableUpdate {
  return {
    initial: () => [],
    step(theta, grads) {
      const c = tf.scalar(-opt.learningRate);
      return { theta: theta.map((t, i) => tf.add(tf.mul(c, grads[i]!), t)), state: [] };
    },
  };
}

/** The fields of tfjs 4.22's `AdamOptimizer` that its update reads (see tfjs-core/src/optimizers/adam_optimizer.ts). */
interface AdamFields {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: ReadonlyArray<{ variable: tf.Variable } | undefined>;
  accumulatedSecondMoment: ReadonlyArray<{ variable: tf.Variable } | undefined>;
}

/**
 * Adam's step, op for op as `AdamOptimizer.applyGradients` writes it, so the
 * values match the real update. State: `[accBeta1, accBeta2, m_0.., v_0..]`;
 * slot i belongs to variable i (slots are positional), zeros before Adam's
 * first step.
 */
function adam(opt: AdamFields, variables: readonly tf.Variable[]): DifferentiableUpdate {
  const n = variables.length;
  return {
    initial() {
      const m = variables.map((v, i) => opt.accumulatedFirstMoment[i]?.variable ?? tf.zerosLike(v));
      const s = variables.map((v, i) => opt.accumulatedSecondMoment[i]?.variable ?? tf.zerosLike(v));
      return [opt.accBeta1, opt.accBeta2, ...m, ...s];
    },
    step(theta, grads, state) {
      const [accBeta1, accBeta2] = state as [tf.Tensor, tf.Tensor];
      const oneMinusAccBeta1 = tf.sub(1, accBeta1);
      const oneMinusAccBeta2 = tf.sub(1, accBeta2);
      const m: tf.Tensor[] = [];
      const s: tf.Tensor[] = [];
      const next = theta.map((t, i) => {
        const g = grads[i]!;
        m[i] = tf.add(tf.mul(state[2 + i]!, opt.beta1), tf.mul(g, 1 - opt.beta1));
        s[i] = tf.add(tf.mul(state[2 + n + i]!, opt.beta2), tf.mul(tf.square(g), 1 - opt.beta2));
        const mHat = tf.div(m[i]!, oneMinusAccBeta1);
        const sHat = tf.div(s[i]!, oneMinusAccBeta2);
        return tf.add(tf.mul(tf.div(mHat, tf.add(safeSqrt(sHat), opt.epsilon)), -opt.learningRate), t);
      });
      return { theta: next, state: [tf.mul(accBeta1, opt.beta1), tf.mul(accBeta2, opt.beta2), ...m, ...s] };
    },
  };
}

/**
 * `sqrt` whose gradient is 0 where its input is 0. A weight whose gradients
 * were all 0 so far (a dead unit) has v̂ = 0; sqrt'(0) = ∞ times the zero
 * gradient through `square(g)` would make the whole look-ahead gradient NaN.
 */
const safeSqrt = tf.customGrad((x, save) => {
  (save as tf.GradSaveFunc)([x as tf.Tensor]);
  return {
    value: tf.sqrt(x as tf.Tensor),
    gradFunc: (dy, saved) => {
      const v = saved[0]!;
      return tf.where(tf.greater(v, 0), tf.div(dy, tf.mul(2, tf.sqrt(v))), tf.zerosLike(v));
    },
  };
}) as (x: tf.Tensor) => tf.Tensor;
