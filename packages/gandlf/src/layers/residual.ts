import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError, ShapeMismatchError } from '../errors';
import { optionKeys, requireOptions } from '../options';
import { DESERIALIZER_KEYS, LAYER_ARG_KEYS, LayerWrapper, oneShape, oneTensor, type LayerWrapperArgs } from './layer-wrapper';

/**
 * How {@link Residual} merges `x` with `F(x)`, in the spellings of gandlf's
 * Python (Keras 1's `Merge` modes): `x + F(x)`, `x * F(x)`, `[x, F(x)]` on
 * the last axis, `(x + F(x)) / 2`, `max(x, F(x))`.
 */
export type ResidualMergeMode = 'sum' | 'mul' | 'concat' | 'ave' | 'max';

const MERGE_MODES: readonly ResidualMergeMode[] = ['sum', 'mul', 'concat', 'ave', 'max'];

/** Arguments of {@link Residual}. */
export interface ResidualArgs extends LayerWrapperArgs {
  /** How the input and the layer's output are merged. @default 'sum', as in gandlf */
  mergeMode?: ResidualMergeMode;
}

const RESIDUAL_KEYS = optionKeys<ResidualArgs>()({ ...LAYER_ARG_KEYS, layer: true, mergeMode: true });

// For the shape error: what each mode does with the input and the layer's output.
const MERGES: Record<ResidualMergeMode, string> = {
  sum: 'adds its input to',
  mul: 'multiplies its input by',
  ave: 'averages its input with',
  max: 'takes the maximum of its input and',
  concat: 'concatenates its input with',
};

/**
 * A residual connection around a layer (gandlf's `Residual` wrapper):
 * `x + layer(x)` by default, or another merge of `x` and `layer(x)` (see
 * `mergeMode`). The wrapped layer must keep its input's shape, except with
 * `'concat'`, where only the last axis may differ and the output's last axis
 * is the sum of both.
 *
 * gandlf's Python checks for an unchanged shape and reports the input's shape
 * as the output's in every mode, so its `'concat'` failed for any layer that
 * changes the last axis and misreported the shape otherwise; here it follows
 * the concatenation. Its other option, a Keras `Merge` layer or function as
 * the mode, is left out: it would not serialise.
 *
 * @example
 * const h2 = new layers.Residual({ layer: tf.layers.dense({ units: 64, activation: 'relu' }) }).apply(h); // h: [batch, 64]
 * const h3 = new layers.Residual({ layer: tf.layers.dense({ units: 16 }), mergeMode: 'concat' }).apply(h); // [batch, 80]
 *
 * @param layer The layer the shortcut goes around; the wrapper owns its weights.
 * @param mergeMode `'sum'`, `'mul'`, `'concat'`, `'ave'` or `'max'`.
 */
export class Residual extends LayerWrapper {
  static className = 'GandlfResidual';
  readonly mergeMode: ResidualMergeMode;

  constructor(args: ResidualArgs) {
    const { mergeMode = 'sum', ...rest } = requireOptions(args, RESIDUAL_KEYS, 'Residual', 'args', DESERIALIZER_KEYS);
    super(rest, 'Residual');
    if (!MERGE_MODES.includes(mergeMode)) {
      throw new InvalidArgumentError(`Argument 'mergeMode' passed to 'Residual' must be one of ${MERGE_MODES.map((m) => `'${m}'`).join(', ')}. Received: mergeMode=${describe(mergeMode)}`);
    }
    this.mergeMode = mergeMode;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = oneShape(inputShape);
    this.buildInner(shape);
    this.mergedShape(shape);
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return this.mergedShape(oneShape(inputShape));
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const x = oneTensor(inputs);
    return tf.tidy(() => {
      const fx = oneTensor(this.layer.call(x, kwargs));
      switch (this.mergeMode) {
        case 'sum':
          return tf.add(x, fx);
        case 'mul':
          return tf.mul(x, fx);
        case 'ave':
          return tf.mul(tf.add(x, fx), 0.5);
        case 'max':
          return tf.maximum(x, fx);
        case 'concat':
          return tf.concat([x, fx], -1);
      }
    });
  }

  /** The output shape for `shape`; throws unless the wrapped layer's output can be merged with the input. */
  private mergedShape(shape: tf.Shape): tf.Shape {
    const out = this.layer.computeOutputShape(shape) as tf.Shape;
    const concat = this.mergeMode === 'concat';
    // Concatenation on the last axis needs every other axis to agree, and an axis besides the batch.
    const last = concat ? shape.length - 1 : shape.length;
    if ((concat && shape.length < 2) || out.length !== shape.length || out.some((d, i) => i > 0 && i < last && d !== shape[i])) {
      const keep = concat ? 'every axis but the last of the shape' : 'the shape';
      const on = concat ? ' on the last axis' : '';
      throw new ShapeMismatchError(
        `'Residual' ${MERGES[this.mergeMode]} the output of '${this.layer.name}'${on}, so that layer must keep ${keep} [${shape.join(',')}]. Received: output shape [${out.join(',')}]`,
      );
    }
    if (!concat) return shape;
    const [a, b] = [shape[last], out[last]];
    return [...shape.slice(0, last), a == null || b == null ? null : a + b];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), mergeMode: this.mergeMode };
  }
}
tf.serialization.registerClass(Residual);
