import * as tf from '@tensorflow/tfjs';
import type { Player } from '../engine/player';
import { describe, InvalidArgumentError } from '../errors';
import type { AdversarialOptimizer } from '../engine/adversarial-optimizer';
import type { Alternating } from '../engine/alternating';
import type { Scheduled } from '../engine/scheduled';
import type { Unrolled } from '../engine/unrolled';
import { alternatingStep } from './alternating';
import type { GanGame, GanStep } from './game';
import { ganPlayerStep, scheduledStep } from './scheduled';
import { simultaneousStep } from './simultaneous';
import { unrolledStep } from './unrolled';

/**
 * The adversarial optimizer gandlf's `Model` hands its engine: it steps as
 * the GAN step of `base` (one file per adversarial optimizer in `gan/`) and
 * scores `evaluate` batches with one `G(z)`; its name and config are `base`'s,
 * so checkpoints record `base`.
 */
export function ganOptimizer(game: GanGame, base: AdversarialOptimizer, fn: string): AdversarialOptimizer {
  const gan = ganStep(game, base, fn);
  return {
    className: base.className,
    bind(playerNames) {
      base.bind(playerNames);
      gan.bind?.(playerNames);
    },
    // The step itself, so that `fit` calls straight into the strategy's file.
    step: gan.step,
    evaluate({ players, batch }) {
      const [g, d] = players as readonly [Player, Player];
      const fake = tf.tidy(() => game.generate(batch, false));
      try {
        return [game.scoreGenerator(g, batch, fake, false), game.scoreDiscriminator(d, batch, fake, false)];
      } finally {
        tf.dispose(fake);
      }
    },
    getConfig: () => base.getConfig(),
  };
}

/**
 * `Model.trainOnBatch({ only })`'s optimizer: every step trains player
 * `active` alone, as the GAN step of a one-entry `Scheduled` would.
 */
export function ganSolo(game: GanGame, active: number): AdversarialOptimizer {
  return {
    className: 'Solo',
    bind() {},
    step: async (ctx) => ganPlayerStep(game, ctx, active),
    getConfig: () => ({ player: active }),
  };
}

// By name, not instanceof: importing the classes would bundle all four into every app that uses Model.
function ganStep(game: GanGame, base: AdversarialOptimizer, fn: string): GanStep {
  if (base?.className === 'Simultaneous') return simultaneousStep(game);
  if (base?.className === 'Alternating') return alternatingStep(game, base as Alternating);
  if (base?.className === 'Scheduled') return scheduledStep(game, base as Scheduled);
  if (base?.className === 'Unrolled') return unrolledStep(game, base as Unrolled);
  throw new InvalidArgumentError(
    `Argument 'adversarialOptimizer' passed to '${fn}' must be a Simultaneous, Alternating, Scheduled or Unrolled on a Model, whose steps run the generator and the discriminator directly; for an adversarial optimizer of your own, use AdversarialModel. Received: adversarialOptimizer=${describe(base)}`,
  );
}
