import { Model } from '../model/model';
import { Alternating } from '../engine/alternating';
import { checkOptions, optionKeys } from '../options';
import { ganAdam, RING_PRESET_KEYS, ringMlp, type RingPreset, type RingPresetOptions } from './ring-preset';

/** Options of {@link hingeSnRing}. */
export interface HingeSnRingOptions extends RingPresetOptions {
  /** Discriminator updates per generator update, on the same batch. @default 2 */
  discriminatorSteps?: number;
}

const HINGE_SN_RING_KEYS = optionKeys<HingeSnRingOptions>()({ ...RING_PRESET_KEYS, discriminatorSteps: true });

/**
 * The hinge loss with a spectrally normalised discriminator (Miyato et al.
 * 2018) on the 2-D ring of 8 Gaussians. The discriminator minimises
 * `mean(relu(1 - D(x))) + mean(relu(1 + D(G(z))))` (hinge, targets real 1,
 * fake -1) and the generator `-mean(D(G(z)))` (Wasserstein with target -1).
 *
 * Its hidden Dense layers are wrapped in `SpectralNormalization`; the output
 * layer is not. A fully 1-Lipschitz discriminator cannot reach the hinge
 * margins (±1) between modes 0.02 wide on a circle of radius 2, and in our
 * runs it stalled with samples spread around the ring; the free output layer
 * sets the scale.
 *
 * @example
 * const { model, targets, fitArgs } = presets.hingeSnRing();
 * await model.fit(['normal', ringPoints], targets, fitArgs);
 */
export function hingeSnRing(options: HingeSnRingOptions = {}): RingPreset {
  const { latentDim = 4, hidden = 64, seed = 1, learningRate = 3e-3, epochs = 20, batchSize = 128, discriminatorSteps = 2 } = checkOptions(options, HINGE_SN_RING_KEYS, 'hingeSnRing');
  const model = new Model({
    generator: ringMlp(latentDim, 2, { hidden, seed, activation: 'relu', name: 'generator' }),
    discriminator: ringMlp(2, 1, { hidden, seed: seed + 100, activation: 'leakyRelu', spectral: 'hidden', name: 'discriminator' }),
  });
  model.compile({
    optimizer: [ganAdam(learningRate), ganAdam(learningRate)],
    loss: { gen: 'wasserstein', dis: 'hinge' },
    adversarialOptimizer: new Alternating({ steps: { discriminator: discriminatorSteps } }),
  });
  return { model, targets: { gen: -1, real: 1, fake: -1 }, fitArgs: { epochs, batchSize } };
}
