import * as tf from '@tensorflow/tfjs';
import { mlp } from '@gandlf/demo-shell/kit';
import { helpers } from 'gandlf';
import type { AaeKnobs } from './config';

/** The three networks of the AAE. The decoder is named `generator`, as in keras_adversarial's example_aae. */
export interface Networks {
  encoder: tf.LayersModel;
  decoder: tf.LayersModel;
  discriminator: tf.LayersModel;
}

/** MLPs on flat 784-pixel digits in [-1, 1]: E 784-2w-w-z, decoder z-w-2w-784 (tanh), D z-w-w-1. */
export function buildNetworks({ latentDim, width: w, seed }: AaeKnobs, head: 'sigmoid' | 'linear'): Networks {
  return {
    encoder: mlp({ name: 'encoder', inputSize: 784, units: [2 * w, w, latentDim], seed }),
    decoder: mlp({ name: 'generator', inputSize: latentDim, units: [w, 2 * w, 784], activation: 'tanh', seed: seed + 3 }),
    discriminator: mlp({ name: 'discriminator', inputSize: latentDim, units: [w, w, 1], activation: head, seed: seed + 6 }),
  };
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
