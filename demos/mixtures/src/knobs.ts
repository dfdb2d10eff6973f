// The demo's knobs, apart from config.ts so that presets/*.ts can name their type without importing config.ts (which imports them).
import type { GanLossName } from '@gandlf/demo-shell/knobs';

/**
 * The GAN techniques the trainer can build all three panels with (see
 * techniques.ts; here so the page, which must not load tfjs, can list them).
 * `standard` is the plain GAN of the `loss` knob.
 */
export const TECHNIQUES = ['standard', 'wgan-gp', 'hinge-sn', 'wgan-clip', 'lsgan', 'relativistic', 'r1', 'mixture-latent'] as const;
export type TechniqueName = (typeof TECHNIQUES)[number];

/** Every setting of the mixtures demo. Presets override the defaults in config.ts. */
export type MixtureKnobs = {
  /** The preset these knobs started from (names checkpoints). */
  preset: string;
  /** Ring of 8 or grid of 25 Gaussians (`ringMixture`, `gridMixture`). */
  mixture: 'ring' | 'grid';
  latentDim: number;
  /** Categories of a one-hot latent beside the noise (gandlf's mixtureLatentGenerator); 0: noise only. */
  categories: number;
  /** Hidden units of both networks' two hidden layers. */
  width: number;
  batchSize: number;
  lrD: number;
  lrG: number;
  beta1: number;
  loss: GanLossName;
  /** How all three GANs are built and trained (see techniques.ts): `standard` uses `loss`. */
  technique: TechniqueName;
  /** Discriminator (critic) updates per generator update of the Alternating run. */
  criticSteps: number;
  /** One-sided label smoothing: the real target of D moves from 0 to this (standard cross-entropy only); 0: off. */
  labelSmoothing: number;
  /** Decay of an EMA of the generator's weights; the panels draw from the average. 0: off. */
  ema: number;
  /** Steps the Unrolled generator looks ahead. */
  unrollDepth: number;
  /** Generated points drawn (and scored) per panel. */
  samples: number;
  sampleEvery: number;
  seed: number;
};
