import * as tf from '@tensorflow/tfjs';
import type { Player } from '../engine/player';
import { resolveSteps } from '../engine/adversarial-optimizer';
import type { Alternating } from '../engine/alternating';
import type { GanGame, GanStep } from './game';

/**
 * `Alternating` on gandlf's `Model`: the players update in turn (generator
 * first, or the discriminator with `reverse`), each as often as `steps`
 * says, each seeing the other's new parameters. The discriminator's repeats
 * share one `G(z)`, drawn again only after the generator has changed.
 */
export function alternatingStep(game: GanGame, base: Alternating): GanStep {
  let counts = [1, 1];
  return {
    bind(playerNames) {
      counts = resolveSteps(base.steps, playerNames, 'Alternating');
    },
    async step({ players, batch }) {
      const [g, d] = players as readonly [Player, Player];
      const values: tf.Tensor1D[] = [];
      // G(z) at the generator's current parameters, for the discriminator's turns.
      let fake: tf.Tensor[] | null = null;
      try {
        for (const turn of base.reverse ? [1, 0] : [0, 1]) {
          for (let k = 0; k < counts[turn]!; k++) {
            if (turn === 0) {
              // The generator's tape: fake = G(z), D(fake); then apply. D's next turn draws G(z) afresh.
              const gen = game.generatorTurn(g, batch);
              tf.dispose([gen.fake, ...(fake ?? [])]);
              fake = null;
              g.apply(gen.eval.grads!);
              values[0]?.dispose();
              values[0] = gen.eval.values;
            } else {
              // The discriminator's tape: D(real) and D(fake), with fake a constant; then apply.
              fake ??= tf.tidy(() => game.generate(batch, true));
              const ev = game.discriminatorTurn(d, batch, fake);
              d.apply(ev.grads!);
              values[1]?.dispose();
              values[1] = ev.values;
            }
          }
        }
      } catch (e) {
        tf.dispose(values);
        throw e;
      } finally {
        tf.dispose(fake ?? []);
      }
      return values;
    },
  };
}
