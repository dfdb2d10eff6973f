import * as tf from '@tensorflow/tfjs';
import { layers } from 'gandlf';
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

/**
 * The MLP with gandlf's layers: G latent-w-(Residual w)-2w-784 with
 * `PermanentDropout` (noise that stays on when sampling, as in pix2pix), and D
 * 784-2w-w with `BatchSimilarity` features (minibatch discrimination)
 * concatenated before the head, so D can see a batch of identical digits.
 */
function mlpPlus({ latentDim, width, seed }: MnistKnobs, head: 'sigmoid' | 'linear'): Networks {
  const z = tf.input({ shape: [latentDim] });
  let g = leaky().apply(tf.layers.dense({ units: width, kernelInitializer: init(seed) }).apply(z)) as tf.SymbolicTensor;
  g = new layers.Residual({ layer: tf.layers.dense({ units: width, activation: 'relu', kernelInitializer: init(seed + 6) }) }).apply(g) as tf.SymbolicTensor;
  g = leaky().apply(tf.layers.dense({ units: 2 * width, kernelInitializer: init(seed + 1) }).apply(g)) as tf.SymbolicTensor;
  g = new layers.PermanentDropout({ rate: 0.1 }).apply(g) as tf.SymbolicTensor;
  const out = tf.layers.dense({ units: 784, activation: 'tanh', kernelInitializer: init(seed + 2) }).apply(g) as tf.SymbolicTensor;
  const generator = tf.model({ inputs: z, outputs: out, name: 'generator' });

  const x = tf.input({ shape: [784] });
  let d = leaky().apply(tf.layers.dense({ units: 2 * width, kernelInitializer: init(seed + 3) }).apply(x)) as tf.SymbolicTensor;
  d = leaky().apply(tf.layers.dense({ units: width, kernelInitializer: init(seed + 4) }).apply(d)) as tf.SymbolicTensor;
  const sims = new layers.BatchSimilarity({ similarity: ['exp_l1'], n: 4 }).apply(d) as tf.SymbolicTensor;
  const both = tf.layers.concatenate().apply([d, sims]) as tf.SymbolicTensor;
  const src = tf.layers.dense({ units: 1, activation: head, name: 'src', kernelInitializer: init(seed + 5) }).apply(both) as tf.SymbolicTensor;
  const discriminator = tf.model({ inputs: x, outputs: src, name: 'discriminator' });
  return { generator, discriminator };
}

/** G(z, digit): the one-hot digit concatenated to z, then the MLP generator (latent+10 -> w -> 2w -> 784, tanh). */
function conditionalGenerator({ latentDim, width, seed }: MnistKnobs): tf.LayersModel {
  const z = tf.input({ shape: [latentDim] });
  const c = tf.input({ shape: [10] });
  let g = tf.layers.concatenate().apply([z, c]) as tf.SymbolicTensor;
  g = leaky().apply(tf.layers.dense({ units: width, kernelInitializer: init(seed) }).apply(g)) as tf.SymbolicTensor;
  g = leaky().apply(tf.layers.dense({ units: 2 * width, kernelInitializer: init(seed + 1) }).apply(g)) as tf.SymbolicTensor;
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
  let d = leaky().apply(tf.layers.dense({ units: 2 * width, kernelInitializer: init(seed + 3) }).apply(x)) as tf.SymbolicTensor;
  d = leaky().apply(tf.layers.dense({ units: width, kernelInitializer: init(seed + 4) }).apply(d)) as tf.SymbolicTensor;
  const src = tf.layers.dense({ units: 1, activation: head, name: 'src', kernelInitializer: init(seed + 5) }).apply(d) as tf.SymbolicTensor;
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
  let d = tf.layers.concatenate().apply([x, c]) as tf.SymbolicTensor;
  d = leaky().apply(tf.layers.dense({ units: 2 * width, kernelInitializer: init(seed + 3) }).apply(d)) as tf.SymbolicTensor;
  d = leaky().apply(tf.layers.dense({ units: width, kernelInitializer: init(seed + 4) }).apply(d)) as tf.SymbolicTensor;
  const src = tf.layers.dense({ units: 1, activation: head, name: 'src', kernelInitializer: init(seed + 5) }).apply(d) as tf.SymbolicTensor;
  const discriminator = tf.model({ inputs: [x, c], outputs: src, name: 'discriminator' });
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
