import { demoAbout, type DemoInfo } from '@gandlf/demo-shell/protocol';
import pkg from '../package.json';
import { allMnist, commonKnobs, ganDefaults, presetsFrom, trainingKnobs } from '@gandlf/demo-shell/knobs';
import { dcgan } from './presets/dcgan';
import { dcganSmall } from './presets/dcgan-small';
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
  ...ganDefaults, // DCGAN paper: Adam, lr 2e-4, beta1 0.5
  preset: 'dcgan',
  architecture: 'dcgan',
  latentDim: 100, // as in the DCGAN paper
  width: 64,
  ...allMnist,
  augment: 'none',
  ema: 0,
  adaptiveLr: 'off',
  digit: 0,
  gridView: 'samples',
  sampleEvery: 20, // a grid costs a forward pass and a read-back
  gridSize: 8,
};

export const info: DemoInfo<MnistKnobs> = {
  ...demoAbout(pkg),
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
    commonKnobs.latentDim,
    { ...commonKnobs.width, help: 'DCGAN filters or MLP hidden units' },
    commonKnobs.split,
    commonKnobs.limit,
    ...trainingKnobs(),
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
    commonKnobs.gridSize,
    commonKnobs.seed,
  ],
  ...presetsFrom(defaults, {
    dcgan,
    'dcgan-small': dcganSmall,
    mlp,
    'dcgan-diffaugment': dcganDiffaugment,
    'mlp-plus': mlpPlus,
    acgan,
    cgan,
    tiny,
    ...Object.fromEntries(Object.entries(tinyTechniques).map(([name, p]) => [name, { ...tiny, ...p }])),
  }),
  // Chosen by time to quality (bench/README.md, "Time to quality"): of the presets
  // measured, the one that reaches good digits soonest on a CPU.
  withoutGpu: {
    preset: 'dcgan-small',
    why: 'the DCGAN at half width does a quarter of the work a step: on 2 cores it reached good digits in 14 minutes, while the full DCGAN was still short of them after 3,000 steps, 31 minutes there (bench/README.md)',
  },
  chartMetrics: ['generator_loss', 'discriminator_src_real_loss', 'discriminator_src_fake_loss'],
};
