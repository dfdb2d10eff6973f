import * as tf from '@tensorflow/tfjs';
import { SpectralNormalization } from '../layers/spectral-normalization';
import { adamOptimizer } from '../optim/adam-optimizer';
import { optionKeys, requireOptions, type KeyRecord } from '../options';
import type { Model, ModelFitArgs, ModelTargets } from '../model/model';
import type { Shortcut } from '../model/shortcuts';

/** A compiled model for a 2-D mixture (the ring of 8 Gaussians, the grid of 25), with the targets and `fit` options it trains with. */
export interface RingPreset {
  /** The compiled model: `model.fit(['normal', x], targets, fitArgs)`. */
  readonly model: Model;
  /** Targets for `fit`, in gandlf's shorthand. */
  readonly targets: ModelTargets;
  /** Suggested `fit` options. */
  readonly fitArgs: ModelFitArgs;
  /** The generator's inputs for `fit` and `sample`, when more than noise. @default ['normal'] */
  readonly latent?: readonly Shortcut[];
}

/** Options shared by the ring presets. */
export interface RingPresetOptions {
  /** Latent size. @default 4 (a little more than the data's 2 dimensions eases covering 8 modes) */
  latentDim?: number;
  /** Units of each of the two hidden layers of both networks. @default 64 */
  hidden?: number;
  /** Seeds the initial weights (and the penalty's draws). @default 1 */
  seed?: number;
  /** Adam's learning rate for both networks. @default 3e-3 (high, for a short run on a small problem) */
  learningRate?: number;
  /** Epochs in `fitArgs`. @default 20 */
  epochs?: number;
  /** Batch size in `fitArgs`. @default 128 */
  batchSize?: number;
}

/** The keys of `RingPresetOptions`, which every ring preset takes. */
export const RING_PRESET_KEYS: KeyRecord<RingPresetOptions> = { latentDim: true, hidden: true, seed: true, learningRate: true, epochs: true, batchSize: true };

/** Adam with β = (0.5, 0.9) as in WGAN-GP, and an explicit ε (left unset, tfjs takes 1e-4 on WebGL). */
export const ganAdam = (learningRate: number) => adamOptimizer({ learningRate, beta1: 0.5, beta2: 0.9 });

/** Options of {@link ringMlp}. */
export interface RingMlpOptions {
  /** Units of each hidden layer. */
  hidden: number;
  /** Seeds the initial weights (and spectral-norm vectors). */
  seed: number;
  /** The hidden layers' activation. */
  activation: 'relu' | 'leakyRelu';
  /** `'hidden'` wraps the hidden Dense layers in `SpectralNormalization`. @default false */
  spectral?: 'hidden' | false;
  /** The model's name. */
  name: string;
  /** The output layer's name; a discriminator's output name appears in its metric names. @default `${name}_out` */
  outputName?: string;
  /** The output layer's activation: `sigmoid` for a cross-entropy discriminator. @default 'linear' */
  outputActivation?: 'linear' | 'sigmoid';
}

const RING_MLP_KEYS = optionKeys<RingMlpOptions>()({
  hidden: true,
  seed: true,
  activation: true,
  spectral: true,
  name: true,
  outputName: true,
  outputActivation: true,
});

/**
 * A two-hidden-layer MLP `[inDim] -> [outDim]` with seeded initial weights.
 * `activation` applies to the hidden layers; `spectral: 'hidden'` wraps the
 * hidden Dense layers in `SpectralNormalization`. The output layer is linear
 * unless `outputActivation` says otherwise, and is never normalised.
 */
export function ringMlp(inDim: number, outDim: number, options: RingMlpOptions): tf.LayersModel {
  const { hidden, seed, activation, spectral = false, name, outputName = `${name}_out`, outputActivation = 'linear' } = requireOptions(options, RING_MLP_KEYS, 'ringMlp');
  const input = tf.input({ shape: [inDim] });
  const dense = (units: number, k: number, layerName?: string, act?: 'sigmoid'): tf.layers.Layer => {
    const layer = tf.layers.dense({ units, kernelInitializer: tf.initializers.glorotUniform({ seed: seed + k }), ...(layerName ? { name: layerName } : {}), ...(act ? { activation: act } : {}) });
    return spectral === 'hidden' && k < 2 ? new SpectralNormalization({ layer, seed: seed + 10 + k }) : layer;
  };
  const act = () => (activation === 'relu' ? tf.layers.reLU() : tf.layers.leakyReLU({ alpha: 0.2 }));
  let h = input as tf.SymbolicTensor;
  for (const k of [0, 1]) h = act().apply(dense(hidden, k).apply(h)) as tf.SymbolicTensor;
  const out = dense(outDim, 2, outputName, outputActivation === 'sigmoid' ? 'sigmoid' : undefined).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: out, name });
}
