import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError } from '../errors';
import { DESERIALIZER_KEYS, LAYER_ARG_KEYS, type LayerArgs } from '../layers/layer-wrapper';
import { optionKeys, requireOptions } from '../options';

/** Configuration of {@link LatentSampling}; besides its own, it takes the tfjs layer arguments (`name`, `trainable`, ...). */
export interface LatentSamplingArgs extends LayerArgs {
  /** Shape of one latent sample, e.g. `[100]`. */
  shape: number[];
  /** Draw from a standard normal or a uniform distribution. @default 'normal' */
  distribution?: 'normal' | 'uniform';
  /** Lower bound for `'uniform'`. @default 0 */
  low?: number;
  /** Upper bound for `'uniform'`. @default 1 */
  high?: number;
  /** Layer name. @default assigned by tfjs */
  name?: string;
}

const LATENT_SAMPLING_KEYS = optionKeys<LatentSamplingArgs>()({ ...LAYER_ARG_KEYS, shape: true, distribution: true, low: true, high: true });

/**
 * A layer that ignores its input's values and returns a fresh latent batch of
 * the same batch size: keras_adversarial's latent sampling, which lets a GAN
 * take only real data as input (`simpleGan`).
 */
export class LatentSampling extends tf.layers.Layer {
  static className = 'GandlfLatentSampling';
  readonly shape: number[];
  readonly distribution: 'normal' | 'uniform';
  readonly low: number;
  readonly high: number;

  constructor(options: LatentSamplingArgs) {
    // The layer arguments come back from getConfig (name, trainable, ...) when a model is loaded.
    const { shape, distribution = 'normal', low = 0, high = 1, ...args } = requireOptions(options, LATENT_SAMPLING_KEYS, 'LatentSampling', 'args', DESERIALIZER_KEYS);
    super(args);
    if (!Array.isArray(shape) || shape.length === 0 || shape.some((d) => !Number.isInteger(d) || d <= 0)) {
      throw new InvalidArgumentError(`Argument 'shape' passed to 'LatentSampling' must be a non-empty list of positive integers. Received: shape=${describe(shape)}`);
    }
    if (distribution !== 'normal' && distribution !== 'uniform') {
      throw new InvalidArgumentError(`Argument 'distribution' passed to 'LatentSampling' must be 'normal' or 'uniform'. Received: distribution=${describe(distribution)}`);
    }
    this.shape = [...shape];
    this.distribution = distribution;
    this.low = low;
    this.high = high;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const first = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [first[0] ?? null, ...this.shape];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? (inputs[0] as tf.Tensor) : inputs;
    const shape = [x.shape[0] as number, ...this.shape];
    return this.distribution === 'normal' ? tf.randomNormal(shape) : tf.randomUniform(shape, this.low, this.high);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), shape: this.shape, distribution: this.distribution, low: this.low, high: this.high };
  }
}
tf.serialization.registerClass(LatentSampling);

/** A layer drawing `N(0, 1)` latents of `shape` per input sample. @example helpers.normalLatentSampling([100]) */
export function normalLatentSampling(shape: number[]): LatentSampling {
  return new LatentSampling({ shape, distribution: 'normal' });
}

/** A layer drawing `U(low, high)` latents of `shape` per input sample. */
export function uniformLatentSampling(shape: number[], low = 0, high = 1): LatentSampling {
  return new LatentSampling({ shape, distribution: 'uniform', low, high });
}
