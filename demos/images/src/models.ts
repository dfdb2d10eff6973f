import * as tf from '@tensorflow/tfjs';
import type { ImagesKnobs } from './config';

/** The two networks of the images GAN, on 32x32 RGB images in [-1, 1]. */
export interface Networks {
  generator: tf.LayersModel;
  discriminator: tf.LayersModel;
}

const init = (seed: number) => tf.initializers.glorotUniform({ seed });
const leaky = () => tf.layers.leakyReLU({ alpha: 0.2 });

/**
 * A small DCGAN without batch normalisation (gandlf trains with `training:
 * true`, so BatchNorm statistics would also move in the other player's step):
 * G dense 4x4x4w -> convT 2w -> convT w -> convT 3 (tanh), D conv w -> 2w -> 4w -> dense 1.
 */
function dcgan({ latentDim, width: w, seed }: ImagesKnobs, head: 'sigmoid' | 'linear'): Networks {
  const up = (filters: number, s: number, activation?: 'tanh') =>
    tf.layers.conv2dTranspose({ filters, kernelSize: 4, strides: 2, padding: 'same', kernelInitializer: init(s), ...(activation ? { activation } : {}) });
  const generator = tf.sequential({
    name: 'generator',
    layers: [
      tf.layers.dense({ inputShape: [latentDim], units: 4 * 4 * 4 * w, kernelInitializer: init(seed) }),
      leaky(),
      tf.layers.reshape({ targetShape: [4, 4, 4 * w] }),
      up(2 * w, seed + 1),
      leaky(),
      up(w, seed + 2),
      leaky(),
      up(3, seed + 3, 'tanh'),
    ],
  });
  const down = (filters: number, s: number, inputShape?: number[]) =>
    tf.layers.conv2d({ filters, kernelSize: 4, strides: 2, padding: 'same', kernelInitializer: init(s), ...(inputShape ? { inputShape } : {}) });
  const discriminator = tf.sequential({
    name: 'discriminator',
    layers: [
      down(w, seed + 4, [32, 32, 3]),
      leaky(),
      down(2 * w, seed + 5),
      leaky(),
      down(4 * w, seed + 6),
      leaky(),
      tf.layers.flatten(),
      // Named 'src': metrics read discriminator_src_real_loss, discriminator_src_fake_loss, ...
      tf.layers.dense({ units: 1, activation: head, name: 'src', kernelInitializer: init(seed + 7) }),
    ],
  });
  return { generator, discriminator };
}

/** The MLP GAN on flat images: G latent-w-2w-3072 (tanh), D 3072-2w-w-1. */
function mlp({ latentDim, width, seed }: ImagesKnobs, head: 'sigmoid' | 'linear'): Networks {
  const generator = tf.sequential({
    name: 'generator',
    layers: [
      tf.layers.dense({ inputShape: [latentDim], units: width, kernelInitializer: init(seed) }),
      leaky(),
      tf.layers.dense({ units: 2 * width, kernelInitializer: init(seed + 1) }),
      leaky(),
      tf.layers.dense({ units: 32 * 32 * 3, activation: 'tanh', kernelInitializer: init(seed + 2) }),
    ],
  });
  const discriminator = tf.sequential({
    name: 'discriminator',
    layers: [
      tf.layers.dense({ inputShape: [32 * 32 * 3], units: 2 * width, kernelInitializer: init(seed + 3) }),
      leaky(),
      tf.layers.dense({ units: width, kernelInitializer: init(seed + 4) }),
      leaky(),
      tf.layers.dense({ units: 1, activation: head, name: 'src', kernelInitializer: init(seed + 5) }),
    ],
  });
  return { generator, discriminator };
}

export function buildNetworks(knobs: ImagesKnobs, head: 'sigmoid' | 'linear'): Networks {
  return knobs.architecture === 'mlp' ? mlp(knobs, head) : dcgan(knobs, head);
}
