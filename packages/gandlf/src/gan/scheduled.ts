import * as tf from '@tensorflow/tfjs';
import type { Player, PlayerEval } from '../engine/player';
import type { Scheduled } from '../engine/scheduled';
import type { StepContext } from '../engine/adversarial-optimizer';
import type { GanGame, GanStep } from './game';

/**
 * `Scheduled` on gandlf's `Model`: batch `i` trains only the player that
 * `schedule[i]` names. The other is scored for the logs (in training mode, as
 * keras_adversarial does) on the same `G(z)`, at the parameters the active
 * player saw.
 */
export function scheduledStep(game: GanGame, base: Scheduled): GanStep {
  return { step: async (ctx) => ganPlayerStep(game, ctx, base.playerAt(ctx.step)) };
}

/**
 * One GAN step that trains only player `active` (0: the generator, 1: the
 * discriminator) and scores the other on the same `G(z)`: a step of
 * `Scheduled`, and `Model.trainOnBatch({ only })`.
 */
export function ganPlayerStep(game: GanGame, { players, batch }: Pick<StepContext, 'players' | 'batch'>, active: number): tf.Tensor1D[] {
  const [g, d] = players as readonly [Player, Player];
  if (active === 0) {
    // The generator's tape: fake = G(z), D(fake). The discriminator is scored on the same samples.
    const gen = game.generatorTurn(g, batch);
    let dValues: tf.Tensor1D;
    try {
      dValues = game.scoreDiscriminator(d, batch, gen.fake, true);
    } catch (e) {
      tf.dispose([gen.eval.values, ...gen.eval.grads!]);
      throw e;
    } finally {
      tf.dispose(gen.fake);
    }
    g.apply(gen.eval.grads!);
    return [gen.eval.values, dValues];
  }
  // G(z) without a tape: the discriminator's tape over D(real) and D(fake); the generator is scored on fake.
  const fake = tf.tidy(() => game.generate(batch, true));
  try {
    const dEval: PlayerEval = game.discriminatorTurn(d, batch, fake);
    let gValues: tf.Tensor1D;
    try {
      gValues = game.scoreGenerator(g, batch, fake, true);
    } catch (e) {
      tf.dispose([dEval.values, ...dEval.grads!]);
      throw e;
    }
    d.apply(dEval.grads!);
    return [gValues, dEval.values];
  } finally {
    tf.dispose(fake);
  }
}
