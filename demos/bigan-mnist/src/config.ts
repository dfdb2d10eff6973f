import type { DemoInfo } from '@gandlf/demo-shell/protocol';
import { commonKnobs } from '@gandlf/demo-shell/knobs';
import { mlp } from './presets/mlp';
import { tiny } from './presets/tiny';
import type { BiganKnobs } from './knobs';

export type { BiganKnobs } from './knobs';

/** An MLP BiGAN on all 60000 training digits, as in keras_adversarial's example_bigan (smaller). */
const defaults: BiganKnobs = {
  preset: 'mlp',
  latentDim: 32, // enough for recognisable reconstructions, small enough to train quickly
  width: 256,
  split: 'train',
  limit: 0,
  batchSize: 64,
  lrD: 2e-4, // Adam 2e-4, beta1 0.5: the DCGAN choice, which BiGAN papers keep
  lrG: 2e-4,
  beta1: 0.5,
  loss: 'binaryCrossentropy',
  adversarialOptimizer: 'simultaneous',
  unrollDepth: 5,
  sampleEvery: 50,
  gridSize: 8,
  reconstructions: 8,
  seed: 1,
};

const preset = (name: string, overrides: Partial<BiganKnobs>): BiganKnobs => ({ ...defaults, ...overrides, preset: name });

export const info: DemoInfo<BiganKnobs> = {
  id: 'bigan-mnist',
  title: 'BiGAN on MNIST',
  description:
    'A generator maps codes to digits, an encoder maps digits to codes, and a discriminator sees (code, digit) pairs and tells which came from which side. Left: digits drawn from fixed codes. Right: real digits, each followed by its reconstruction G(E(x)).',
  presets: { mlp: preset('mlp', mlp), tiny: preset('tiny', tiny) },
  defaultPreset: 'mlp',
  knobs: [
    { key: 'latentDim', label: 'Latent size', type: 'number', min: 1, max: 512, step: 1 },
    { key: 'width', label: 'Width', type: 'number', min: 1, max: 2048, step: 1, help: 'hidden units of G, E and D' },
    { key: 'split', label: 'MNIST file', type: 'select', options: ['train', 'test'], help: 'train: 60000 digits (47 MB); test: 10000 (7.8 MB)' },
    { key: 'limit', label: 'Digits (0 = all)', type: 'number', min: 0, step: 1 },
    commonKnobs.batchSize,
    commonKnobs.lrD,
    { ...commonKnobs.lrG, label: 'G+E learning rate', help: 'Adam learning rate of the generator and encoder (one player)' },
    commonKnobs.beta1,
    commonKnobs.loss,
    commonKnobs.adversarialOptimizer,
    commonKnobs.unrollDepth,
    commonKnobs.sampleEvery,
    { key: 'gridSize', label: 'Grid side', type: 'number', min: 1, max: 16, step: 1 },
    { key: 'reconstructions', label: 'Reconstructions', type: 'number', min: 1, max: 16, step: 1 },
    commonKnobs.seed,
  ],
  chartMetrics: ['generator_loss', 'discriminator_loss'],
};
