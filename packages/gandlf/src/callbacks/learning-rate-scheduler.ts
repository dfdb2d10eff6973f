import type * as tf from '@tensorflow/tfjs';
import type { Player } from '../engine/player';
import { describe, InvalidArgumentError } from '../errors';
import { optionKeys, requireOptions } from '../options';
import { setLearningRate } from '../optim/weight-clipping';
import type { Callback } from '../training/callbacks';

/**
 * A learning-rate schedule: the rate for `epoch` (counted from 0, as
 * `fit`'s `initialEpoch` counts), given the player's current rate. Called
 * once per player and epoch; `(epoch) => rate` and Keras's `(epoch, lr)` fit.
 */
export type LearningRateSchedule = (epoch: number, lr: number, player: string) => number;

/** What the scheduler reaches the optimizers through: an `AdversarialModel`, or a gandlf `Model` by its `adversarial` engine. */
export type HasPlayers = { getPlayers(): readonly Player[] } | { readonly adversarial: { getPlayers(): readonly Player[] } };

/** Options of {@link learningRateScheduler}. */
export interface LearningRateSchedulerOptions {
  /** The compiled model whose players' optimizers to set. */
  model: HasPlayers;
  /** Print each change, as Keras's `verbose=1` does. @default 0 */
  verbose?: boolean | 0 | 1;
  /** Where `verbose` prints. @default console.log */
  print?: (line: string) => void;
}

const LEARNING_RATE_SCHEDULER_KEYS = optionKeys<LearningRateSchedulerOptions>()({ model: true, verbose: true, print: true });

/**
 * Keras's `LearningRateScheduler`: at the start of every epoch, sets each
 * player's learning rate to `schedule(epoch, lr, player)`. Keras's model has
 * one optimizer; here every player's is set, each from its own current rate.
 *
 * With `train.sgd`, `train.adam` or `train.rmsprop`, the schedule sets the
 * rate before decay, and the decay still applies on top, as in Keras.
 *
 * @example
 * await gan.fit(x, y, { epochs: 50, callbacks: [callbacks.learningRateScheduler((epoch, lr) => (epoch < 10 ? lr : lr * 0.95), { model: gan })] });
 *
 * @param schedule The rate for each epoch and player.
 * @param options The model, and whether to print each change.
 */
export function learningRateScheduler(schedule: LearningRateSchedule, options: LearningRateSchedulerOptions): Callback {
  const fn = 'learningRateScheduler';
  if (typeof schedule !== 'function') {
    throw new InvalidArgumentError(`Argument 'schedule' passed to '${fn}' must be a function (epoch, lr) => number. Received: schedule=${describe(schedule)}`);
  }
  const { model, verbose = 0, print = console.log } = requireOptions(options, LEARNING_RATE_SCHEDULER_KEYS, fn);
  const owner = model && typeof model === 'object' ? ('adversarial' in model ? model.adversarial : model) : undefined;
  if (!owner || typeof (owner as { getPlayers?: unknown }).getPlayers !== 'function') {
    throw new InvalidArgumentError(`Option 'model' passed to '${fn}' must be an AdversarialModel or a gandlf Model. Received: model=${describe(model)}`);
  }
  if (verbose !== true && verbose !== false && verbose !== 0 && verbose !== 1) {
    throw new InvalidArgumentError(`Option 'verbose' passed to '${fn}' must be true, false, 0 or 1. Received: verbose=${describe(verbose)}`);
  }
  if (typeof print !== 'function') throw new InvalidArgumentError(`Option 'print' passed to '${fn}' must be a function. Received: print=${describe(print)}`);
  return {
    onEpochBegin(epoch: number) {
      const players = owner.getPlayers();
      // Every rate is computed and checked before any is set, so a bad one changes nothing.
      const rates = players.map((p) => {
        const lr = schedule(epoch, learningRateOf(p.optimizer, fn), p.name);
        if (typeof lr !== 'number' || !Number.isFinite(lr) || lr < 0) {
          throw new InvalidArgumentError(`The schedule passed to '${fn}' must return a finite number >= 0. Received: ${describe(lr)} for player '${p.name}' at epoch ${epoch}`);
        }
        return lr;
      });
      players.forEach((p, i) => {
        setLearningRate(p.optimizer, rates[i]!, fn);
        if (verbose) print(`Epoch ${String(epoch + 1).padStart(5, '0')}: LearningRateScheduler setting learning rate of '${p.name}' to ${rates[i]}.`);
      });
    },
  };
}

/** An optimizer's learning rate: the `learningRate` field every tfjs optimizer keeps (a getter on `WeightClipping`). */
function learningRateOf(optimizer: tf.Optimizer, fn: string): number {
  const lr = (optimizer as unknown as { learningRate?: unknown }).learningRate;
  if (typeof lr !== 'number') {
    throw new InvalidArgumentError(`'${fn}' cannot read the learning rate of ${optimizer.getClassName()}: it has no 'learningRate'. Received: optimizer=${describe(optimizer)}`);
  }
  return lr;
}
