import type * as tf from '@tensorflow/tfjs';
import { dcganDiscriminator, dcganGenerator, mlp } from '@gandlf/demo-shell/kit';
import type { ImagesKnobs } from './config';

/** The two networks of the images GAN, on 32x32 RGB images in [-1, 1]. */
export interface Networks {
  generator: tf.LayersModel;
  discriminator: tf.LayersModel;
}

/** G dense 4x4x4w -> convT 2w -> convT w -> convT 3 (tanh), D conv w -> 2w -> 4w -> dense 1, 4x4 kernels. */
function dcgan({ latentDim, width: w, seed }: ImagesKnobs, head: 'sigmoid' | 'linear'): Networks {
  return {
    generator: dcganGenerator({ latentDim, start: [4, 4], filters: [4 * w, 2 * w, w, 3], kernelSize: 4, seed }),
    discriminator: dcganDiscriminator({ inputShape: [32, 32, 3], filters: [w, 2 * w, 4 * w], kernelSize: 4, head, seed: seed + 4 }),
  };
}

/** The MLP GAN on flat images: G latent-w-2w-3072 (tanh), D 3072-2w-w-1. */
function mlpGan({ latentDim, width: w, seed }: ImagesKnobs, head: 'sigmoid' | 'linear'): Networks {
  return {
    generator: mlp({ name: 'generator', inputSize: latentDim, units: [w, 2 * w, 32 * 32 * 3], activation: 'tanh', seed }),
    discriminator: mlp({ name: 'discriminator', inputSize: 32 * 32 * 3, units: [2 * w, w, 1], activation: head, outputName: 'src', seed: seed + 3 }),
  };
}

export function buildNetworks(knobs: ImagesKnobs, head: 'sigmoid' | 'linear'): Networks {
  return knobs.architecture === 'mlp' ? mlpGan(knobs, head) : dcgan(knobs, head);
}
