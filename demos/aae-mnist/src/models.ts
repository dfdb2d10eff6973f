import * as tf from '@tensorflow/tfjs';
import { helpers } from 'gandlf';
import type { AaeKnobs } from './config';

/** The three networks of the AAE. The decoder is named `generator`, as in keras_adversarial's example_aae. */
export interface Networks {
  encoder: tf.LayersModel;
  decoder: tf.LayersModel;
  discriminator: tf.LayersModel;
}

const init = (seed: number) => tf.initializers.glorotUniform({ seed });
const leaky = () => tf.layers.leakyReLU({ alpha: 0.2 });

/** MLPs on flat 784-pixel digits in [-1, 1]: E 784-2w-w-z, decoder z-w-2w-784 (tanh), D z-w-w-1. */
export function buildNetworks({ latentDim, width, seed }: AaeKnobs, head: 'sigmoid' | 'linear'): Networks {
  const encoder = tf.sequential({
    name: 'encoder',
    layers: [
      tf.layers.dense({ inputShape: [784], units: 2 * width, kernelInitializer: init(seed) }),
      leaky(),
      tf.layers.dense({ units: width, kernelInitializer: init(seed + 1) }),
      leaky(),
      tf.layers.dense({ units: latentDim, kernelInitializer: init(seed + 2) }),
    ],
  });
  const decoder = tf.sequential({
    name: 'generator',
    layers: [
      tf.layers.dense({ inputShape: [latentDim], units: width, kernelInitializer: init(seed + 3) }),
      leaky(),
      tf.layers.dense({ units: 2 * width, kernelInitializer: init(seed + 4) }),
      leaky(),
      tf.layers.dense({ units: 784, activation: 'tanh', kernelInitializer: init(seed + 5) }),
    ],
  });
  const discriminator = tf.sequential({
    name: 'discriminator',
    layers: [
      tf.layers.dense({ inputShape: [latentDim], units: width, kernelInitializer: init(seed + 6) }),
      leaky(),
      tf.layers.dense({ units: width, kernelInitializer: init(seed + 7) }),
      leaky(),
      tf.layers.dense({ units: 1, activation: head, kernelInitializer: init(seed + 8) }),
    ],
  });
  return { encoder, decoder, discriminator };
}

/**
 * The AAE game model `(x, z) -> [xpred, yfake, yreal]` of keras_adversarial's
 * example_aae: `xpred = decoder(E(x))`, `yfake = D(E(x))`, `yreal = D(z)` with z from the prior.
 */
export function aaeModel({ encoder, decoder, discriminator }: Networks): tf.LayersModel {
  const x = tf.input({ shape: [784] });
  const z = tf.input({ shape: discriminator.inputs[0]!.shape.slice(1) as number[] });
  const code = encoder.apply(x) as tf.SymbolicTensor;
  const xpred = helpers.fixNames(decoder.apply(code) as tf.SymbolicTensor, 'xpred');
  const yfake = helpers.fixNames(discriminator.apply(code) as tf.SymbolicTensor, 'yfake');
  const yreal = helpers.fixNames(discriminator.apply(z) as tf.SymbolicTensor, 'yreal');
  return tf.model({ inputs: [x, z], outputs: [...xpred, ...yfake, ...yreal], name: 'aae' });
}
