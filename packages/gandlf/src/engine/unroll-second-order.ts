import * as tf from '@tensorflow/tfjs';
import { differentiableUpdate, type DifferentiableUpdate } from './differentiable-update';
import type { Player } from './player';
import { layerWeightsOf, withWeights, type LayerWeights } from './substitute-weights';

/** What a second-order look-ahead needs of the players, prepared before anything runs. */
export interface SecondOrderPlan {
  readonly others: readonly Player[];
  readonly updates: readonly DifferentiableUpdate[];
  readonly weights: LayerWeights;
}

/**
 * Checks that `me` can look ahead through the updates of `others` (each has
 * SGD or Adam, and its variables are layer weights), with errors that name
 * the option and the player, before any tensor is made.
 */
export function planSecondOrder(me: Player, others: readonly Player[]): SecondOrderPlan {
  const updates = others.map((p) => differentiableUpdate(p.optimizer, p.variables, `Unrolled option 'secondOrder' (player '${me.name}' looking ahead through player '${p.name}')`));
  const weights = layerWeightsOf(
    others,
    [me, ...others].map((p) => p.model),
    "Unrolled option 'secondOrder'",
  );
  return { others, updates, weights };
}

/**
 * The look-ahead gradient of the full unrolled GAN (Metz et al. 2017, eq. 5):
 * `d/dθ_me L_me(θ_me, θ_others^K(θ_me))`, where θ^K is `depth` steps of the
 * others' own optimizers from today's weights, each computed as tensors, so
 * the tape sees how the others' updates depend on `me`.
 *
 * Step k: every other player's layers read θ_k (see `withWeights`); its
 * gradient g_k = ∇θ L_other(θ_k) is taken with a nested tape, which records
 * its backward pass on the outer one; θ_{k+1} = update(θ_k, g_k, state_k).
 * All others step at once, from the same θ_k. Then `me`'s loss with the
 * others at θ_K, differentiated for `me`'s variables. No variable and no
 * optimizer slot is written.
 *
 * @param loss A player's total at whatever its networks read, every network run
 *   inside (the same total its first-order turn takes: losses, penalties, regularization).
 */
export function secondOrderGradients(me: Player, plan: SecondOrderPlan, depth: number, loss: (p: Player) => tf.Scalar): tf.Tensor[] {
  const { others, updates, weights } = plan;
  try {
    return tf.tidy(() => {
      const { grads } = tf.variableGrads(() => {
        let theta: tf.Tensor[][] = others.map((p) => [...p.variables]);
        let state = updates.map((u) => u.initial());
        for (let k = 0; k < depth; k++) {
          const g = others.map((p, j) => withWeights(weights, theta, () => innerGradients(() => loss(p), theta[j]!)));
          const next = updates.map((u, j) => u.step(theta[j]!, g[j]!, state[j]!));
          theta = next.map((s) => s.theta);
          state = next.map((s) => s.state);
        }
        return withWeights(weights, theta, () => loss(me));
      }, me.variables as tf.Variable[]);
      return me.alignGradients(grads);
    });
  } catch (e) {
    throw me.gradientError(e);
  }
}

/**
 * ∇ of `f` for `xs`, as tensors the enclosing tape can differentiate again
 * (tfjs records a nested tape's backward pass on the outer tape). A weight
 * that does not reach the loss gets zeros, as `Player.alignGradients` gives.
 */
function innerGradients(f: () => tf.Scalar, xs: readonly tf.Tensor[]): tf.Tensor[] {
  const { grads } = tf.engine().gradients(f, xs as tf.Tensor[], undefined, true);
  return xs.map((x, i) => (grads[i] as tf.Tensor | undefined) ?? tf.zerosLike(x));
}
