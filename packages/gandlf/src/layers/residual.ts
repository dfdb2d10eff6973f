import * as tf from '@tensorflow/tfjs';
import { ShapeMismatchError } from '../errors';
import { optionKeys, requireOptions } from '../options';
import { DESERIALIZER_KEYS, LAYER_ARG_KEYS, LayerWrapper, oneShape, oneTensor, type LayerWrapperArgs } from './layer-wrapper';

/** Arguments of {@link Residual}. */
export type ResidualArgs = LayerWrapperArgs;

const RESIDUAL_KEYS = optionKeys<ResidualArgs>()({ ...LAYER_ARG_KEYS, layer: true });

/**
 * A residual connection around a layer (gandlf's `Residual` wrapper):
 * `x + layer(x)`. The wrapped layer must keep its input's shape.
 *
 * @example
 * const h2 = new layers.Residual({ layer: tf.layers.dense({ units: 64, activation: 'relu' }) }).apply(h); // h: [batch, 64]
 *
 * @param layer The layer the shortcut goes around; the wrapper owns its weights.
 */
export class Residual extends LayerWrapper {
  static className = 'GandlfResidual';

  constructor(args: ResidualArgs) {
    requireOptions(args, RESIDUAL_KEYS, 'Residual', 'args', DESERIALIZER_KEYS);
    super(args, 'Residual');
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = oneShape(inputShape);
    this.buildInner(shape);
    const out = this.layer.computeOutputShape(shape) as tf.Shape;
    if (out.length !== shape.length || out.some((d, i) => i > 0 && d !== shape[i])) {
      throw new ShapeMismatchError(
        `'Residual' adds its input to the output of '${this.layer.name}', so that layer must keep the shape [${shape.join(',')}]. Received: output shape [${out.join(',')}]`,
      );
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return oneShape(inputShape);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const x = oneTensor(inputs);
    return tf.tidy(() => tf.add(x, oneTensor(this.layer.call(x, kwargs))));
  }
}
tf.serialization.registerClass(Residual);
