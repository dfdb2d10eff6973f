import * as tf from '@tensorflow/tfjs';
import { ShapeMismatchError } from '../errors';
import type { LayerArgs } from '../layers/layer-wrapper';
import { DESERIALIZER_KEYS, LAYER_ARG_KEYS, oneShape, oneTensor } from '../layers/layer-wrapper';
import { checkOptions, optionKeys } from '../options';
import { Random } from '../random';
import { diffAugment, parsePolicy } from './diff-augment';

/** Arguments of {@link DiffAugment}. */
export interface DiffAugmentArgs extends LayerArgs {
  /** Comma-separated transforms among `color`, `translation`, `cutout`. @default 'color,translation,cutout' */
  policy?: string;
  /** Seeds the augmentations. @default unseeded */
  seed?: number;
}

const DIFF_AUGMENT_ARGS_KEYS = optionKeys<DiffAugmentArgs>()({ ...LAYER_ARG_KEYS, policy: true, seed: true });

/**
 * DiffAugment (Zhao et al. 2020): colour, translation and cutout, drawn per
 * sample and differentiable (the transforms of `diffAugment`), as a layer that
 * augments in training calls only and passes images through unchanged
 * otherwise, so `predict` sees the real images. gandlf's one public name for
 * DiffAugment: `apply(x, { training: true })` augments a tensor directly.
 * `Model({ augment })` puts one in front of the discriminator's image inputs.
 *
 * @example const view = new layers.DiffAugment({ policy: 'translation,cutout' }).apply(image);
 */
export class DiffAugment extends tf.layers.Layer {
  static className = 'GandlfDiffAugment';
  readonly policy: string;
  readonly seed: number | undefined;
  private readonly random: Random;

  constructor(options: DiffAugmentArgs = {}) {
    const { policy = 'color,translation,cutout', seed, ...args } = checkOptions(options, DIFF_AUGMENT_ARGS_KEYS, 'DiffAugment', 'args', DESERIALIZER_KEYS);
    super(args);
    parsePolicy(policy, 'DiffAugment');
    this.policy = policy;
    this.seed = seed;
    this.random = new Random(seed);
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = oneShape(inputShape);
    if (shape.length !== 4) {
      throw new ShapeMismatchError(`'DiffAugment' augments images [batch, height, width, channels]. Received: input shape [${shape.join(',')}]`);
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const x = oneTensor(inputs);
    return kwargs.training === true ? diffAugment(x, { policy: this.policy, random: this.random }) : tf.clone(x);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), policy: this.policy, ...(this.seed === undefined ? {} : { seed: this.seed }) };
  }
}
tf.serialization.registerClass(DiffAugment);
