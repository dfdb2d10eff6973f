import { demoAbout, type DemoInfo } from '@gandlf/demo-shell/protocol';
import pkg from '../package.json';
import { allMnist, commonKnobs, ganDefaults, presetsFrom, trainingKnobs } from '@gandlf/demo-shell/knobs';
import { mlp } from './presets/mlp';
import { tiny } from './presets/tiny';
import type { BiganKnobs } from './knobs';

export type { BiganKnobs } from './knobs';

/**
 * An MLP BiGAN on all 60000 training digits, as in keras_adversarial's example_bigan (smaller), with Adam 2e-4 and
 * beta1 0.5 (the DCGAN choice, which BiGAN papers keep); a 32-D code is enough for recognisable reconstructions.
 */
const defaults: BiganKnobs = { ...ganDefaults, ...allMnist, preset: 'mlp', latentDim: 32, width: 256, sampleEvery: 50, gridSize: 8, reconstructions: 8 };

export const info: DemoInfo<BiganKnobs> = {
  ...demoAbout(pkg),
  knobs: [
    { ...commonKnobs.latentDim, max: 512 },
    { ...commonKnobs.width, help: 'hidden units of G, E and D' },
    commonKnobs.split,
    commonKnobs.limit,
    ...trainingKnobs({ lrG: { label: 'G+E learning rate', help: 'Adam learning rate of the generator and encoder (one player)' } }),
    commonKnobs.sampleEvery,
    commonKnobs.gridSize,
    { key: 'reconstructions', label: 'Reconstructions', type: 'number', min: 1, max: 16, step: 1 },
    commonKnobs.seed,
  ],
  ...presetsFrom(defaults, { mlp, tiny }),
  chartMetrics: ['generator_loss', 'discriminator_loss'],
};
