// The demo's knobs, apart from config.ts so that presets/*.ts can name their type without importing config.ts (which imports them).
import type { GanKnobs } from '@gandlf/demo-shell/knobs';

/**
 * The GAN techniques the trainer can build all three panels with (see
 * techniques.ts; here so the page, which must not load tfjs, can list them).
 * `standard` is the plain GAN of the `loss` knob.
 */
export const TECHNIQUES = ['standard', 'wgan-gp', 'hinge-sn', 'wgan-clip', 'lsgan', 'relativistic', 'r1', 'mixture-latent'] as const;
export type TechniqueName = (typeof TECHNIQUES)[number];

/**
 * Every setting of the mixtures demo. Presets override the defaults in config.ts.
 * `width` is the hidden units of both networks' two hidden layers. It has no
 * adversarial-optimizer knob: it trains one run per optimizer.
 */
export type MixtureKnobs = Omit<GanKnobs, 'adversarialOptimizer'> & {
  /** Ring of 8 or grid of 25 Gaussians (`ringMixture`, `gridMixture`). */
  mixture: 'ring' | 'grid';
  /** Categories of a one-hot latent beside the noise (gandlf's mixtureLatentGenerator); 0: noise only. */
  categories: number;
  /** How all three GANs are built and trained (see techniques.ts): `standard` uses `loss`. */
  technique: TechniqueName;
  /** Discriminator (critic) updates per generator update of the Alternating run. */
  criticSteps: number;
  /** How the second run takes `criticSteps`: `Alternating({ steps })` on one batch, or `Scheduled([D × n, G])`, one player per batch. */
  schedule: ScheduleName;
  /**
   * The real data: '' for the `mixture` knob's Gaussians, else the user's own
   * points, drawn or loaded (a `points-code.ts` code). Set by the page's
   * "Your data" tools, not the settings form.
   */
  data: string;
  /** One-sided label smoothing: the real target of D moves from 0 to this (standard cross-entropy only); 0: off. */
  labelSmoothing: number;
  /** Decay of an EMA of the generator's weights; the panels draw from the average. 0: off. */
  ema: number;
  /** Generated points drawn (and scored) per panel. */
  samples: number;
  /** Draw D(x) over the plane behind each panel (live). */
  heatmap: OnOff;
  /** Draw arrows of minus the gradient of G's loss on a sample of generated points (live). */
  gradients: OnOff;
  /** Draw G's image of a latent grid as a mesh (live). */
  manifold: OnOff;
};

/** How the second run spends `criticSteps` (see `MixtureKnobs.schedule`). */
export const SCHEDULES = ['alternating', 'scheduled'] as const;
export type ScheduleName = (typeof SCHEDULES)[number];

/** An overlay toggle. */
export type OnOff = 'on' | 'off';
