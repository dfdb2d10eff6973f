import * as tf from '@tensorflow/tfjs';
import { ganLoss } from '@gandlf/demo-shell/kit';
import { losses, penalties, presets, train, type ModelCompileArgs, type ModelTargets } from 'gandlf';
import type { GanLossName } from '@gandlf/demo-shell/knobs';
import { TECHNIQUES, type TechniqueName } from './config';

/** The settings a technique reads. */
export interface TechniqueKnobs {
  technique: TechniqueName | string;
  loss: GanLossName;
  lrD: number;
  lrG: number;
  beta1: number;
  /** One-sided label smoothing of the real targets (cross-entropy only); 0: off. */
  labelSmoothing: number;
  /** EMA decay of the generator's weights, the panels sample from the average; 0: off. */
  ema: number;
}

/** What a technique fixes: how D is built and ends, the compile args and targets. */
export interface Technique {
  readonly activation: 'sigmoid' | 'linear';
  readonly spectral: boolean;
  /** D's hidden activation: LeakyReLU for the critics of gandlf's ring presets, ReLU otherwise. */
  readonly hidden: 'relu' | 'leakyRelu';
  /** The compile args, made on call: tfjs optimizers hold variables from their construction, so only build them for a model. */
  compile(): Omit<ModelCompileArgs, 'adversarialOptimizer'>;
  readonly targets: ModelTargets;
}

/** The model construction of a technique, with gandlf's losses, penalties and wrappers. */
export function technique(knobs: TechniqueKnobs, seed: number): Technique {
  const adam = (learningRate: number, beta2?: number) => train.adamOptimizer({ learningRate, beta1: knobs.beta1, ...(beta2 ? { beta2 } : {}) });
  const optimizer = (): [tf.Optimizer, tf.Optimizer] => [adam(knobs.lrD), adam(knobs.lrG)];
  // As gandlf's wganGpRing and hingeSnRing (and WGAN-GP): Adam's β2 0.9, so the
  // step size follows the critic's fast-changing gradients; with 0.999 these critics stalled.
  const criticOptimizer = (): [tf.Optimizer, tf.Optimizer] => [adam(knobs.lrD, 0.9), adam(knobs.lrG, 0.9)];
  const ema = knobs.ema > 0 ? { ema: { decay: knobs.ema } } : {};
  const linear = { activation: 'linear' as const, spectral: false, hidden: 'relu' as const };
  const critic = { activation: 'linear' as const, hidden: 'leakyRelu' as const };
  // Checkpoints saved before the technique knob existed have none: they are standard GANs.
  switch (knobs.technique ?? 'standard') {
    case 'standard': {
      const { loss, activation, targets } = ganLoss(knobs.loss);
      if (knobs.labelSmoothing > 0) {
        if (loss !== 'binaryCrossentropy') throw new Error(`Label smoothing needs the binaryCrossentropy loss. Received: ${loss}`);
        // gandlf's targets: real -> 0, so one-sided smoothing moves the real target to `labelSmoothing`.
        return {
          activation,
          spectral: false,
          hidden: 'relu',
          targets,
          compile: () => ({ optimizer: optimizer(), loss: { real: losses.smoothLabels('binaryCrossentropy', knobs.labelSmoothing), gen_fake: 'binaryCrossentropy' }, ...ema }),
        };
      }
      return { activation, spectral: false, hidden: 'relu', targets, compile: () => ({ optimizer: optimizer(), loss, ...ema }) };
    }
    case 'wgan-gp': // Gulrajani et al. 2017, as gandlf's wganGpRing: LeakyReLU critic, λ 1, Adam β2 0.9
      return {
        ...critic,
        spectral: false,
        targets: [-1, 1],
        compile: () => ({ optimizer: criticOptimizer(), loss: 'wasserstein', penalties: { discriminator: [penalties.gradientPenalty({ weight: 1, seed })] }, ...ema }),
      };
    case 'hinge-sn': // gandlf's hingeSnRing: SN on D's hidden LeakyReLU layers, hinge for D, -D(G(z)) for G, Adam β2 0.9
      return { ...critic, spectral: true, targets: { gen: -1, real: 1, fake: -1 }, compile: () => ({ optimizer: criticOptimizer(), loss: { gen: 'wasserstein', dis: 'hinge' }, ...ema }) };
    case 'wgan-clip': // Arjovsky et al. 2017: RMSProp, critic weights clipped to ±0.01 after each update
      return {
        ...linear,
        targets: [-1, 1],
        compile: () => ({ optimizer: [train.clipWeights(tf.train.rmsprop(knobs.lrD), { clipValue: 0.01 }), tf.train.rmsprop(knobs.lrG)], loss: 'wasserstein', ...ema }),
      };
    case 'lsgan':
      return { ...linear, targets: ['zeros', 'ones'], compile: () => ({ optimizer: optimizer(), loss: 'lsgan', ...ema }) };
    case 'relativistic': // RaSGAN: the losses are penalties; the plain output losses get weight 0
      return {
        ...linear,
        targets: [0, 1],
        compile: () => ({ optimizer: optimizer(), loss: 'binaryCrossentropyFromLogits', lossWeights: 0, penalties: penalties.relativisticAverage({ kind: 'bce' }), ...ema }),
      };
    case 'mixture-latent': // gandlf's mixtureLatentGan (with the categories knob): R1 γ 0.1 on a LeakyReLU logits D, Adam β2 0.9
      return {
        ...critic,
        spectral: false,
        targets: ['zeros', 'ones'],
        compile: () => ({ optimizer: criticOptimizer(), loss: 'binaryCrossentropyFromLogits', penalties: { discriminator: [penalties.r1Penalty({ gamma: 0.1 })] }, ...ema }),
      };
    case 'r1': // Mescheder et al. 2018: cross-entropy on logits, R1 on real data
      return {
        ...linear,
        targets: ['zeros', 'ones'],
        compile: () => ({ optimizer: optimizer(), loss: 'binaryCrossentropyFromLogits', penalties: { discriminator: [penalties.r1Penalty({ gamma: 1 })] }, ...ema }),
      };
    default:
      throw new Error(`Unknown technique. Expected ${TECHNIQUES.join(', ')}. Received: ${knobs.technique}`);
  }
}

/**
 * The demo's networks: gandlf's `ringMlp` (two hidden layers, seeded
 * initializers), the generator with ReLUs, the discriminator as the technique
 * says, its output layer named `src`. With `categories`, the generator is
 * gandlf's `mixtureLatentGenerator`, its offsets started within `extent`.
 */
export function networks(knobs: { latentDim: number; width: number; seed: number; categories?: number }, t: Technique, extent: number): { generator: tf.LayersModel; discriminator: tf.LayersModel } {
  const { latentDim, width: hidden, seed, categories = 0 } = knobs;
  return {
    generator:
      categories > 0
        ? presets.mixtureLatentGenerator({ latentDim, categories, hidden, seed, extent, outputName: 'out' })
        : presets.ringMlp(latentDim, 2, { hidden, seed, activation: 'relu', name: 'generator', outputName: 'out' }),
    discriminator: presets.ringMlp(2, 1, {
      hidden: knobs.width,
      seed: knobs.seed + 10,
      activation: t.hidden,
      spectral: t.spectral ? 'hidden' : false,
      name: 'discriminator',
      outputName: 'src',
      outputActivation: t.activation,
    }),
  };
}
