import type { DemoInfo } from '@gandlf/demo-shell/protocol';
import { commonKnobs, type AdversarialOptimizerName, type GanLossName } from '@gandlf/demo-shell/knobs';
import { dcgan } from './presets/dcgan';
import { mlp } from './presets/mlp';
import { tiny } from './presets/tiny';

/** Every setting of the MNIST demo. Presets override the defaults below. */
export type MnistKnobs = {
  /** The preset these knobs started from (names checkpoints). */
  preset: string;
  architecture: 'dcgan' | 'mlp';
  /** Size of the generator's input noise. */
  latentDim: number;
  /** Network width: DCGAN filters (64 -> conv 64 then 128) or MLP hidden units (256 -> 256, 512). */
  width: number;
  /** Which MNIST file to train on. */
  split: 'train' | 'test';
  /** Train on the first `limit` digits only; 0 means all. */
  limit: number;
  batchSize: number;
  lrD: number;
  lrG: number;
  beta1: number;
  loss: GanLossName;
  adversarialOptimizer: AdversarialOptimizerName;
  unrollDepth: number;
  /** Redraw the sample grid every so many steps. */
  sampleEvery: number;
  /** The grid is gridSize x gridSize digits. */
  gridSize: number;
  seed: number;
};

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
  presets: { dcgan: preset('dcgan', dcgan), mlp: preset('mlp', mlp), tiny: preset('tiny', tiny) },
  defaultPreset: 'dcgan',
  knobs: [
    { key: 'architecture', label: 'Architecture', type: 'select', options: ['dcgan', 'mlp'] },
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
    commonKnobs.sampleEvery,
    { key: 'gridSize', label: 'Grid side', type: 'number', min: 1, max: 16, step: 1 },
    commonKnobs.seed,
  ],
  chartMetrics: ['generator_loss', 'discriminator_src_real_loss', 'discriminator_src_fake_loss'],
};
