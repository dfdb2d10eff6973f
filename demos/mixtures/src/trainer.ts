import * as tf from '@tensorflow/tfjs';
import { mixtureQuality, type Mixture } from '@gandlf/datasets';
import { adversarialOptimizer, runModel, type CreateContext } from '@gandlf/demo-shell/kit';
import type { AdversarialOptimizerName } from '@gandlf/demo-shell/knobs';
import type { Run, Trainer } from '@gandlf/demo-shell/worker';
import { Alternating, Model, Random, Scheduled, type AdversarialOptimizer } from 'gandlf';
import type { MixtureKnobs } from './config';
import { dataExtent, panelExtent, realData } from './data';
import { overlayPass } from './overlays';
import { pointsJson } from './points-code';
import { networks, technique, type Technique } from './techniques';

/** Seed of the latent batch every panel is drawn from. */
const VIEW_SEED = 7;
/** Real points drawn under every panel. */
const REAL_POINTS = 512;
const RUNS: readonly AdversarialOptimizerName[] = ['simultaneous', 'alternating', 'unrolled'];

/**
 * One GAN per adversarial optimizer, compiled (runModel seeds it). Seeded initializers give all three the
 * same starting weights, and all three see the same real batch each step, so
 * the optimizer is the only difference.
 *
 * @param distribution The real data, whose extent starts a mixture-latent generator's offsets. @default realData(knobs).distribution
 */
export function buildRun(knobs: MixtureKnobs, name: AdversarialOptimizerName, t: Technique, distribution: Mixture = realData(knobs).distribution): Model {
  const model = new Model(networks(knobs, t, dataExtent(distribution) + 0.5));
  model.compile({ ...t.compile(), adversarialOptimizer: name === 'alternating' ? secondRun(knobs) : adversarialOptimizer(name, knobs.unrollDepth) });
  return model;
}

/**
 * The Alternating panel's optimizer. Critic steps: `Alternating` updates D
 * `criticSteps` times per G update on one batch; `Scheduled` takes one player
 * per batch, D `criticSteps` times, then G (Simultaneous and Unrolled step each once).
 */
function secondRun(knobs: Pick<MixtureKnobs, 'criticSteps' | 'schedule'>): AdversarialOptimizer {
  if (knobs.schedule === 'scheduled') return new Scheduled([...new Array<string>(knobs.criticSteps).fill('discriminator'), 'generator']);
  return knobs.criticSteps > 1 ? new Alternating({ steps: { discriminator: knobs.criticSteps } }) : new Alternating();
}

/** The generator's inputs: noise, and a one-hot category with the categories knob. */
export const latentOf = (knobs: Pick<MixtureKnobs, 'categories'>): ('normal' | 'onehot')[] => ((knobs.categories ?? 0) > 0 ? ['normal', 'onehot'] : ['normal']);

function label(name: AdversarialOptimizerName, knobs: Pick<MixtureKnobs, 'unrollDepth' | 'criticSteps' | 'schedule'>): string {
  if (name === 'unrolled') return `Unrolled (${knobs.unrollDepth})`;
  if (name === 'simultaneous') return 'Simultaneous';
  if (knobs.schedule !== 'scheduled') return 'Alternating';
  return `Scheduled (${knobs.criticSteps > 1 ? `D×${knobs.criticSteps}` : 'D'}, G)`;
}

/**
 * The mixtures trainer: three GANs on the same stream of real points, from
 * the mixture or the user's own points (the `data` knob). The panels show the
 * mixture's square either way: drawn points lie in it.
 */
export async function createTrainer(knobs: MixtureKnobs, context: CreateContext): Promise<Trainer> {
  const { distribution, source } = realData(knobs);
  const latent = latentOf(knobs);
  const runs: (Run & { readonly model: Model })[] = RUNS.map((name) => {
    const model = runModel(context, { key: name, kind: Model, seed: knobs.seed, build: () => buildRun(knobs, name, technique(knobs, knobs.seed), distribution) });
    return { key: name, label: label(name, knobs), model };
  });
  const stream = context.batches({ seed: knobs.seed });
  const uniform = () => stream.uniform();
  const real = distribution.sample(
    REAL_POINTS,
    (() => {
      const fixed = new Random(VIEW_SEED);
      return () => fixed.next();
    })(),
  );
  const realJson = pointsJson(real);
  const extent = panelExtent(knobs);
  const k = distribution.centers.length / 2;
  const { targets, activation } = technique(knobs, knobs.seed);
  // Overlays (heatmap, arrows, mesh) are live knobs: each view reads the toggles as they are then.
  const overlayOptions = { knobs, activation, targets, extent, real };

  return {
    runs,
    async step(only?: string) {
      const x = tf.tensor2d(distribution.sample(knobs.batchSize, uniform), [knobs.batchSize, 2]);
      try {
        const logs: Record<string, Record<string, number>> = {};
        const inputs = [...latent, x];
        // `only`: the step buttons' one-player step, the same player in every run.
        for (const run of runs) logs[run.key] = await (only === undefined ? run.model.trainOnBatch(inputs, targets) : run.model.trainOnBatch(inputs, targets, { only }));
        return logs;
      } finally {
        x.dispose();
      }
    },
    async view() {
      const modes: Record<string, number> = {};
      const metrics: Record<string, Record<string, number>> = {};
      const panels = [];
      const overlays = overlayPass(overlayOptions);
      for (const run of runs) {
        const t = run.model.sample(latent, { numSamples: knobs.samples, seed: VIEW_SEED }) as tf.Tensor;
        const points = new Float32Array(await t.data());
        t.dispose();
        const q = mixtureQuality(points, distribution);
        modes[run.key] = q.modesCovered;
        // reverseKL is Infinity while no point is near a mode: left out then, so the chart shows a gap, not a spike.
        metrics[run.key] = { modes: q.modesCovered, highQuality: q.highQualityShare, ...(Number.isFinite(q.reverseKL) ? { reverseKL: q.reverseKL } : {}) };
        const caption = `${q.modesCovered}/${k} modes, ${Math.round(100 * q.highQualityShare)}% near one`;
        panels.push({ key: run.key, label: run.label, points, caption, ...(await overlays.panel(run.key, run.model, points)) });
      }
      const extra = overlays.finish();
      return {
        kind: 'points',
        extent,
        // With the user's points, the modes are the greedy cover's centres (pointCloud).
        centers: distribution.centers,
        std: distribution.std,
        real,
        panels,
        ...(extra.overlays ? { overlays: extra.overlays } : {}),
        metrics,
        dataset: { modes: JSON.stringify(modes), real: realJson, dataSource: source, ...extra.dataset },
      };
    },
    dispose: () => runs.forEach((r) => r.model.dispose()),
  };
}
