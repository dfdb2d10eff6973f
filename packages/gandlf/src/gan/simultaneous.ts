import * as tf from '@tensorflow/tfjs';
import type { Player, PlayerEval } from '../engine/player';
import type { GanGame, GanStep } from './game';

/**
 * `Simultaneous` on gandlf's `Model`: both players take their gradients at
 * the same parameters, then both apply. G runs once per step: the
 * discriminator's turn scores the samples of the generator's turn.
 */
export function simultaneousStep(game: GanGame): GanStep {
  return {
    async step({ players, batch }) {
      const [g, d] = players as readonly [Player, Player];
      // z is drawn with the batch. The generator's tape: fake = G(z), D(fake), its losses and penalties.
      const gen = game.generatorTurn(g, batch);
      let dEval: PlayerEval;
      try {
        // The discriminator's tape: D(real) and D(fake), with fake a constant; its losses and penalties.
        dEval = game.discriminatorTurn(d, batch, gen.fake);
      } catch (e) {
        // Nothing applied yet: free what was computed and leave the model untouched.
        tf.dispose([gen.eval.values, ...gen.eval.grads!]);
        throw e;
      } finally {
        tf.dispose(gen.fake);
      }
      // Apply both, each through its own optimizer.
      g.apply(gen.eval.grads!);
      d.apply(dEval.grads!);
      return [gen.eval.values, dEval.values];
    },
  };
}
