import * as tf from '@tensorflow/tfjs';

// The networks the demos build from. Every layer gets its own seeded
// initializer (seed, seed + 1, ...), so the same seed gives the same weights.

/** Glorot-uniform initial weights from `seed`. */
export const init = (seed: number) => tf.initializers.glorotUniform({ seed });

/** The GAN hidden activation: LeakyReLU with slope 0.2 (DCGAN). */
export const leaky = () => tf.layers.leakyReLU({ alpha: 0.2 });

/** `units` dense units, then a LeakyReLU, on a symbolic tensor (for functional networks). */
export function denseLeaky(x: tf.SymbolicTensor | tf.SymbolicTensor[], units: number, seed: number): tf.SymbolicTensor {
  const input = Array.isArray(x) ? (tf.layers.concatenate().apply(x) as tf.SymbolicTensor) : x;
  return leaky().apply(tf.layers.dense({ units, kernelInitializer: init(seed) }).apply(input)) as tf.SymbolicTensor;
}

/** Options of {@link mlp}. */
export interface MlpOptions {
  /** The model's name: `generator`, `encoder`, `discriminator`. */
  name: string;
  /** Size of one (flat) input. */
  inputSize: number;
  /** Units of each layer, the last one included; LeakyReLU between them. */
  units: readonly number[];
  /** The last layer's activation. @default 'linear' */
  activation?: 'linear' | 'tanh' | 'sigmoid';
  /** The last layer's name: `src` lets metrics read `discriminator_src_real_loss`. @default tfjs's name */
  outputName?: string;
  /** The first layer's initializer seed; layer i takes `seed + i`. */
  seed: number;
}

/** A multilayer perceptron: dense layers with LeakyReLU between them. */
export function mlp({ name, inputSize, units, activation = 'linear', outputName, seed }: MlpOptions): tf.Sequential {
  const layers: tf.layers.Layer[] = [];
  units.forEach((n, i) => {
    const last = i === units.length - 1;
    layers.push(
      tf.layers.dense({
        units: n,
        kernelInitializer: init(seed + i),
        ...(i === 0 ? { inputShape: [inputSize] } : {}),
        ...(last ? { activation, ...(outputName ? { name: outputName } : {}) } : {}),
      }),
    );
    if (!last) layers.push(leaky());
  });
  return tf.sequential({ name, layers });
}

/** Options of {@link dcganGenerator}. */
export interface DcganGeneratorOptions {
  latentDim: number;
  /** Height and width of the first feature map, which each transposed convolution doubles. */
  start: readonly [number, number];
  /** Channels of the first feature map, then of each transposed convolution's output: the last are the image's channels (tanh). */
  filters: readonly number[];
  kernelSize: number;
  /** The dense layer's initializer seed; convolution i takes `seed + 1 + i`. */
  seed: number;
}

/**
 * A DCGAN generator without batch normalisation: gandlf trains every network
 * with `training: true`, so BatchNorm statistics would also move in the other
 * player's step; leaky ReLUs and Adam with beta1 0.5 train without it.
 */
export function dcganGenerator({ latentDim, start: [h, w], filters, kernelSize, seed }: DcganGeneratorOptions): tf.Sequential {
  const layers: tf.layers.Layer[] = [
    tf.layers.dense({ inputShape: [latentDim], units: h * w * filters[0]!, kernelInitializer: init(seed) }),
    leaky(),
    tf.layers.reshape({ targetShape: [h, w, filters[0]!] }),
  ];
  filters.slice(1).forEach((f, i) => {
    const last = i === filters.length - 2;
    layers.push(tf.layers.conv2dTranspose({ filters: f, kernelSize, strides: 2, padding: 'same', kernelInitializer: init(seed + 1 + i), ...(last ? { activation: 'tanh' } : {}) }));
    if (!last) layers.push(leaky());
  });
  return tf.sequential({ name: 'generator', layers });
}

/** Options of {@link dcganDiscriminator}. */
export interface DcganDiscriminatorOptions {
  /** One image: [height, width, channels]. */
  inputShape: readonly number[];
  /** Filters of each strided convolution. */
  filters: readonly number[];
  kernelSize: number;
  /** The score's activation: sigmoid for cross-entropy, linear for hinge and least squares. */
  head: 'sigmoid' | 'linear';
  /** The first convolution's initializer seed; layer i takes `seed + i`, the head last. */
  seed: number;
}

/** A DCGAN discriminator: strided convolutions with LeakyReLU, then one score named `src`. */
export function dcganDiscriminator({ inputShape, filters, kernelSize, head, seed }: DcganDiscriminatorOptions): tf.Sequential {
  const layers: tf.layers.Layer[] = [];
  filters.forEach((f, i) => {
    layers.push(tf.layers.conv2d({ filters: f, kernelSize, strides: 2, padding: 'same', kernelInitializer: init(seed + i), ...(i === 0 ? { inputShape: [...inputShape] } : {}) }));
    layers.push(leaky());
  });
  layers.push(tf.layers.flatten());
  // Named 'src': metrics read discriminator_src_real_loss, discriminator_src_fake_loss, ...
  layers.push(tf.layers.dense({ units: 1, activation: head, name: 'src', kernelInitializer: init(seed + filters.length) }));
  return tf.sequential({ name: 'discriminator', layers });
}
