import * as tf from '@tensorflow/tfjs';
import type { BiganKnobs } from './config';

/** The three networks of the BiGAN. */
export interface Networks {
  generator: tf.LayersModel;
  encoder: tf.LayersModel;
  discriminator: tf.LayersModel;
}

const init = (seed: number) => tf.initializers.glorotUniform({ seed });
const leaky = () => tf.layers.leakyReLU({ alpha: 0.2 });

/** MLPs on flat 784-pixel digits in [-1, 1]: G z-w-2w-784 (tanh), E 784-2w-w-z, D (z, x) -> 2w -> w -> 1. */
export function buildNetworks({ latentDim, width, seed }: BiganKnobs, head: 'sigmoid' | 'linear'): Networks {
  const generator = tf.sequential({
    name: 'generator',
    layers: [
      tf.layers.dense({ inputShape: [latentDim], units: width, kernelInitializer: init(seed) }),
      leaky(),
      tf.layers.dense({ units: 2 * width, kernelInitializer: init(seed + 1) }),
      leaky(),
      tf.layers.dense({ units: 784, activation: 'tanh', kernelInitializer: init(seed + 2) }),
    ],
  });
  const encoder = tf.sequential({
    name: 'encoder',
    layers: [
      tf.layers.dense({ inputShape: [784], units: 2 * width, kernelInitializer: init(seed + 3) }),
      leaky(),
      tf.layers.dense({ units: width, kernelInitializer: init(seed + 4) }),
      leaky(),
      tf.layers.dense({ units: latentDim, kernelInitializer: init(seed + 5) }),
    ],
  });
  const z = tf.input({ shape: [latentDim] });
  const x = tf.input({ shape: [784] });
  let h = tf.layers.concatenate().apply([z, x]) as tf.SymbolicTensor;
  h = leaky().apply(tf.layers.dense({ units: 2 * width, kernelInitializer: init(seed + 6) }).apply(h)) as tf.SymbolicTensor;
  h = leaky().apply(tf.layers.dense({ units: width, kernelInitializer: init(seed + 7) }).apply(h)) as tf.SymbolicTensor;
  const y = tf.layers.dense({ units: 1, activation: head, kernelInitializer: init(seed + 8) }).apply(h) as tf.SymbolicTensor;
  const discriminator = tf.model({ inputs: [z, x], outputs: y, name: 'discriminator' });
  return { generator, encoder, discriminator };
}
