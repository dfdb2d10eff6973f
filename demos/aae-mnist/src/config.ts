import type { DemoInfo } from '@gandlf/demo-shell/protocol';
import { commonKnobs } from '@gandlf/demo-shell/knobs';
import { mlp } from './presets/mlp';
import { tiny } from './presets/tiny';
import type { AaeKnobs } from './knobs';

export type { AaeKnobs } from './knobs';

/** keras_adversarial's example_aae, as MLPs: reconstruction weighs 1, the adversarial terms 1e-2. */
const defaults: AaeKnobs = {
  preset: 'mlp',
  latentDim: 2, // two dimensions: the scatter shows the whole code
  width: 256,
  split: 'train',
  limit: 0,
  batchSize: 64,
  lrD: 2e-4,
  lrG: 2e-4,
  beta1: 0.5,
  loss: 'binaryCrossentropy',
  adversarialWeight: 1e-2, // as in the seed: reconstruction 1, adversarial 1e-2
  adversarialOptimizer: 'simultaneous',
  unrollDepth: 5,
  sampleEvery: 50,
  gridSize: 8,
  reconstructions: 8,
  scatterPoints: 1000,
  seed: 1,
};

const preset = (name: string, overrides: Partial<AaeKnobs>): AaeKnobs => ({ ...defaults, ...overrides, preset: name });

export const info: DemoInfo<AaeKnobs> = {
  id: 'aae-mnist',
  title: 'AAE on MNIST',
  description:
    'An autoencoder whose codes a discriminator compares with draws from a normal prior, so the encoder learns to fill the prior and the decoder can write digits from any draw. Left: the decoder on fixed prior draws. Middle: real digits and their reconstructions. Right: the codes of real digits, coloured by digit.',
  presets: { mlp: preset('mlp', mlp), tiny: preset('tiny', tiny) },
  defaultPreset: 'mlp',
  knobs: [
    { key: 'latentDim', label: 'Latent size', type: 'number', min: 1, max: 512, step: 1, help: 'the scatter shows the first two dimensions' },
    { key: 'width', label: 'Width', type: 'number', min: 1, max: 2048, step: 1, help: 'hidden units of E, the decoder and D' },
    { key: 'split', label: 'MNIST file', type: 'select', options: ['train', 'test'], help: 'train: 60000 digits (47 MB); test: 10000 (7.8 MB)' },
    { key: 'limit', label: 'Digits (0 = all)', type: 'number', min: 0, step: 1 },
    commonKnobs.batchSize,
    commonKnobs.lrD,
    { ...commonKnobs.lrG, label: 'E+decoder learning rate', help: 'Adam learning rate of the encoder and decoder (one player)' },
    commonKnobs.beta1,
    { ...commonKnobs.loss, help: 'the adversarial loss on the code; reconstruction is mean squared error' },
    { key: 'adversarialWeight', label: 'Adversarial weight', type: 'number', min: 0, max: 100, help: 'reconstruction weighs 1; the seed uses 1e-2' },
    commonKnobs.adversarialOptimizer,
    commonKnobs.unrollDepth,
    commonKnobs.sampleEvery,
    { key: 'gridSize', label: 'Grid side', type: 'number', min: 1, max: 16, step: 1 },
    { key: 'reconstructions', label: 'Reconstructions', type: 'number', min: 1, max: 16, step: 1 },
    { key: 'scatterPoints', label: 'Scatter points', type: 'number', min: 1, max: 10000, step: 1 },
    commonKnobs.seed,
  ],
  chartMetrics: ['generator_xpred_loss', 'generator_yfake_loss', 'discriminator_loss'],
};
