import * as tf from '@tensorflow/tfjs';
import type { GanRoles } from '../adversarial/penalty';
import type { Batch, Player, PlayerEval } from '../adversarial/player';
import { discriminateAll, runGenerator } from '../penalties/gan-tensors';

/** What the shared step needs of a two-network GAN. */
export interface GanForward {
  /** The networks, where the data sits, and the view (augmentation) D sees samples through. */
  readonly roles: GanRoles;
  /** Whether D treats rows independently (`isRowWise`), so it may score real and fake data in one pass. */
  readonly rowWise: boolean;
}

/**
 * Both players' gradients of a gandlf `Model` with one generator forward pass,
 * where running each player's model would run the generator twice: the
 * generator player's gradient draws `G(z)` and keeps it; the discriminator
 * player's gradient, for D's weights only, then takes those samples as data,
 * scoring them and the real batch in one pass where D is row-wise. Both are
 * taken at the same parameters, so the result equals
 * `[generator.gradients(batch), discriminator.gradients(batch)]`.
 */
export function sharedGeneratorGradients(gan: GanForward, players: readonly Player[], batch: Batch): PlayerEval[] {
  const [generator, discriminator] = players as readonly [Player, Player];
  const { roles } = gan;
  const at = (positions: readonly number[]) => positions.map((i) => batch.inputs[i] as tf.Tensor);
  const cond = at(roles.conditionalInputs);
  let generated: tf.Tensor[] = [];
  let gEval: PlayerEval | undefined;
  try {
    gEval = generator.gradients(batch, () => {
      // Kept past the generator's gradient scope, for the discriminator's turn.
      generated = runGenerator(roles, batch, true).map((t) => tf.keep(t));
      return { predictions: discriminateAll(roles, generated, cond, true), generated };
    });
    const dEval = discriminator.gradients(batch, () => ({
      predictions: discriminateBoth(gan, generated, at(roles.realInputs), cond),
      generated,
    }));
    return [gEval, dEval];
  } catch (e) {
    if (gEval) tf.dispose([gEval.values, ...(gEval.grads ?? [])]);
    throw e;
  } finally {
    tf.dispose(generated);
  }
}

/** D's outputs on the fake batch, then on the real batch. */
function discriminateBoth(gan: GanForward, fake: readonly tf.Tensor[], real: readonly tf.Tensor[], cond: readonly tf.Tensor[]): tf.Tensor[] {
  const { roles } = gan;
  if (!gan.rowWise) return [...discriminateAll(roles, fake, cond, true), ...discriminateAll(roles, real, cond, true)];
  // One pass over [fake; real] (half the kernel launches), split back.
  const n = fake[0]!.shape[0]!;
  const both = discriminateAll(roles, fake.map((f, k) => tf.concat([f, real[k]!])), cond.map((c) => tf.concat([c, c])), true);
  return [...both.map((o) => tf.slice(o, 0, n)), ...both.map((o) => tf.slice(o, n))];
}
