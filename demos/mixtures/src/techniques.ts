import * as tf from '@tensorflow/tfjs';
import { adam, ganLoss } from '@gandlf/demo-shell/worker';
import { clipWeights, gradientPenalty, r1Penalty, relativisticAverage, smoothLabels, SpectralNormalization, type ModelCompileArgs, type ModelTargets } from 'gandlf';
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

/** What a technique fixes: how D ends, whether its hidden layers are spectrally normalised, the compile args and targets. */
export interface Technique {
  readonly activation: 'sigmoid' | 'linear';
  readonly spectral: boolean;
  /** The compile args, made on call: tfjs optimizers hold variables from their construction, so only build them for a model. */
  compile(): Omit<ModelCompileArgs, 'adversarialOptimizer'>;
  readonly targets: ModelTargets;
}

/** The model construction of a technique, with gandlf's losses, penalties and wrappers. */
export function technique(knobs: TechniqueKnobs, seed: number): Technique {
  const optimizer = (): [tf.Optimizer, tf.Optimizer] => [adam(knobs.lrD, knobs.beta1), adam(knobs.lrG, knobs.beta1)];
  const ema = knobs.ema > 0 ? { ema: { decay: knobs.ema } } : {};
  const linear = { activation: 'linear' as const, spectral: false };
  // Checkpoints saved before the technique knob existed have none: they are standard GANs.
  switch (knobs.technique ?? 'standard') {
    case 'standard': {
      const { loss, activation, targets } = ganLoss(knobs.loss);
      if (knobs.labelSmoothing > 0) {
        if (loss !== 'binaryCrossentropy') throw new Error(`Label smoothing needs the binaryCrossentropy loss. Received: ${loss}`);
        // gandlf's targets: real -> 0, so one-sided smoothing moves the real target to `labelSmoothing`.
        return { activation, spectral: false, targets, compile: () => ({ optimizer: optimizer(), loss: { real: smoothLabels('binaryCrossentropy', knobs.labelSmoothing), gen_fake: 'binaryCrossentropy' }, ...ema }) };
      }
      return { activation, spectral: false, targets, compile: () => ({ optimizer: optimizer(), loss, ...ema }) };
    }
    case 'wgan-gp': // Gulrajani et al. 2017: λ 1 as in gandlf's wganGpRing preset
      return { ...linear, targets: [-1, 1], compile: () => ({ optimizer: optimizer(), loss: 'wasserstein', penalties: { discriminator: [gradientPenalty({ weight: 1, seed })] }, ...ema }) };
    case 'hinge-sn': // gandlf's hingeSnRing: SN on D's hidden layers, hinge for D, -D(G(z)) for G
      return { activation: 'linear', spectral: true, targets: { gen: -1, real: 1, fake: -1 }, compile: () => ({ optimizer: optimizer(), loss: { gen: 'wasserstein', dis: 'hinge' }, ...ema }) };
    case 'wgan-clip': // Arjovsky et al. 2017: RMSProp, critic weights clipped to ±0.01 after each update
      return {
        ...linear,
        targets: [-1, 1],
        compile: () => ({ optimizer: [clipWeights(tf.train.rmsprop(knobs.lrD), { clipValue: 0.01 }), tf.train.rmsprop(knobs.lrG)], loss: 'wasserstein', ...ema }),
      };
    case 'lsgan':
      return { ...linear, targets: ['zeros', 'ones'], compile: () => ({ optimizer: optimizer(), loss: 'lsgan', ...ema }) };
    case 'relativistic': // RaSGAN: the losses are penalties; the plain output losses get weight 0
      return { ...linear, targets: [0, 1], compile: () => ({ optimizer: optimizer(), loss: 'binaryCrossentropyFromLogits', lossWeights: 0, penalties: relativisticAverage({ kind: 'bce' }), ...ema }) };
    case 'r1': // Mescheder et al. 2018: cross-entropy on logits, R1 on real data
      return { ...linear, targets: ['zeros', 'ones'], compile: () => ({ optimizer: optimizer(), loss: 'binaryCrossentropyFromLogits', penalties: { discriminator: [r1Penalty({ gamma: 1 })] }, ...ema }) };
    default:
      throw new Error(`Unknown technique. Expected ${TECHNIQUES.join(', ')}. Received: ${knobs.technique}`);
  }
}

/**
 * A two-hidden-layer ReLU MLP with seeded initializers; the output layer is named
 * `src` in the discriminator. `spectral` wraps the hidden Dense layers in
 * gandlf's `SpectralNormalization` (the output layer stays free, as in `hingeSnRing`).
 */
export function mlp(name: string, inputs: number, width: number, outputs: number, activation: 'linear' | 'sigmoid', seed: number, spectral = false): tf.LayersModel {
  const init = (k: number) => tf.initializers.glorotUniform({ seed: seed + k });
  if (!spectral) {
    return tf.sequential({
      name,
      layers: [
        tf.layers.dense({ inputShape: [inputs], units: width, activation: 'relu', kernelInitializer: init(0) }),
        tf.layers.dense({ units: width, activation: 'relu', kernelInitializer: init(1) }),
        tf.layers.dense({ units: outputs, activation, name: name === 'discriminator' ? 'src' : 'out', kernelInitializer: init(2) }),
      ],
    });
  }
  const input = tf.input({ shape: [inputs] });
  let h = input;
  for (const k of [0, 1]) {
    const dense = tf.layers.dense({ units: width, activation: 'relu', kernelInitializer: init(k) });
    h = new SpectralNormalization({ layer: dense, seed: seed + 20 + k }).apply(h) as tf.SymbolicTensor;
  }
  const out = tf.layers.dense({ units: outputs, activation, name: name === 'discriminator' ? 'src' : 'out', kernelInitializer: init(2) }).apply(h) as tf.SymbolicTensor;
  return tf.model({ name, inputs: input, outputs: out });
}
