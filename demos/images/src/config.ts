import type { DemoInfo } from '@gandlf/demo-shell/protocol';
import { commonKnobs } from '@gandlf/demo-shell/knobs';
import { dcgan } from './presets/dcgan';
import { tiny } from './presets/tiny';
import type { ImagesKnobs } from './knobs';

export type { ImagesKnobs } from './knobs';

/** A small DCGAN on 32x32 RGB images: CIFAR-10's size. */
const defaults: ImagesKnobs = {
  preset: 'dcgan',
  architecture: 'dcgan',
  latentDim: 64,
  width: 32, // D conv 32-64-128, G mirrors it: small enough to train in a browser without a fast GPU
  batchSize: 32,
  lrD: 2e-4, // DCGAN paper: Adam, lr 2e-4, beta1 0.5
  lrG: 2e-4,
  beta1: 0.5,
  loss: 'binaryCrossentropy',
  adversarialOptimizer: 'simultaneous',
  unrollDepth: 5,
  sampleEvery: 20,
  gridSize: 6,
  seed: 1,
};

const preset = (name: string, overrides: Partial<ImagesKnobs>): ImagesKnobs => ({ ...defaults, ...overrides, preset: name });

export const info: DemoInfo<ImagesKnobs> = {
  id: 'images',
  title: 'Your images / CIFAR-10',
  description:
    'Drop CIFAR-10 binary batch files (data_batch_1.bin ... test_batch.bin) or a folder of images on the page, and a GAN learns to make 32x32 pictures like them. Until you do, it trains on generated coloured shapes. Left: samples from fixed noise. Right: some of the training images.',
  presets: { dcgan: preset('dcgan', dcgan), tiny: preset('tiny', tiny) },
  defaultPreset: 'dcgan',
  knobs: [
    { key: 'architecture', label: 'Architecture', type: 'select', options: ['dcgan', 'mlp'] },
    { key: 'latentDim', label: 'Latent size', type: 'number', min: 1, max: 1024, step: 1 },
    { key: 'width', label: 'Width', type: 'number', min: 1, max: 2048, step: 1, help: 'DCGAN base filters or MLP hidden units' },
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
  input: { label: 'CIFAR-10 .bin files or images', accept: '.bin,image/*' },
};
