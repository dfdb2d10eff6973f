import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError } from '../errors';
import { deserializeLayer } from '../layers/layer-wrapper';
import { checkOptions, optionKeys } from '../options';
import type { Callback } from '../training/callbacks';

/** Options of {@link ExponentialMovingAverage}. */
export interface EmaOptions {
  /** Weight of the old average in each update, `avg = decay · avg + (1 - decay) · w`. @default 0.999 (an average over about 1000 steps) */
  decay?: number;
}

/** The keys of `EmaOptions`; `Model.compile({ ema })` checks them too. */
export const EMA_KEYS = optionKeys<EmaOptions>()({ decay: true });

/**
 * An exponential moving average of a network's weights (Yazıcı et al. 2019;
 * used by ProGAN, StyleGAN, BigGAN): a shadow copy whose trainable weights
 * follow `avg = decay · avg + (1 - decay) · w` after every step, and whose
 * other weights (batch-norm statistics, spectral-norm vectors) are copied. The
 * average of a generator's recent weights gives better samples than its last
 * weights, which oscillate in the game.
 *
 * `Model.compile({ ema: { decay } })` keeps one for the generator and uses it
 * for `sample` and `save`.
 *
 * @example
 * const ema = new train.ExponentialMovingAverage(generator, { decay: 0.999 });
 * // after each training step:
 * ema.update();
 * const images = ema.shadow.predict(z);
 *
 * @param source The network to follow; the shadow starts as a copy.
 * @param decay How slowly the average moves.
 */
export class ExponentialMovingAverage {
  /** The averaged copy of the source network. */
  readonly shadow: tf.LayersModel;
  readonly decay: number;
  private readonly pairs: { from: tf.LayerVariable; to: tf.LayerVariable; average: boolean }[];

  constructor(
    readonly source: tf.LayersModel,
    options: EmaOptions = {},
  ) {
    const fn = 'ExponentialMovingAverage';
    const { decay = 0.999 } = checkOptions(options, EMA_KEYS, fn);
    if (!(source instanceof tf.LayersModel)) {
      throw new InvalidArgumentError(`Argument 'source' passed to '${fn}' must be a tf.LayersModel. Received: source=${describe(source)}`);
    }
    if (typeof decay !== 'number' || !(decay >= 0 && decay < 1)) {
      throw new InvalidArgumentError(`Option 'decay' passed to '${fn}' must be a number in [0, 1). Received: decay=${describe(decay)}`);
    }
    this.decay = decay;
    this.shadow = deserializeLayer(source.getClassName(), source.getConfig()) as tf.LayersModel;
    this.shadow.setWeights(source.getWeights());
    const trainable = new Set(source.trainableWeights);
    this.pairs = source.weights.map((from, i) => ({ from, to: this.shadow.weights[i]!, average: trainable.has(from) }));
  }

  /** One step of the average: call after each update of the source. */
  update(): void {
    tf.tidy(() => {
      for (const { from, to, average } of this.pairs) {
        const w = from.read();
        to.write(average ? tf.add(tf.mul(to.read(), this.decay), tf.mul(w, 1 - this.decay)) : w);
      }
    });
  }

  /** Copies weights into the shadow, e.g. from a checkpoint (in `shadow.weights` order). */
  setWeights(weights: readonly tf.Tensor[]): void {
    this.shadow.setWeights([...weights]);
  }

  /**
   * A training callback that updates the average once for every step the
   * model has taken. It updates at the start of the next batch and at the end
   * of each epoch rather than after each batch, so `fit` need not read losses
   * back every batch; by `onEpochEnd` and `onTrainEnd` the average is current.
   * Put it first among the callbacks so that others see it current.
   */
  callback(model: { readonly step: number }): Callback {
    let seen = model.step;
    const sync = () => {
      if (model.step !== seen) this.update();
      seen = model.step;
    };
    return { onTrainBegin: () => void (seen = model.step), onBatchBegin: sync, onEpochEnd: sync, onTrainEnd: sync };
  }

  /** Frees the shadow's weights. */
  dispose(): void {
    this.shadow.dispose();
  }
}
