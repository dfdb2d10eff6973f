import type { DemoInfo } from '@gandlf/demo-shell/protocol';
import { commonKnobs } from '@gandlf/demo-shell/knobs';
import { dcgan } from './presets/dcgan';
import { mlp } from './presets/mlp';
import { acgan } from './presets/acgan';
import { cgan } from './presets/cgan';
import { dcganDiffaugment } from './presets/dcgan-diffaugment';
import { mlpPlus } from './presets/mlp-plus';
import { tiny, tinyTechniques } from './presets/tiny';
import type { MnistKnobs } from './knobs';

export type { MnistKnobs } from './knobs';

/** The DCGAN on full MNIST, with the usual DCGAN choices. */
const defaults: MnistKnobs = {
  preset: 'dcgan',
  architecture: 'dcgan',
  latentDim: 100, // as in the DCGAN paper
  width: 64,
  split: 'train',
  limit: 0, // all 60000 digits
  batchSize: 64,
  lrD: 2e-4, // DCGAN paper: Adam, lr 2e-4, beta1 0.5
  lrG: 2e-4,
  beta1: 0.5,
  loss: 'binaryCrossentropy',
  adversarialOptimizer: 'simultaneous', // gandlf's default: both players step on the same batch
  unrollDepth: 5,
  augment: 'none',
  ema: 0,
  adaptiveLr: 'off',
  digit: 0,
  gridView: 'samples',
  sampleEvery: 20, // a grid costs a forward pass and a read-back
  gridSize: 8,
  seed: 1,
};

const preset = (name: string, overrides: Partial<MnistKnobs>): MnistKnobs => ({ ...defaults, ...overrides, preset: name });

export const info: DemoInfo<MnistKnobs> = {
  id: 'gan-mnist',
  title: 'GAN on MNIST',
  description:
    'A generator learns to write digits while a discriminator learns to tell them from real MNIST digits. The grid is drawn from the same noise vectors every time, so you can watch each digit take shape.',
  presets: {
    dcgan: preset('dcgan', dcgan),
    mlp: preset('mlp', mlp),
    'dcgan-diffaugment': preset('dcgan-diffaugment', dcganDiffaugment),
    'mlp-plus': preset('mlp-plus', mlpPlus),
    acgan: preset('acgan', acgan),
    cgan: preset('cgan', cgan),
    tiny: preset('tiny', tiny),
    ...Object.fromEntries(Object.entries(tinyTechniques).map(([name, p]) => [name, preset(name, { ...tiny, ...p })])),
  },
  defaultPreset: 'dcgan',
  knobs: [
    {
      key: 'architecture',
      label: 'Architecture',
      type: 'select',
      options: ['dcgan', 'mlp', 'mlp-plus', 'acgan', 'cgan'],
      help: 'mlp-plus: Residual, PermanentDropout, BatchSimilarity; acgan: D also classifies; cgan: D sees the digit. Both conditional: pick the digit below',
    },
    {
      key: 'digit',
      label: 'Digit (acgan, cgan)',
      type: 'select',
      options: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      live: true,
      help: 'The class the grid shows; changing it does not restart training',
    },
    { key: 'latentDim', label: 'Latent size', type: 'number', min: 1, max: 1024, step: 1 },
    { key: 'width', label: 'Width', type: 'number', min: 1, max: 2048, step: 1, help: 'DCGAN filters or MLP hidden units' },
    { key: 'split', label: 'MNIST file', type: 'select', options: ['train', 'test'], help: 'train: 60000 digits (47 MB); test: 10000 (7.8 MB)' },
    { key: 'limit', label: 'Digits (0 = all)', type: 'number', min: 0, step: 1 },
    commonKnobs.batchSize,
    commonKnobs.lrD,
    commonKnobs.lrG,
    commonKnobs.beta1,
    commonKnobs.loss,
    commonKnobs.adversarialOptimizer,
    commonKnobs.unrollDepth,
    { key: 'augment', label: 'DiffAugment', type: 'select', options: ['none', 'translation', 'cutout', 'translation,cutout'], help: 'Augments every image D sees (DCGAN only)' },
    { key: 'ema', label: 'Generator EMA', type: 'number', min: 0, max: 0.9999, help: 'Decay of an average of G weights the grid is drawn from; 0 is off' },
    {
      key: 'adaptiveLr',
      label: 'Adaptive LR',
      type: 'select',
      options: ['off', 'on'],
      help: 'gandlf adaptiveLearningRate: each side learns at its max rate times its share of the loss (not with hinge)',
    },
    {
      key: 'gridView',
      label: 'Grid',
      type: 'select',
      options: ['samples', 'interpolation', 'reconstruct'],
      live: true,
      help: 'interpolation: each row is a spherical path between two latents; reconstruct: real digits above G(z), z found by gradient descent (latentSearch)',
    },
    commonKnobs.sampleEvery,
    { key: 'gridSize', label: 'Grid side', type: 'number', min: 1, max: 16, step: 1 },
    commonKnobs.seed,
  ],
  chartMetrics: ['generator_loss', 'discriminator_src_real_loss', 'discriminator_src_fake_loss'],
};
