import type * as tf from '@tensorflow/tfjs';
import type { AdversarialOptimizer, StepContext } from './adversarial-optimizer';

/**
 * One step that trains only player `active`: the others are scored for the
 * logs (in training mode, as keras_adversarial does) at the parameters the
 * active player saw. `Scheduled` takes each of its steps this way.
 */
export function onePlayerStep({ players, batch }: Pick<StepContext, 'players' | 'batch'>, active: number): tf.Tensor1D[] {
  const ev = players[active]!.gradients(batch);
  const values = players.map((p, i) => (i === active ? ev.values : p.evaluate(batch, { training: true }).values));
  players[active]!.apply(ev.grads!);
  return values;
}

/**
 * `trainOnBatch({ only })`'s optimizer: every step trains player `active`
 * alone, as a one-entry `Scheduled` would (without importing the class, so an
 * app that never schedules does not bundle it).
 */
export function soloOptimizer(active: number): AdversarialOptimizer {
  return {
    className: 'Solo',
    bind() {},
    step: async (ctx) => onePlayerStep(ctx, active),
    getConfig: () => ({ player: active }),
  };
}
