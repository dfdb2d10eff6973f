import * as tf from '@tensorflow/tfjs';
import { assertPositiveInt, describe, InvalidArgumentError } from '../errors';
import { Model } from '../model/model';
import { checkOptions, optionKeys, requireOptions } from '../options';
import { Alternating } from '../engine/alternating';
import { r1Penalty } from '../penalties/r1';
import type { Shortcut } from '../model/shortcuts';
import { ganAdam, ringMlp, type RingPreset } from './ring-preset';

/** Options of {@link mixtureLatentGan}. */
export interface MixtureLatentGanOptions {
  /** Categories of the generator's one-hot latent; a few per data mode, so each mode draws some from the start. @default 100 */
  categories?: number;
  /** Size of the continuous (normal) latent. @default 4 */
  latentDim?: number;
  /**
   * Half-width of the square the category offsets start in, uniformly: the
   * data's extent. @default 4.5 (the grid of 25 spans -4..4; use 2.5 for the ring of radius 2)
   */
  extent?: number;
  /** Units of each of the two hidden layers of both networks. @default 64 */
  hidden?: number;
  /** Seeds the initial weights. @default 1 */
  seed?: number;
  /**
   * How many times faster than Adam's step on their own weights the category
   * offsets move: a fixed gain after them (Adam's steps are scale-free). Fast
   * offsets reach their modes sooner; the moving average smooths their jitter.
   * @default 4
   */
  offsetSpeed?: number;
  /** Adam's learning rate for both networks. @default 1e-3 */
  learningRate?: number;
  /** γ of the R1 penalty on the discriminator. @default 0.1 */
  gamma?: number;
  /** Decay of the generator's moving average, which `sample` draws from. @default 0.999 */
  emaDecay?: number;
  /** Epochs in `fitArgs`. @default 500 (16,000 generator steps on 8,192 points) */
  epochs?: number;
  /**
   * Batch size in `fitArgs`. On the grid of 25, 1,024 (with `epochs: 2000`, the same
   * 16,000 steps) keeps more categories on their modes: bench:quality's setting.
   * @default 256
   */
  batchSize?: number;
}

const MIXTURE_LATENT_GAN_KEYS = optionKeys<MixtureLatentGanOptions>()({
  categories: true,
  latentDim: true,
  extent: true,
  hidden: true,
  seed: true,
  offsetSpeed: true,
  learningRate: true,
  gamma: true,
  emaDecay: true,
  epochs: true,
  batchSize: true,
});

/** Options of {@link mixtureLatentGenerator}. */
export interface MixtureLatentGeneratorOptions {
  /** Size of the continuous (normal) latent. */
  latentDim: number;
  /** Categories of the one-hot latent. */
  categories: number;
  /** Units of each of the two hidden layers. */
  hidden: number;
  /** Seeds the initial weights. */
  seed: number;
  /** Half-width of the square the category offsets start in, uniformly. */
  extent: number;
  /** How many times faster than Adam's step on their own weights the offsets move. @default 4 */
  offsetSpeed?: number;
  /** The output layer's name. @default 'generator_out' */
  outputName?: string;
}

const MIXTURE_LATENT_GENERATOR_KEYS = optionKeys<MixtureLatentGeneratorOptions>()({
  latentDim: true,
  categories: true,
  hidden: true,
  seed: true,
  extent: true,
  offsetSpeed: true,
  outputName: true,
});

/**
 * The generator of {@link mixtureLatentGan}, inputs `[noise, one-hot
 * category]`, output `offset(c) + mlp(z, c)` in 2-D. The category picks a
 * learned offset (its own Dense weights, started uniformly in the data's
 * square) and the MLP, whose output starts at zero, learns the spread around
 * it. A fixed gain after the offsets speeds them up: Adam's steps are
 * scale-free, so they move `offsetSpeed` times as far a step.
 */
export function mixtureLatentGenerator(options: MixtureLatentGeneratorOptions): tf.LayersModel {
  const fn = 'mixtureLatentGenerator';
  const { latentDim, categories, hidden, seed, extent, offsetSpeed = 4, outputName = 'generator_out' } = requireOptions(options, MIXTURE_LATENT_GENERATOR_KEYS, fn);
  assertPositiveInt(latentDim, 'latentDim', fn);
  assertPositiveInt(categories, 'categories', fn);
  assertPositiveInt(hidden, 'hidden', fn);
  for (const [arg, value] of [
    ['extent', extent],
    ['offsetSpeed', offsetSpeed],
  ] as const) {
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
      throw new InvalidArgumentError(`Argument '${arg}' passed to '${fn}' must be a positive number. Received: ${arg}=${describe(value)}`);
    }
  }
  const z = tf.input({ shape: [latentDim], name: 'noise' });
  const c = tf.input({ shape: [categories], name: 'category' });
  const init = tf.initializers.randomUniform({ minval: -extent / offsetSpeed, maxval: extent / offsetSpeed, seed: seed + 500 });
  const offsets = tf.layers.dense({ units: 2, useBias: false, kernelInitializer: init, name: 'offsets' }).apply(c) as tf.SymbolicTensor;
  const speed = tf.layers.dense({ units: 2, useBias: false, trainable: false, kernelInitializer: tf.initializers.identity({ gain: offsetSpeed }), name: 'offset_speed' });
  let h = tf.layers.concatenate().apply([z, c]) as tf.SymbolicTensor;
  for (const k of [0, 1]) {
    h = tf.layers.dense({ units: hidden, kernelInitializer: tf.initializers.glorotUniform({ seed: seed + k }) }).apply(h) as tf.SymbolicTensor;
    h = tf.layers.reLU().apply(h) as tf.SymbolicTensor;
  }
  const spread = tf.layers.dense({ units: 2, kernelInitializer: 'zeros', name: 'spread' }).apply(h) as tf.SymbolicTensor;
  const out = tf.layers.add({ name: outputName }).apply([speed.apply(offsets) as tf.SymbolicTensor, spread]) as tf.SymbolicTensor;
  return tf.model({ inputs: [z, c], outputs: out, name: 'generator' });
}

/**
 * A GAN for 2-D mixtures whose generator draws a category as well as noise,
 * as in DeLiGAN (Gurumurthy et al. 2017) and multi-generator GANs: a
 * continuous map from one connected latent cannot reach separate modes
 * without leaving samples on the bridges between them, so a one-hot
 * category lets each part of the latent settle on its own mode. The
 * discriminator is a LeakyReLU MLP on logits with R1 (Mescheder et al.
 * 2018); `sample` draws from an exponential moving average of the generator.
 *
 * Its latent is `['normal', 'onehot']`: pass it to `fit` and `sample`.
 *
 * @example
 * // The grid of 25, as bench:quality trains it.
 * const { model, targets, fitArgs, latent } = presets.mixtureLatentGan({ extent: 4.5, batchSize: 1024, epochs: 2000 });
 * await model.fit([...latent, gridPoints], targets, fitArgs);
 * const points = model.sample(latent, { numSamples: 2500 });
 */
export function mixtureLatentGan(options: MixtureLatentGanOptions = {}): RingPreset & { readonly latent: readonly Shortcut[] } {
  const {
    categories = 100,
    latentDim = 4,
    extent = 4.5,
    offsetSpeed = 4,
    hidden = 64,
    seed = 1,
    learningRate = 1e-3,
    gamma = 0.1,
    emaDecay = 0.999,
    epochs = 500,
    batchSize = 256,
  } = checkOptions(options, MIXTURE_LATENT_GAN_KEYS, 'mixtureLatentGan');
  const model = new Model({
    generator: mixtureLatentGenerator({ latentDim, categories, hidden, seed, extent, offsetSpeed }),
    discriminator: ringMlp(2, 1, { hidden, seed: seed + 1000, activation: 'leakyRelu', name: 'discriminator' }),
  });
  model.compile({
    optimizer: [ganAdam(learningRate), ganAdam(learningRate)],
    loss: 'binaryCrossentropyFromLogits',
    penalties: { discriminator: [r1Penalty({ gamma })] },
    adversarialOptimizer: new Alternating(),
    ema: { decay: emaDecay },
  });
  return { model, targets: { gen: 0, real: 0, fake: 1 }, fitArgs: { epochs, batchSize }, latent: ['normal', 'onehot'] };
}
