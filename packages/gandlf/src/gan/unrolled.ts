import * as tf from '@tensorflow/tfjs';
import type { Player, PlayerEval } from '../engine/player';
import { playerIndex } from '../engine/adversarial-optimizer';
import { snapshotPlayer } from '../engine/snapshot-player';
import type { Unrolled } from '../engine/unrolled';
import type { GanGame, GanStep } from './game';

/**
 * `Unrolled` on gandlf's `Model` (Metz et al. 2017, first order): the
 * look-ahead player (the generator by default) takes its gradient against the
 * other as it will be `depth` steps ahead; then both apply the gradients
 * taken at today's parameters. While the discriminator unrolls, G does not
 * change, so one `G(z)` serves all its steps.
 */
export function unrolledStep(game: GanGame, base: Unrolled): GanStep {
  let lookahead = 0;
  return {
    bind(playerNames) {
      lookahead = playerIndex(base.player, playerNames, "Unrolled option 'player'");
    },
    async step({ players, batch }) {
      const [g, d] = players as readonly [Player, Player];
      const me = players[lookahead]!;
      const other = players[1 - lookahead]!;
      let fake: tf.Tensor[] | null = null;
      // One player's tape: the generator's over G(z) and D(G(z)); the discriminator's over D(real) and D(fake).
      const turn = (p: Player): PlayerEval => {
        if (p === g) {
          const gen = game.generatorTurn(g, batch);
          tf.dispose(gen.fake);
          return gen.eval;
        }
        fake ??= tf.tidy(() => game.generate(batch, true));
        return game.discriminatorTurn(d, batch, fake);
      };
      let first: PlayerEval | undefined;
      let mine: PlayerEval;
      try {
        // The other player's gradient at today's parameters.
        first = turn(other);
        if (base.depth === 0) {
          mine = turn(me);
        } else {
          // Unroll the other player on a copy of its optimizer, look ahead, then put it back.
          const snapshot = await snapshotPlayer(other);
          try {
            for (let k = 0; k < base.depth; k++) {
              let grads: tf.Tensor[];
              if (k === 0) {
                grads = first.grads!.map((t) => t.clone());
              } else {
                const ev = turn(other);
                ev.values.dispose();
                grads = ev.grads!;
              }
              snapshot.shadow.applyGradients(other.variables.map((v, n) => ({ name: v.name, tensor: grads[n]! })));
              tf.dispose(grads);
            }
            mine = turn(me);
          } finally {
            snapshot.restore(other);
          }
        }
      } catch (e) {
        if (first) tf.dispose([first.values, ...first.grads!]);
        throw e;
      } finally {
        tf.dispose(fake ?? []);
      }
      // Apply both gradients, each taken by its player's own turn.
      other.apply(first.grads!);
      me.apply(mine.grads!);
      const values: tf.Tensor1D[] = [];
      values[other.index] = first.values;
      values[me.index] = mine.values;
      return values;
    },
  };
}
