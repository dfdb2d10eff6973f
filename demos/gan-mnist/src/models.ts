import * as tf from '@tensorflow/tfjs';
import type { MnistKnobs } from './config';

/** The two networks of the MNIST GAN. */
export interface Networks {
  generator: tf.LayersModel;
  discriminator: tf.LayersModel;
}

// Seeded initializers: the same seed gives the same starting weights.
const init = (seed: number) => tf.initializers.glorotUniform({ seed });
const leaky = () => tf.layers.leakyReLU({ alpha: 0.2 });

/**
 * DCGAN without batch normalisation: gandlf trains every network with
 * `training: true`, so BatchNorm statistics would also move during the other
 * player's step; leaky ReLUs and Adam with beta1 0.5 train MNIST without it.
 */
function dcgan({ latentDim, width, seed }: MnistKnobs, head: 'sigmoid' | 'linear'): Networks {
  const generator = tf.sequential({
    name: 'generator',
    layers: [
      tf.layers.dense({ inputShape: [latentDim], units: 7 * 7 * 2 * width, kernelInitializer: init(seed) }),
      leaky(),
      tf.layers.reshape({ targetShape: [7, 7, 2 * width] }),
      tf.layers.conv2dTranspose({ filters: width, kernelSize: 5, strides: 2, padding: 'same', kernelInitializer: init(seed + 1) }),
      leaky(),
      tf.layers.conv2dTranspose({ filters: 1, kernelSize: 5, strides: 2, padding: 'same', activation: 'tanh', kernelInitializer: init(seed + 2) }),
    ],
  });
  const discriminator = tf.sequential({
    name: 'discriminator',
    layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: width, kernelSize: 5, strides: 2, padding: 'same', kernelInitializer: init(seed + 3) }),
      leaky(),
      tf.layers.conv2d({ filters: 2 * width, kernelSize: 5, strides: 2, padding: 'same', kernelInitializer: init(seed + 4) }),
      leaky(),
      tf.layers.flatten(),
      // Named 'src': metrics read discriminator_src_real_loss, discriminator_src_fake_loss, ...
      tf.layers.dense({ units: 1, activation: head, name: 'src', kernelInitializer: init(seed + 5) }),
    ],
  });
  return { generator, discriminator };
}

/** The MLP GAN: G latent-w-2w-784 (tanh), D 784-2w-w-1. */
function mlp({ latentDim, width, seed }: MnistKnobs, head: 'sigmoid' | 'linear'): Networks {
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
  const discriminator = tf.sequential({
    name: 'discriminator',
    layers: [
      tf.layers.dense({ inputShape: [784], units: 2 * width, kernelInitializer: init(seed + 3) }),
      leaky(),
      tf.layers.dense({ units: width, kernelInitializer: init(seed + 4) }),
      leaky(),
      tf.layers.dense({ units: 1, activation: head, name: 'src', kernelInitializer: init(seed + 5) }),
    ],
  });
  return { generator, discriminator };
}

/** Builds the networks the knobs describe. */
export function buildNetworks(knobs: MnistKnobs, head: 'sigmoid' | 'linear'): Networks {
  return knobs.architecture === 'mlp' ? mlp(knobs, head) : dcgan(knobs, head);
}

/** The shape one image has for these networks: flat for the MLP, HWC for the DCGAN. */
export function imageShape(architecture: MnistKnobs['architecture']): number[] {
  return architecture === 'mlp' ? [784] : [28, 28, 1];
}
