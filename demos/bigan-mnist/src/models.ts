import * as tf from '@tensorflow/tfjs';
import { denseLeaky, init, mlp } from '@gandlf/demo-shell/kit';
import type { BiganKnobs } from './config';

/** The three networks of the BiGAN. */
export interface Networks {
  generator: tf.LayersModel;
  encoder: tf.LayersModel;
  discriminator: tf.LayersModel;
}

/** MLPs on flat 784-pixel digits in [-1, 1]: G z-w-2w-784 (tanh), E 784-2w-w-z, D (z, x) -> 2w -> w -> 1. */
export function buildNetworks({ latentDim, width: w, seed }: BiganKnobs, head: 'sigmoid' | 'linear'): Networks {
  const z = tf.input({ shape: [latentDim] });
  const x = tf.input({ shape: [784] });
  const h = denseLeaky(denseLeaky([z, x], 2 * w, seed + 6), w, seed + 7);
  const y = tf.layers.dense({ units: 1, activation: head, kernelInitializer: init(seed + 8) }).apply(h) as tf.SymbolicTensor;
  return {
    generator: mlp({ name: 'generator', inputSize: latentDim, units: [w, 2 * w, 784], activation: 'tanh', seed }),
    encoder: mlp({ name: 'encoder', inputSize: 784, units: [2 * w, w, latentDim], seed: seed + 3 }),
    discriminator: tf.model({ inputs: [z, x], outputs: y, name: 'discriminator' }),
  };
}
