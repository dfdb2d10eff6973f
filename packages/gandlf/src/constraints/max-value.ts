import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError } from '../errors';
import { checkOptions, optionKeys } from '../options';
import { ConstraintBase } from './constraint';

/** Arguments of {@link MaxValue}. */
export interface MaxValueArgs {
  /** Every weight is clipped to `[-c, c]`. @default 0.01, as in gandlf and the WGAN paper */
  c?: number;
}

const MAX_VALUE_KEYS = optionKeys<MaxValueArgs>()({ c: true });

// tfjs's deserializer adds `customObjects` to the config it constructs from.
const DESERIALIZER_KEYS: readonly string[] = ['customObjects'];

/**
 * gandlf's `MaxValue` weight constraint: clips every weight to `[-c, c]`,
 * WGAN's weight clipping (Arjovsky et al. 2017) as a per-layer constraint,
 * e.g. only on the critic's kernels. Registered for serialisation, so it
 * survives `model.toJSON()` and `model.save`.
 *
 * gandlf's Python returns `tanh(w) * c`, and documents an `axis` it never
 * uses. Applied after every update, that maps `w` to `c·tanh(w)`, which
 * shrinks every weight towards 0 by about the factor `c` each step, not a
 * bound. This is the clipping its docstring and the WGAN paper describe;
 * there is no `axis`.
 *
 * gandlf's `Model` and `AdversarialModel` apply it after every update, as
 * Keras does. tfjs 4.22's own `model.fit` does not (tfjs issue 3345): there,
 * call `constraints.applyConstraints` from a callback's `onBatchEnd`.
 *
 * @example
 * const critic = tf.layers.dense({ units: 64, kernelConstraint: new constraints.MaxValue({ c: 0.01 }) });
 *
 * @param c The bound on every weight's magnitude.
 */
export class MaxValue extends ConstraintBase {
  static className = 'GandlfMaxValue';
  readonly c: number;

  constructor(args: MaxValueArgs = {}) {
    super();
    const { c = 0.01 } = checkOptions(args, MAX_VALUE_KEYS, 'MaxValue', 'args', DESERIALIZER_KEYS);
    if (typeof c !== 'number' || !Number.isFinite(c) || !(c > 0)) {
      throw new InvalidArgumentError(`Argument 'c' passed to 'MaxValue' must be a positive number. Received: c=${describe(c)}`);
    }
    this.c = c;
  }

  override apply(w: tf.Tensor): tf.Tensor {
    return tf.tidy(() => tf.clipByValue(w, -this.c, this.c));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { c: this.c };
  }

  // Spelled out: `ConstraintBase`'s type has no statics, and registerClass needs this one.
  static fromConfig<T extends tf.serialization.Serializable>(cls: tf.serialization.SerializableConstructor<T>, config: tf.serialization.ConfigDict): T {
    return new cls(config);
  }
}
tf.serialization.registerClass(MaxValue);
