import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError } from '../errors';
import { Random } from '../random';
import { optionKeys, requireOptions } from '../options';
import { DESERIALIZER_KEYS, LAYER_ARG_KEYS, oneTensor, type LayerArgs } from './layer-wrapper';

/** Arguments of {@link PermanentDropout}. */
export interface PermanentDropoutArgs extends LayerArgs {
  /** Fraction of the input units to drop, in [0, 1). */
  rate: number;
  /** Seeds the stream of dropout masks, so two layers with one seed drop the same units. @default unseeded */
  seed?: number;
}

const PERMANENT_DROPOUT_KEYS = optionKeys<PermanentDropoutArgs>()({ ...LAYER_ARG_KEYS, rate: true, seed: true });

/**
 * Dropout that stays on at inference (gandlf's `PermanentDropout`): every
 * call, in training or in `predict`, zeroes a random `rate` of the units and
 * scales the rest by `1 / (1 - rate)`. In a generator it acts as a source of
 * noise that sampling keeps.
 *
 * @example
 * const h = new layers.PermanentDropout({ rate: 0.2 }).apply(tf.layers.dense({ units: 512 }).apply(z));
 *
 * @param rate Fraction of units dropped.
 * @param seed Seeds the masks.
 */
export class PermanentDropout extends tf.layers.Layer {
  static className = 'GandlfPermanentDropout';
  readonly rate: number;
  readonly seed: number | undefined;
  private readonly random: Random;

  constructor(options: PermanentDropoutArgs) {
    const { rate, seed, ...args } = requireOptions(options, PERMANENT_DROPOUT_KEYS, 'PermanentDropout', 'args', DESERIALIZER_KEYS);
    super(args);
    if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) {
      throw new InvalidArgumentError(`Argument 'rate' passed to 'PermanentDropout' must be a number in [0, 1). Received: rate=${describe(rate)}`);
    }
    this.rate = rate;
    this.seed = seed;
    this.random = new Random(seed);
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = oneTensor(inputs);
    if (this.rate === 0) return tf.clone(x);
    // A fresh seed per call: one fixed seed would drop the same units every time.
    return tf.dropout(x, this.rate, undefined, this.random.nextSeed());
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, ...(this.seed === undefined ? {} : { seed: this.seed }) };
  }
}
tf.serialization.registerClass(PermanentDropout);
