import { demoAbout, type DemoInfo } from '@gandlf/demo-shell/protocol';
import pkg from '../package.json';
import { allMnist, commonKnobs, ganDefaults, presetsFrom, trainingKnobs } from '@gandlf/demo-shell/knobs';
import { mlp } from './presets/mlp';
import { tiny } from './presets/tiny';
import type { AaeKnobs } from './knobs';

export type { AaeKnobs } from './knobs';

/**
 * keras_adversarial's example_aae, as MLPs on all training digits: reconstruction weighs 1, the adversarial terms 1e-2
 * (as in the seed); a 2-D code, so the scatter shows the whole code.
 */
const defaults: AaeKnobs = { ...ganDefaults, ...allMnist, preset: 'mlp', latentDim: 2, width: 256, adversarialWeight: 1e-2, sampleEvery: 50, gridSize: 8, reconstructions: 8, scatterPoints: 1000 };

export const info: DemoInfo<AaeKnobs> = {
  ...demoAbout(pkg),
  knobs: [
    { ...commonKnobs.latentDim, max: 512, help: 'the scatter shows the first two dimensions' },
    { ...commonKnobs.width, help: 'hidden units of E, the decoder and D' },
    commonKnobs.split,
    commonKnobs.limit,
    ...trainingKnobs({
      lrG: { label: 'E+decoder learning rate', help: 'Adam learning rate of the encoder and decoder (one player)' },
      loss: { help: 'the adversarial loss on the code; reconstruction is mean squared error' },
    }),
    { key: 'adversarialWeight', label: 'Adversarial weight', type: 'number', min: 0, max: 100, help: 'reconstruction weighs 1; the seed uses 1e-2' },
    commonKnobs.sampleEvery,
    commonKnobs.gridSize,
    { key: 'reconstructions', label: 'Reconstructions', type: 'number', min: 1, max: 16, step: 1 },
    { key: 'scatterPoints', label: 'Scatter points', type: 'number', min: 1, max: 10000, step: 1 },
    commonKnobs.seed,
  ],
  ...presetsFrom(defaults, { mlp, tiny }),
  chartMetrics: ['generator_xpred_loss', 'generator_yfake_loss', 'discriminator_loss'],
};
