import type * as tf from '@tensorflow/tfjs';
import type { Player } from '../engine/player';
import { describe, InvalidArgumentError } from '../errors';
import { optionKeys, requireOptions } from '../options';
import { setLearningRate } from '../optim/weight-clipping';
import type { Callback, Logs } from '../training/callbacks';

/** Options of {@link adaptiveLearningRate}. */
export interface AdaptiveLearningRateOptions {
  /** The model whose players' optimizers to adapt: a `Model`, or anything with its `adversarial` engine. */
  model: { readonly adversarial: { getPlayers(): readonly Player[] } };
  /** The generator's largest learning rate, reached when the discriminator's loss is 0. */
  generatorLr: number;
  /** The discriminator's largest learning rate, reached when the generator's loss is 0. */
  discriminatorLr: number;
}

const ADAPTIVE_LEARNING_RATE_KEYS = optionKeys<AdaptiveLearningRateOptions>()({ model: true, generatorLr: true, discriminatorLr: true });

/** The learning rates that gandlf's rule gives for one batch's logs. */
export function adaptiveRates(logs: Logs, generatorLr: number, discriminatorLr: number): { generator: number; discriminator: number } {
  let gen = 0;
  let dis = 0;
  for (const [key, value] of Object.entries(logs)) {
    const isGen = key.endsWith('gen_loss');
    const isDis = key.endsWith('real_loss') || key.endsWith('fake_loss');
    if (!isGen && !isDis) continue;
    if (value < 0) {
      throw new InvalidArgumentError(
        `'adaptiveLearningRate' shares the learning rate by loss, so losses must not be negative (use it with cross-entropy or least squares, not Wasserstein or hinge). Received: ${key}=${value}`,
      );
    }
    if (isGen) gen += value;
    else dis += value;
  }
  dis /= 2; // real and fake count once between them
  const total = gen + dis + 1e-12;
  return { generator: (generatorLr * gen) / total, discriminator: (discriminatorLr * dis) / total };
}

/**
 * gandlf's `AdaptiveLearningRate`: after every batch, each network's learning
 * rate is its maximum times its share of the loss, so the network that is
 * losing the game learns faster:
 * `gen = Σ *gen_loss`, `dis = (Σ *real_loss + Σ *fake_loss) / 2`,
 * `lr_G = generatorLr · gen / (gen + dis)`, `lr_D = discriminatorLr · dis / (gen + dis)`.
 *
 * It needs every batch's losses, so `fit` reads them back each batch while
 * it is attached.
 *
 * @example
 * await model.fit(['normal', x], ['zeros', 'ones'], { callbacks: [callbacks.adaptiveLearningRate({ model, generatorLr: 2e-3, discriminatorLr: 2e-3 })] });
 *
 * @param model A compiled `Model`.
 * @param generatorLr The generator's maximum learning rate.
 * @param discriminatorLr The discriminator's maximum learning rate.
 */
export function adaptiveLearningRate(options: AdaptiveLearningRateOptions): Callback {
  const fn = 'adaptiveLearningRate';
  const { model, generatorLr, discriminatorLr } = requireOptions(options, ADAPTIVE_LEARNING_RATE_KEYS, fn);
  for (const [arg, v] of [
    ['generatorLr', generatorLr],
    ['discriminatorLr', discriminatorLr],
  ] as const) {
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) {
      throw new InvalidArgumentError(`Option '${arg}' passed to '${fn}' must be a positive number. Received: ${arg}=${describe(v)}`);
    }
  }
  const optimizer = (name: string): tf.Optimizer => {
    const player = model.adversarial.getPlayers().find((p) => p.name === name);
    if (!player)
      throw new InvalidArgumentError(`'${fn}' needs players named 'generator' and 'discriminator' (a gandlf Model). Received: players ${describe(model.adversarial.getPlayers().map((p) => p.name))}`);
    return player.optimizer;
  };
  return {
    onBatchEnd(_batch: number, logs: Logs = {}) {
      const rates = adaptiveRates(logs, generatorLr, discriminatorLr);
      setLearningRate(optimizer('generator'), rates.generator, fn);
      setLearningRate(optimizer('discriminator'), rates.discriminator, fn);
    },
  };
}
