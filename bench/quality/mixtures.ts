// Mode collapse on the 2-D mixtures: every adversarial optimizer of the
// mixtures demo (its own trainer, so the bench measures what the page trains)
// and gandlf's ring presets, on the ring of 8 and the grid of 25, over seeds.
import * as tf from '@tensorflow/tfjs';
import { gridMixture, mixtureQuality, ringMixture, type Mixture } from '@gandlf/datasets';
import { hingeSnRing, Random, wganGpRing, type Model, type RingPreset } from 'gandlf';
import { info } from '../../demos/mixtures/src/config';
import { createTrainer } from '../../demos/mixtures/src/trainer';

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

async function score(model: Model, mixture: Mixture) {
  const t = model.sample(['normal'], { numSamples: SCORED_POINTS, seed: SCORE_SEED }) as tf.Tensor;
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
  const trainer = await createTrainer({ ...knobs, mixture, seed }, { progress: () => {} });
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

/** gandlf's ring presets (Alternating, two D steps a G step), by name. */
export const GANDLF_PRESETS: Record<string, (o: { seed: number; epochs?: number }) => RingPreset> = {
  wganGpRing,
  hingeSnRing,
};

/**
 * One of gandlf's ring presets with its own `fit` options (20 epochs of 2,048
 * points, batch 128: 320 generator steps), on `mixture`.
 */
export async function gandlfPreset(preset: string, mixture: 'ring' | 'grid', seed: number, epochs?: number): Promise<MixtureRun> {
  const make = GANDLF_PRESETS[preset];
  if (!make) throw new Error(`No gandlf ring preset '${preset}'. Known: ${Object.keys(GANDLF_PRESETS).join(', ')}`);
  const started = performance.now();
  const { model, targets, fitArgs } = make({ seed, ...(epochs ? { epochs } : {}) });
  const m = mixtureOf(mixture);
  const rng = new Random(seed + 1000);
  const data = tf.tensor2d(m.sample(2048, () => rng.next()), [2048, 2]);
  try {
    await model.fit(['normal', data], targets, { ...fitArgs, seed: seed + 2000 });
    const steps = (fitArgs.epochs ?? 1) * Math.ceil(2048 / (fitArgs.batchSize ?? 32));
    return { source: 'gandlf', preset, mixture, optimizer: 'alternating', seed, steps, ...(await score(model, m)), seconds: (performance.now() - started) / 1000 };
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
