import * as tf from '@tensorflow/tfjs';

/** Name of the classifier's penultimate layer, whose activations the Fréchet distance compares. */
export const FEATURE_LAYER = 'features';

/** Options of {@link mnistClassifierNetwork}. */
export interface MnistClassifierNetworkOptions {
  /** Seeds the initial weights. @default 1 */
  seed?: number;
}

/**
 * The architecture of the committed MNIST classifier, untrained: three 3x3
 * conv + 2x2 max-pool blocks (16, 32, 64 filters), a 64-unit ReLU layer named
 * `features` (the penultimate features), dropout and a 10-way softmax. About
 * 61,000 weights (240 KB as float32), 2 million multiply-adds an image.
 * Input: `[n, 28, 28, 1]` digits scaled to [-1, 1], as gandlf's generators
 * (tanh) draw them.
 *
 * @example const net = mnistClassifierNetwork({ seed: 3 }); // then compile and fit
 * @param options See {@link MnistClassifierNetworkOptions}.
 */
export function mnistClassifierNetwork({ seed = 1 }: MnistClassifierNetworkOptions = {}): tf.Sequential {
  const init = (k: number) => tf.initializers.heNormal({ seed: seed + k });
  const layers: tf.layers.Layer[] = [];
  for (const [k, filters] of [16, 32, 64].entries()) {
    layers.push(
      tf.layers.conv2d({
        ...(k === 0 ? { inputShape: [28, 28, 1] } : {}),
        filters,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: init(k),
      }),
      // 28 -> 14 -> 7 -> 3
      tf.layers.maxPooling2d({ poolSize: 2 }),
    );
  }
  layers.push(
    tf.layers.flatten(),
    tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init(3), name: FEATURE_LAYER }),
    tf.layers.dropout({ rate: 0.3, seed }),
    tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 4 }), name: 'probabilities' }),
  );
  return tf.sequential({ name: 'mnist_classifier', layers });
}
