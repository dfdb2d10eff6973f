// keras_adversarial's example_aae.py: an adversarial autoencoder on MNIST.
// The encoder's codes are scored against draws from N(0, 1) by a
// discriminator on z; the encoder and the decoder ("generator") are one
// player, which also learns to reconstruct x, and the discriminator the other.
//   pnpm example examples/keras-adversarial/example_aae.ts [--tiny] [--epochs N]
import * as tf from '@tensorflow/tfjs';
import 'gandlf/node';
import { helpers, Simultaneous, train, type AdversarialCompileArgs, type AdversarialOptimizer } from 'gandlf';
import { main, type ExampleOptions, type ExampleSpec } from '../support/cli';
import { mnistData, type ImageData } from '../support/data';
import { GaussianSample } from '../support/layers';
import { runSettings, trainEncoderGame, type EncoderNets, type GanRun, type RunSettings } from '../support/train';

export const spec: ExampleSpec = {
  name: 'keras-adversarial/example_aae',
  summary: 'An adversarial autoencoder on MNIST (keras_adversarial example_aae.py): encoder+decoder against a discriminator on z, Simultaneous updates.',
};

const leaky = () => tf.layers.leakyReLU({ alpha: 0.2 });
const apply = (layer: tf.layers.Layer, h: tf.SymbolicTensor) => layer.apply(h) as tf.SymbolicTensor;

/** The Python's `model_generator` (the decoder): z -> Dense(h) -> Dense(h) -> sigmoid pixels in the input's shape. */
export function modelGenerator(latentDim: number, inputShape: number[], hiddenDim = 512, reg = () => tf.regularizers.l1l2({ l1: 1e-7, l2: 0 })): tf.Sequential {
  return tf.sequential({
    name: 'generator',
    layers: [
      tf.layers.dense({ units: hiddenDim, name: 'generator_h1', inputShape: [latentDim], kernelRegularizer: reg() }),
      leaky(),
      tf.layers.dense({ units: hiddenDim, name: 'generator_h2', kernelRegularizer: reg() }),
      leaky(),
      tf.layers.dense({ units: inputShape.reduce((a, b) => a * b, 1), name: 'generator_x_flat', kernelRegularizer: reg() }),
      tf.layers.activation({ activation: 'sigmoid' }),
      tf.layers.reshape({ targetShape: inputShape, name: 'generator_x' }),
    ],
  });
}

/** The Python's `model_encoder`: x -> Dense(h) -> Dense(h) -> (mu, log σ²) -> a sampled z. */
export function modelEncoder(latentDim: number, inputShape: number[], hiddenDim = 512, reg = () => tf.regularizers.l1l2({ l1: 1e-7, l2: 0 })): tf.LayersModel {
  const x = tf.input({ shape: inputShape, name: 'x' });
  let h = apply(tf.layers.flatten(), x);
  h = apply(leaky(), apply(tf.layers.dense({ units: hiddenDim, name: 'encoder_h1', kernelRegularizer: reg() }), h));
  h = apply(leaky(), apply(tf.layers.dense({ units: hiddenDim, name: 'encoder_h2', kernelRegularizer: reg() }), h));
  const mu = apply(tf.layers.dense({ units: latentDim, name: 'encoder_mu', kernelRegularizer: reg() }), h);
  const logSigmaSq = apply(tf.layers.dense({ units: latentDim, name: 'encoder_log_sigma_sq', kernelRegularizer: reg() }), h);
  return tf.model({ inputs: x, outputs: new GaussianSample({ name: 'encoder_z' }).apply([mu, logSigmaSq]) as tf.SymbolicTensor, name: 'encoder' });
}

/** The Python's `model_discriminator`: z -> Dense(h) -> Dense(h) -> sigmoid. */
export function modelDiscriminator(latentDim: number, outputDim = 1, hiddenDim = 512, reg = () => tf.regularizers.l1l2({ l1: 1e-7, l2: 1e-7 })): tf.LayersModel {
  const z = tf.input({ shape: [latentDim] });
  let h = apply(leaky(), apply(tf.layers.dense({ units: hiddenDim, name: 'discriminator_h1', kernelRegularizer: reg() }), z));
  h = apply(leaky(), apply(tf.layers.dense({ units: hiddenDim, name: 'discriminator_h2', kernelRegularizer: reg() }), h));
  const y = apply(tf.layers.dense({ units: outputDim, name: 'discriminator_y', activation: 'sigmoid', kernelRegularizer: reg() }), h);
  return tf.model({ inputs: z, outputs: y, name: 'discriminator' });
}

/**
 * The AAE game model `x -> [xpred, yfake, yreal]`: `z = E(x)`, `xpred = G(z)`,
 * `yfake = D(z)` and `yreal = D(zreal)` with `zreal ~ N(0, 1)` drawn inside from the batch of x.
 */
export function buildAae({ generator, encoder, discriminator }: EncoderNets, latentDim: number): tf.LayersModel {
  const x = tf.input({ shape: encoder.inputs[0]!.shape.slice(1) as number[], name: 'x' });
  const z = encoder.apply(x) as tf.SymbolicTensor;
  const xpred = generator.apply(z) as tf.SymbolicTensor;
  const zreal = helpers.normalLatentSampling([latentDim]).apply(x) as tf.SymbolicTensor;
  const outputs = helpers.fixNames([xpred, discriminator.apply(z) as tf.SymbolicTensor, discriminator.apply(zreal) as tf.SymbolicTensor], ['xpred', 'yfake', 'yreal']);
  return tf.model({ inputs: x, outputs, name: 'aae' });
}

/**
 * The Python's targets, player-major: the generator wants `xpred = x`, its
 * codes scored real (1) and the prior's fake (0); the discriminator the reverse.
 * `[G_xpred, G_yfake, G_yreal, D_xpred, D_yfake, D_yreal]`; fitAndSave frees them (all but `x`).
 */
export function aaeTargets(x: tf.Tensor): tf.Tensor[] {
  const n = x.shape[0]!;
  const [ones, zeros] = [tf.ones([n, 1]), tf.zeros([n, 1])];
  return [x, ones, zeros, x, zeros, ones];
}

/** What an AAE example configures: networks, sizes, optimizers, loss weights, data. */
export interface AaeSetup {
  nets: EncoderNets;
  latentDim: number;
  playerOptimizers: AdversarialCompileArgs['playerOptimizers'];
  lossWeights: { xpred: number; yfake: number; yreal: number };
  data: ImageData;
  /** A colour map for the grids: `'gray'` for MNIST, none for colour images. */
  cmap?: 'gray';
}

/** Trains an AAE as the Python's `example_aae(path, adversarial_optimizer)`: grids per epoch, history, checkpoint. */
export function trainAae(setup: AaeSetup, adversarialOptimizer: AdversarialOptimizer, settings: RunSettings): Promise<GanRun> {
  const { nets, latentDim, lossWeights } = setup;
  const compile: AdversarialCompileArgs = {
    adversarialOptimizer,
    playerOptimizers: setup.playerOptimizers,
    loss: { yfake: 'binaryCrossentropy', yreal: 'binaryCrossentropy', xpred: 'meanSquaredError' },
    // The same weights for both players, as the Python's `[{...}] * 2`.
    playerCompileArgs: [{ lossWeights }, { lossWeights }],
  };
  return trainEncoderGame({ nets, game: { baseModel: buildAae(nets, latentDim) }, compile, latentDim, data: setup.data, targets: aaeTargets, cmap: setup.cmap }, settings);
}

export async function run(options: ExampleOptions = {}): Promise<GanRun> {
  const settings = runSettings(spec, options, 100);
  const latentDim = settings.tiny ? 16 : 100;
  const inputShape = [28, 28];
  // Tiny: narrow networks, so two epochs on 256 digits take seconds on cpu.
  const hidden = settings.tiny ? 32 : 512;
  const nets = { generator: modelGenerator(latentDim, inputShape, hidden), encoder: modelEncoder(latentDim, inputShape, hidden), discriminator: modelDiscriminator(latentDim, 1, hidden) };
  const setup: AaeSetup = {
    nets,
    latentDim,
    // The Python's Adam(lr, decay=1e-4): Keras's time-based decay, lr / (1 + decay · t).
    playerOptimizers: [train.adam({ lr: 1e-4, decay: 1e-4 }), train.adam({ lr: 1e-3, decay: 1e-4 })],
    lossWeights: { yfake: 1e-2, yreal: 1e-2, xpred: 1 },
    data: await mnistData({ tiny: settings.tiny }),
    cmap: 'gray',
  };
  return trainAae(setup, new Simultaneous(), settings);
}

await main(import.meta, spec, run);
