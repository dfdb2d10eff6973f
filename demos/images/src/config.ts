import { demoAbout, type DemoInfo } from '@gandlf/demo-shell/protocol';
import pkg from '../package.json';
import { commonKnobs, ganDefaults, presetsFrom, trainingKnobs } from '@gandlf/demo-shell/knobs';
import { dcgan } from './presets/dcgan';
import { tiny } from './presets/tiny';
import type { ImagesKnobs } from './knobs';

export type { ImagesKnobs } from './knobs';

/**
 * A small DCGAN on 32x32 RGB images (CIFAR-10's size), with the DCGAN paper's Adam (lr 2e-4, beta1 0.5): D conv 32-64-128,
 * G mirrors it, small enough to train in a browser without a fast GPU.
 */
const defaults: ImagesKnobs = { ...ganDefaults, preset: 'dcgan', architecture: 'dcgan', latentDim: 64, width: 32, batchSize: 32, sampleEvery: 20, gridSize: 6 };

export const info: DemoInfo<ImagesKnobs> = {
  ...demoAbout(pkg),
  knobs: [
    { key: 'architecture', label: 'Architecture', type: 'select', options: ['dcgan', 'mlp'] },
    commonKnobs.latentDim,
    { ...commonKnobs.width, help: 'DCGAN base filters or MLP hidden units' },
    ...trainingKnobs(),
    commonKnobs.sampleEvery,
    commonKnobs.gridSize,
    commonKnobs.seed,
  ],
  ...presetsFrom(defaults, { dcgan, tiny }),
  chartMetrics: ['generator_loss', 'discriminator_src_real_loss', 'discriminator_src_fake_loss'],
  input: { label: 'CIFAR-10 .bin files or images', accept: '.bin,image/*' },
};
