// Layers the keras_adversarial examples build with Keras's `merge(mode=lambda)` or `Lambda`, which tfjs-layers has no equivalent of.
import * as tf from '@tensorflow/tfjs';

/**
 * The encoders' sampling step, `mu + ε · exp(logSigmaSq / 2)` with `ε ~ N(0, 1)`
 * drawn afresh on every call (the reparameterisation trick: gradients reach
 * `mu` and `logSigmaSq` through the draw). Takes `[mu, logSigmaSq]`.
 *
 * @example const z = new GaussianSample({ name: 'z' }).apply([mu, logSigmaSq]) as tf.SymbolicTensor;
 */
export class GaussianSample extends tf.layers.Layer {
  static className = 'ExampleGaussianSample';

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return inputShape[0] as tf.Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const [mu, logSigmaSq] = inputs as tf.Tensor[];
    return tf.tidy(() => tf.add(mu!, tf.mul(tf.randomNormal(mu!.shape), tf.exp(tf.div(logSigmaSq!, 2)))));
  }
}
tf.serialization.registerClass(GaussianSample);
