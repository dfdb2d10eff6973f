import * as tf from '@tensorflow/tfjs';
import type { Player, PlayerEval } from './player';
import { snapshotPlayer } from './snapshot-player';
import { planSecondOrder, secondOrderGradients, type SecondOrderPlan } from './unroll-second-order';

/**
 * How an unrolled step runs its players: the engine's `Unrolled` through each
 * player's own model, gandlf's GAN step through the game's turns (one `G(z)`
 * where the weights allow).
 */
export interface UnrollTurns {
  /**
   * `p`'s values and gradient at the players' present weights. `moved` holds
   * the players whose weights are unrolled just now, not today's.
   */
  gradients(p: Player, moved: ReadonlySet<Player>): PlayerEval;
  /** `p`'s values at today's weights, no gradient, in training mode as the step runs. */
  values(p: Player): tf.Tensor1D;
  /**
   * `p`'s total loss at whatever the networks read, every network run inside
   * (for the second order, where the others' weights are tensors on a tape).
   */
  loss(p: Player): tf.Scalar;
}

const TODAY: ReadonlySet<Player> = new Set();

/**
 * One step of `Unrolled` over any number of players. `depths[i]` is how far
 * the others are unrolled when player i takes its gradient (0: at today's
 * weights). Every player's values are logged at today's weights, as Keras
 * logs them; then every player applies the gradient it took.
 *
 * @param secondOrder Differentiate the look-ahead through the others' updates
 *   (`unroll-second-order.ts`) instead of unrolling copies of them.
 */
export async function unrolledStep(players: readonly Player[], depths: readonly number[], secondOrder: boolean, turns: UnrollTurns): Promise<tf.Tensor1D[]> {
  const looksAhead = (i: number) => depths[i]! > 0;
  const othersOf = (me: Player) => players.filter((p) => p !== me);
  // Checked first, so that an optimizer without a written-out update changes nothing.
  const plans = players.map((me, i): SecondOrderPlan | undefined => (secondOrder && looksAhead(i) ? planSecondOrder(me, othersOf(me)) : undefined));
  const today: PlayerEval[] = [];
  const ahead: tf.Tensor[][] = [];
  try {
    players.forEach((p, i) => {
      // Today's gradient where it is applied (depth 0) or where another player unrolls from it (first order).
      const unrolledByOther = players.some((_, j) => j !== i && looksAhead(j));
      today[i] = !looksAhead(i) || (unrolledByOther && !secondOrder) ? turns.gradients(p, TODAY) : { values: turns.values(p) };
    });
    for (const [i, me] of players.entries()) {
      if (!looksAhead(i)) continue;
      const plan = plans[i];
      ahead[i] = plan ? secondOrderGradients(me, plan, depths[i]!, (p) => turns.loss(p)) : await firstOrderGradients(me, othersOf(me), depths[i]!, turns, (p) => today[players.indexOf(p)]!);
    }
  } catch (e) {
    tf.dispose([...today.flatMap((ev) => [ev.values, ...(ev.grads ?? [])]), ...ahead.flat()]);
    throw e;
  }
  players.forEach((p, i) => {
    if (!looksAhead(i)) return p.apply(today[i]!.grads!);
    tf.dispose(today[i]!.grads ?? []);
    p.apply(ahead[i]!);
  });
  return today.map((ev) => ev.values);
}

/**
 * The first-order look-ahead (the paper's surrogate without back-propagation
 * through the unrolling): the others step `depth` times on shadow copies of
 * their optimizers, the first step with today's gradients; `me` takes its
 * gradient there; the others are put back.
 */
async function firstOrderGradients(me: Player, others: readonly Player[], depth: number, turns: UnrollTurns, today: (p: Player) => PlayerEval): Promise<tf.Tensor[]> {
  const snapshots = await Promise.all(others.map((p) => snapshotPlayer(p)));
  const moved: ReadonlySet<Player> = new Set(others);
  try {
    for (let k = 0; k < depth; k++) {
      // All others step together from the same weights, as keras_adversarial's symbolic unroll does.
      const grads = gradientsOf(others, (p) => (k === 0 ? today(p).grads!.map((g) => g.clone()) : withoutValues(turns.gradients(p, moved))));
      others.forEach((p, j) => {
        snapshots[j]!.shadow.applyGradients(p.variables.map((v, n) => ({ name: v.name, tensor: grads[j]![n]! })));
      });
      tf.dispose(grads.flat());
    }
    return withoutValues(turns.gradients(me, moved));
  } finally {
    snapshots.forEach((s, j) => s.restore(others[j]!));
  }
}

/** Each player's gradients; on a failure, those already taken are freed. */
function gradientsOf(players: readonly Player[], take: (p: Player) => tf.Tensor[]): tf.Tensor[][] {
  const out: tf.Tensor[][] = [];
  try {
    for (const p of players) out.push(take(p));
    return out;
  } catch (e) {
    tf.dispose(out.flat());
    throw e;
  }
}

function withoutValues(ev: PlayerEval): tf.Tensor[] {
  ev.values.dispose();
  return ev.grads!;
}
