import { Model } from '../model/model';
import { Alternating } from '../engine/alternating';
import { gradientPenalty } from '../penalties/gradient-penalty';
import { checkOptions, optionKeys } from '../options';
import { ganAdam, RING_PRESET_KEYS, ringMlp, type RingPreset, type RingPresetOptions } from './ring-preset';

/** Options of {@link wganGpRing}. */
export interface WganGpRingOptions extends RingPresetOptions {
  /** λ of the gradient penalty. @default 1 (the paper uses 10 for images and 0.1 in its toy code; 1 converged fastest here) */
  penaltyWeight?: number;
  /** Critic updates per generator update, on the same batch. @default 2 (the paper's 5 is slower on a CPU and not needed here) */
  criticSteps?: number;
}

const WGAN_GP_RING_KEYS = optionKeys<WganGpRingOptions>()({ ...RING_PRESET_KEYS, penaltyWeight: true, criticSteps: true });

/**
 * WGAN-GP on the 2-D ring of 8 Gaussians (Gulrajani et al. 2017): a ReLU
 * generator, a LeakyReLU critic with a linear output, the Wasserstein loss
 * with targets `[-1, 1]` (real, fake), a gradient penalty on the critic and
 * `criticSteps` critic updates per generator update.
 *
 * @example
 * const { model, targets, fitArgs } = presets.wganGpRing();
 * await model.fit(['normal', ringPoints], targets, fitArgs);
 */
export function wganGpRing(options: WganGpRingOptions = {}): RingPreset {
  const { latentDim = 4, hidden = 64, seed = 1, learningRate = 3e-3, epochs = 20, batchSize = 128, penaltyWeight = 1, criticSteps = 2 } = checkOptions(options, WGAN_GP_RING_KEYS, 'wganGpRing');
  const model = new Model({
    generator: ringMlp(latentDim, 2, { hidden, seed, activation: 'relu', name: 'generator' }),
    discriminator: ringMlp(2, 1, { hidden, seed: seed + 100, activation: 'leakyRelu', name: 'critic' }),
  });
  model.compile({
    optimizer: [ganAdam(learningRate), ganAdam(learningRate)],
    loss: 'wasserstein',
    penalties: { discriminator: [gradientPenalty({ weight: penaltyWeight, seed })] },
    adversarialOptimizer: new Alternating({ steps: { discriminator: criticSteps } }),
  });
  return { model, targets: [-1, 1], fitArgs: { epochs, batchSize } };
}
