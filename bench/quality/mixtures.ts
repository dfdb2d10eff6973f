// Mode collapse on the 2-D mixtures: every adversarial optimizer of the
// mixtures demo (its own trainer, so the bench measures what the page trains)
// and gandlf's ring presets, on the ring of 8 and the grid of 25, over seeds.
import * as tf from '@tensorflow/tfjs';
import { gridMixture, mixtureQuality, ringMixture, type Mixture } from '@gandlf/datasets';
import { presets, Random, type Model, type Shortcut } from 'gandlf';
import { info } from '../../demos/mixtures/src/config';
import { createTrainer } from '../../demos/mixtures/src/trainer';
import { trainerContext } from '@gandlf/demo-shell/kit';

/** Points drawn to score a run: 2,500 as in VEEGAN and PacGAN. */
export const SCORED_POINTS = 2500;
const SCORE_SEED = 11;

/** One run: a preset and optimizer, on one mixture, with one seed. */
export interface MixtureRun {
  source: 'demo' | 'gandlf';
  preset: string;
  mixture: 'ring' | 'grid';
  optimizer: string;
  seed: number;
  /** Generator updates. */
  steps: number;
  modesCovered: number;
  highQualityShare: number;
  reverseKL: number;
  /** Wall-clock seconds of the whole trainer (all its runs) for this seed. */
  seconds: number;
}

const mixtureOf = (name: 'ring' | 'grid'): Mixture => (name === 'grid' ? gridMixture() : ringMixture());

async function score(model: Model, mixture: Mixture, latent: readonly Shortcut[] = ['normal']) {
  const t = model.sample(latent, { numSamples: SCORED_POINTS, seed: SCORE_SEED }) as tf.Tensor;
  const points = new Float32Array(await t.data());
  t.dispose();
  const { modesCovered, highQualityShare, reverseKL } = mixtureQuality(points, mixture);
  return { modesCovered, highQualityShare, reverseKL };
}

/**
 * A preset of the mixtures demo, on `mixture`, for `steps` steps: one row per
 * adversarial optimizer (Simultaneous, Alternating, Unrolled), same data and
 * starting weights.
 */
export async function demoPreset(preset: string, mixture: 'ring' | 'grid', seed: number, steps: number): Promise<MixtureRun[]> {
  const knobs = info.presets[preset];
  if (!knobs) throw new Error(`No mixtures demo preset '${preset}'. Known: ${Object.keys(info.presets).join(', ')}`);
  const started = performance.now();
  const trainer = await createTrainer({ ...knobs, mixture, seed }, trainerContext().context);
  try {
    for (let i = 0; i < steps; i++) await trainer.step();
    const seconds = (performance.now() - started) / 1000;
    const rows: MixtureRun[] = [];
    for (const run of trainer.runs) {
      const q = await score(run.model as Model, mixtureOf(mixture));
      rows.push({ source: 'demo', preset, mixture, optimizer: run.key, seed, steps, ...q, seconds });
    }
    return rows;
  } finally {
    trainer.dispose();
  }
}

type PresetMaker = (o: { seed: number; epochs?: number }, mixture: 'ring' | 'grid') => presets.RingPreset;

/** gandlf's mixture presets by name, with the training points each is run on (its fitArgs assume them). */
export const GANDLF_PRESETS: Record<string, { make: PresetMaker; points: number }> = {
  wganGpRing: { make: (o) => presets.wganGpRing(o), points: 2048 },
  hingeSnRing: { make: (o) => presets.hingeSnRing(o), points: 2048 },
  // Its category offsets start in the data's square; 4 or 5 categories a mode. The grid
  // trains on batches of 1,024 (16,000 generator steps still): see bench/README.md.
  mixtureLatentGan: {
    make: (o, mixture) => presets.mixtureLatentGan({ ...(mixture === 'grid' ? { extent: 4.5, categories: 100, batchSize: 1024, epochs: 2000 } : { extent: 2.5, categories: 40 }), ...o }),
    points: 8192,
  },
};

/**
 * One of gandlf's mixture presets with its own `fit` options (or `epochs`),
 * on `mixture`.
 */
export async function gandlfPreset(preset: string, mixture: 'ring' | 'grid', seed: number, epochs?: number): Promise<MixtureRun> {
  const entry = GANDLF_PRESETS[preset];
  if (!entry) throw new Error(`No gandlf mixture preset '${preset}'. Known: ${Object.keys(GANDLF_PRESETS).join(', ')}`);
  const started = performance.now();
  const { model, targets, fitArgs, latent = ['normal'] } = entry.make({ seed, ...(epochs ? { epochs } : {}) }, mixture);
  const m = mixtureOf(mixture);
  const rng = new Random(seed + 1000);
  const n = entry.points;
  const data = tf.tensor2d(
    m.sample(n, () => rng.next()),
    [n, 2],
  );
  try {
    await model.fit([...latent, data], targets, { ...fitArgs, seed: seed + 2000 });
    const steps = (fitArgs.epochs ?? 1) * Math.ceil(n / (fitArgs.batchSize ?? 32));
    return { source: 'gandlf', preset, mixture, optimizer: 'alternating', seed, steps, ...(await score(model, m, latent)), seconds: (performance.now() - started) / 1000 };
  } finally {
    data.dispose();
    model.dispose();
  }
}

/** Mean, sample standard deviation, min and max of a list. */
export function summary(xs: number[]) {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const std = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, std, min: Math.min(...xs), max: Math.max(...xs) };
}

/** Rows grouped by source, preset, mixture and optimizer, summarised over seeds. */
export function summarise(runs: MixtureRun[]) {
  const groups = new Map<string, MixtureRun[]>();
  for (const r of runs) {
    const key = `${r.source}|${r.preset}|${r.mixture}|${r.optimizer}|${r.steps}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((rs) => {
    const { source, preset, mixture, optimizer, steps } = rs[0]!;
    const k = mixture === 'grid' ? 25 : 8;
    return {
      source,
      preset,
      mixture,
      optimizer,
      steps,
      seeds: rs.map((r) => r.seed),
      modesCovered: summary(rs.map((r) => r.modesCovered)),
      highQualityShare: summary(rs.map((r) => r.highQualityShare)),
      reverseKL: summary(rs.map((r) => r.reverseKL)),
      /** Every seed covered every mode. */
      allModesEverySeed: rs.every((r) => r.modesCovered === k),
      /** Every seed covered every mode with 90% or more high-quality points. */
      targetEverySeed: rs.every((r) => r.modesCovered === k && r.highQualityShare >= 0.9),
      secondsPerSeed: summary(rs.map((r) => r.seconds)).mean,
    };
  });
}
