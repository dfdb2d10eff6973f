import * as tf from '@tensorflow/tfjs';
import { dcganDiscriminator, dcganGenerator, denseLeaky, init, mlp as mlpOf } from '@gandlf/demo-shell/kit';
import { layers } from 'gandlf';
import type { MnistKnobs } from './config';

/** The two networks of the MNIST GAN. */
export interface Networks {
  generator: tf.LayersModel;
  discriminator: tf.LayersModel;
}

/** The DCGAN: G dense 7x7x2w -> convT w -> convT 1 (tanh), D conv w -> conv 2w -> dense 1, 5x5 kernels. */
function dcgan({ latentDim, width: w, seed }: MnistKnobs, head: 'sigmoid' | 'linear'): Networks {
  return {
    generator: dcganGenerator({ latentDim, start: [7, 7], filters: [2 * w, w, 1], kernelSize: 5, seed }),
    discriminator: dcganDiscriminator({ inputShape: [28, 28, 1], filters: [w, 2 * w], kernelSize: 5, head, seed: seed + 3 }),
  };
}

/** The MLP GAN: G latent-w-2w-784 (tanh), D 784-2w-w-1. */
function mlp({ latentDim, width: w, seed }: MnistKnobs, head: 'sigmoid' | 'linear'): Networks {
  return {
    generator: mlpOf({ name: 'generator', inputSize: latentDim, units: [w, 2 * w, 784], activation: 'tanh', seed }),
    discriminator: mlpOf({ name: 'discriminator', inputSize: 784, units: [2 * w, w, 1], activation: head, outputName: 'src', seed: seed + 3 }),
  };
}

/** D's last layer: one score named 'src' (metrics read discriminator_src_real_loss, ...). */
const srcHead = (h: tf.SymbolicTensor, head: 'sigmoid' | 'linear', seed: number) =>
  tf.layers.dense({ units: 1, activation: head, name: 'src', kernelInitializer: init(seed) }).apply(h) as tf.SymbolicTensor;

/**
 * The MLP with gandlf's layers: G latent-w-(Residual w)-2w-784 with
 * `PermanentDropout` (noise that stays on when sampling, as in pix2pix), and D
 * 784-2w-w with `BatchSimilarity` features (minibatch discrimination)
 * concatenated before the head, so D can see a batch of identical digits.
 */
function mlpPlus({ latentDim, width, seed }: MnistKnobs, head: 'sigmoid' | 'linear'): Networks {
  const z = tf.input({ shape: [latentDim] });
  let g = denseLeaky(z, width, seed);
  g = new layers.Residual({ layer: tf.layers.dense({ units: width, activation: 'relu', kernelInitializer: init(seed + 6) }) }).apply(g) as tf.SymbolicTensor;
  g = new layers.PermanentDropout({ rate: 0.1 }).apply(denseLeaky(g, 2 * width, seed + 1)) as tf.SymbolicTensor;
  const out = tf.layers.dense({ units: 784, activation: 'tanh', kernelInitializer: init(seed + 2) }).apply(g) as tf.SymbolicTensor;
  const generator = tf.model({ inputs: z, outputs: out, name: 'generator' });

  const x = tf.input({ shape: [784] });
  const d = denseLeaky(denseLeaky(x, 2 * width, seed + 3), width, seed + 4);
  const sims = new layers.BatchSimilarity({ similarity: ['exp_l1'], n: 4 }).apply(d) as tf.SymbolicTensor;
  const both = tf.layers.concatenate().apply([d, sims]) as tf.SymbolicTensor;
  const discriminator = tf.model({ inputs: x, outputs: srcHead(both, head, seed + 5), name: 'discriminator' });
  return { generator, discriminator };
}

/** G(z, digit): the one-hot digit concatenated to z, then the MLP generator (latent+10 -> w -> 2w -> 784, tanh). */
function conditionalGenerator({ latentDim, width, seed }: MnistKnobs): tf.LayersModel {
  const z = tf.input({ shape: [latentDim] });
  const c = tf.input({ shape: [10] });
  const g = denseLeaky(denseLeaky([z, c], width, seed), 2 * width, seed + 1);
  const out = tf.layers.dense({ units: 784, activation: 'tanh', kernelInitializer: init(seed + 2) }).apply(g) as tf.SymbolicTensor;
  return tf.model({ inputs: [z, c], outputs: out, name: 'generator' });
}

/**
 * ACGAN (Odena et al. 2017), the seed's mnist_gan example as an MLP: the
 * conditional G, and D with two heads, `src` (real or fake) and `class`
 * (softmax over the 10 digits). D does not see the class.
 */
function acgan(knobs: MnistKnobs, head: 'sigmoid' | 'linear'): Networks {
  const { width, seed } = knobs;
  const x = tf.input({ shape: [784] });
  const d = denseLeaky(denseLeaky(x, 2 * width, seed + 3), width, seed + 4);
  const src = srcHead(d, head, seed + 5);
  const cls = tf.layers.dense({ units: 10, activation: 'softmax', name: 'class', kernelInitializer: init(seed + 6) }).apply(d) as tf.SymbolicTensor;
  const discriminator = tf.model({ inputs: x, outputs: [src, cls], name: 'discriminator' });
  return { generator: conditionalGenerator(knobs), discriminator };
}

/**
 * The plain conditional GAN (Mirza and Osindero 2014): the digit is an input of
 * both networks. D(x, digit) sees the image and the one-hot digit concatenated
 * (784+10 -> 2w -> w -> 1), so a well-drawn 7 labelled 3 is fake to it. gandlf
 * feeds D's conditional input the same digit on the real and the fake path.
 */
function cgan(knobs: MnistKnobs, head: 'sigmoid' | 'linear'): Networks {
  const { width, seed } = knobs;
  const x = tf.input({ shape: [784] });
  const c = tf.input({ shape: [10] });
  const d = denseLeaky(denseLeaky([x, c], 2 * width, seed + 3), width, seed + 4);
  const discriminator = tf.model({ inputs: [x, c], outputs: srcHead(d, head, seed + 5), name: 'discriminator' });
  return { generator: conditionalGenerator(knobs), discriminator };
}

/** Builds the networks the knobs describe. */
export function buildNetworks(knobs: MnistKnobs, head: 'sigmoid' | 'linear'): Networks {
  switch (knobs.architecture) {
    case 'mlp':
      return mlp(knobs, head);
    case 'mlp-plus':
      return mlpPlus(knobs, head);
    case 'acgan':
      return acgan(knobs, head);
    case 'cgan':
      return cgan(knobs, head);
    default:
      return dcgan(knobs, head);
  }
}

/** The shape one image has for these networks: flat for the MLPs, HWC for the DCGAN. */
export function imageShape(architecture: MnistKnobs['architecture']): number[] {
  return architecture === 'dcgan' ? [28, 28, 1] : [784];
}
