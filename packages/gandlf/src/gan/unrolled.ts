import * as tf from '@tensorflow/tfjs';
import type { Player, PlayerEval } from '../engine/player';
import { unrolledStep as unroll, type UnrollTurns } from '../engine/unroll';
import type { Unrolled } from '../engine/unrolled';
import type { GanGame, GanStep } from './game';

/**
 * `Unrolled` on gandlf's `Model` (Metz et al. 2017): the engine's unrolled
 * step (`engine/unroll.ts`) over the game's turns. Each look-ahead player
 * (by default the generator) takes its gradient against the other unrolled
 * `depth` steps; both log their values at today's weights and apply.
 *
 * One `G(z)` serves every evaluation at today's generator weights: the
 * logged values, and all of D's unrolled steps (G does not move while D
 * unrolls). Where G is unrolled, D's turn draws `G(z)` at G's unrolled
 * weights. The second order runs G inside D's loss (`discriminatorLoss`), so
 * D's unrolled updates are functions of G's weights.
 */
export function unrolledStep(game: GanGame, base: Unrolled): GanStep {
  return {
    async step({ players, batch }) {
      const [g, d] = players as readonly [Player, Player];
      // G(z) at today's generator weights, made on first use.
      let fake: tf.Tensor[] | null = null;
      const todaysFake = () => (fake ??= tf.tidy(() => game.generate(batch, true)));
      const turns: UnrollTurns = {
        gradients(p, moved): PlayerEval {
          if (p === g) {
            // The generator's tape: G(z) and D(G(z)). Its samples serve D when G is at today's weights.
            const gen = game.generatorTurn(g, batch);
            if (fake === null && !moved.has(g)) fake = gen.fake;
            else tf.dispose(gen.fake);
            return gen.eval;
          }
          if (!moved.has(g)) return game.discriminatorTurn(d, batch, todaysFake());
          const now = tf.tidy(() => game.generate(batch, true));
          try {
            return game.discriminatorTurn(d, batch, now);
          } finally {
            tf.dispose(now);
          }
        },
        values: (p) => (p === g ? game.scoreGenerator(g, batch, todaysFake(), true) : game.scoreDiscriminator(d, batch, todaysFake(), true)),
        loss: (p) => (p === g ? game.generatorLoss(g, batch) : game.discriminatorLoss(d, batch)),
      };
      try {
        return await unroll(players, base.playerDepths, base.secondOrder, turns);
      } finally {
        tf.dispose(fake ?? []);
      }
    },
  };
}
