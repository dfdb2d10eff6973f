import { demoAbout, type DemoInfo } from '@gandlf/demo-shell/protocol';
import pkg from '../package.json';
import { commonKnobs, presetsFrom } from '@gandlf/demo-shell/knobs';
import { grid } from './presets/grid';
import { ring } from './presets/ring';
import { emaSmoothing } from './presets/ema-smoothing';
import { hingeSn } from './presets/hinge-sn';
import { lsgan } from './presets/lsgan';
import { mixtureLatent } from './presets/mixture-latent';
import { r1 } from './presets/r1';
import { relativistic } from './presets/relativistic';
import { tiny, tinyTechniques } from './presets/tiny';
import { wganClip } from './presets/wgan-clip';
import { wganGp } from './presets/wgan-gp';
import { SCHEDULES, TECHNIQUES, type MixtureKnobs } from './knobs';

export { SCHEDULES, TECHNIQUES, type MixtureKnobs, type ScheduleName, type TechniqueName } from './knobs';

/**
 * The ring experiment of the Unrolled GAN paper, scaled down so it shows
 * something within minutes. Measured here (wasm, 2000 steps, seed 1):
 * Simultaneous covered 0 of 8 modes, Alternating 3, Unrolled(5) 4 with the
 * most points near a mode. With the paper's slow discriminator (lrD 1e-4) no
 * run had reached a mode by then.
 */
const defaults: MixtureKnobs = {
  preset: 'ring',
  mixture: 'ring',
  latentDim: 16,
  categories: 0,
  width: 64, // G and D: two hidden layers of ReLUs
  batchSize: 128,
  lrD: 1e-3,
  lrG: 1e-3,
  beta1: 0.5,
  loss: 'binaryCrossentropy',
  technique: 'standard',
  criticSteps: 1,
  schedule: 'alternating', // gandlf's Alternating: the D steps reuse one batch, as the paper's k steps of D do
  labelSmoothing: 0,
  ema: 0,
  unrollDepth: 5, // Metz et al. unroll 5 to 10 steps on this ring
  samples: 512,
  sampleEvery: 25,
  seed: 1,
  // The game as GAN Lab shows it: what D says and where that pushes G, for any latent size.
  heatmap: 'on',
  gradients: 'on',
  // Off: with the default 16-D latent the mesh is only a 2-D slice of G, and it crowds the points; turn it on for a 2-D latent.
  manifold: 'off',
  // The mixture's Gaussians; the page's "Your data" tools set it to drawn or loaded points.
  data: '',
};

export const info: DemoInfo<MixtureKnobs> = {
  ...demoAbout(pkg),
  knobs: [
    { key: 'mixture', label: 'Mixture', type: 'select', options: ['ring', 'grid'] },
    commonKnobs.latentDim,
    {
      key: 'categories',
      label: 'Latent categories',
      type: 'number',
      min: 0,
      max: 1000,
      step: 1,
      help: 'A one-hot category beside the noise, each with a learned offset (gandlf mixtureLatentGenerator); 0 is noise only',
    },
    { ...commonKnobs.width, label: 'Hidden units' },
    commonKnobs.batchSize,
    commonKnobs.lrD,
    commonKnobs.lrG,
    commonKnobs.beta1,
    commonKnobs.loss,
    { key: 'technique', label: 'Technique', type: 'select', options: TECHNIQUES, help: 'standard: the loss above; the others fix loss, D head and penalties (gandlf TECHNIQUES.md)' },
    { key: 'criticSteps', label: 'Critic steps', type: 'number', min: 1, max: 20, step: 1, help: 'D updates per G update (Alternating run only)' },
    {
      key: 'schedule',
      label: 'Critic schedule',
      type: 'select',
      options: SCHEDULES,
      help: 'How the Alternating panel takes Critic steps: alternating is Alternating({ steps }), n D updates then one G update on the same batch; scheduled is Scheduled([D × n, G]), one player per step on a fresh batch, so the step log shows the schedule',
    },
    { key: 'labelSmoothing', label: 'Label smoothing', type: 'number', min: 0, max: 0.49, help: 'One-sided: D learns real -> this instead of 0 (standard + binaryCrossentropy only); 0 is off' },
    { key: 'ema', label: 'Generator EMA', type: 'number', min: 0, max: 0.9999, help: 'Decay of an average of G weights the panels draw from; 0 is off' },
    commonKnobs.unrollDepth,
    { key: 'samples', label: 'Points drawn', type: 'number', min: 1, max: 10000, step: 1 },
    commonKnobs.sampleEvery,
    commonKnobs.seed,
    // Live: toggling one redraws without restarting training, and the worker computes nothing for an overlay that is off.
    { key: 'heatmap', label: 'D heatmap', type: 'select', options: ['on', 'off'], live: true, help: 'D(x) over the plane behind the points: one batched pass of D over a 48×48 grid per view' },
    {
      key: 'gradients',
      label: 'G gradients',
      type: 'select',
      options: ['on', 'off'],
      live: true,
      help: "Arrows on 64 generated points: minus the gradient of the generator's loss with respect to each point",
    },
    {
      key: 'manifold',
      label: 'G manifold',
      type: 'select',
      options: ['on', 'off'],
      live: true,
      help: 'G over a grid of latents as a warped mesh: the first two latent dimensions over [-2, 2], the others 0 (and category 0)',
    },
  ],
  ...presetsFrom(defaults, {
    ring,
    grid,
    'wgan-gp': wganGp,
    'hinge-sn': hingeSn,
    'wgan-clip': wganClip,
    lsgan,
    relativistic,
    r1,
    'ema-smoothing': emaSmoothing,
    'mixture-latent': mixtureLatent,
    tiny,
    ...Object.fromEntries(Object.entries(tinyTechniques).map(([name, p]) => [name, { ...tiny, ...p }])),
  }),
  chartMetrics: ['generator_loss', 'discriminator_loss'],
};
