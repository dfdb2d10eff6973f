import * as tf from '@tensorflow/tfjs';
import { gridMixture, mixtureQuality, ringMixture, type Mixture } from '@gandlf/datasets';
import { adversarialOptimizer, runModel, type CreateContext } from '@gandlf/demo-shell/kit';
import type { AdversarialOptimizerName } from '@gandlf/demo-shell/knobs';
import type { Run, Trainer } from '@gandlf/demo-shell/worker';
import { Alternating, Model, Random } from 'gandlf';
import type { MixtureKnobs } from './config';
import { overlayPass } from './overlays';
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
 */
export function buildRun(knobs: MixtureKnobs, name: AdversarialOptimizerName, t: Technique): Model {
  const model = new Model(networks(knobs, t, dataExtent(mixtureOf(knobs)) + 0.5));
  model.compile({
    ...t.compile(),
    // Critic steps: Alternating updates D `criticSteps` times per G update (Simultaneous and Unrolled step each once).
    adversarialOptimizer: name === 'alternating' && knobs.criticSteps > 1 ? new Alternating({ steps: { discriminator: knobs.criticSteps } }) : adversarialOptimizer(name, knobs.unrollDepth),
  });
  return model;
}

const mixtureOf = (knobs: MixtureKnobs): Mixture => (knobs.mixture === 'grid' ? gridMixture() : ringMixture());

/** The largest coordinate of any centre: 4 for the grid, 2 for the ring. */
const dataExtent = (mixture: Mixture) => Math.max(...Array.from(mixture.centers, Math.abs));

/** The generator's inputs: noise, and a one-hot category with the categories knob. */
export const latentOf = (knobs: Pick<MixtureKnobs, 'categories'>): ('normal' | 'onehot')[] => ((knobs.categories ?? 0) > 0 ? ['normal', 'onehot'] : ['normal']);

const label = (name: AdversarialOptimizerName, depth: number) => (name === 'unrolled' ? `Unrolled (${depth})` : name === 'alternating' ? 'Alternating' : 'Simultaneous');

/** The mixtures trainer: three GANs on the same stream of real points. */
export async function createTrainer(knobs: MixtureKnobs, context: CreateContext): Promise<Trainer> {
  const mixture = mixtureOf(knobs);
  const latent = latentOf(knobs);
  const runs: (Run & { readonly model: Model })[] = RUNS.map((name) => {
    const model = runModel(context, { key: name, kind: Model, seed: knobs.seed, build: () => buildRun(knobs, name, technique(knobs, knobs.seed)) });
    return { key: name, label: label(name, knobs.unrollDepth), model };
  });
  const stream = context.batches({ seed: knobs.seed });
  const uniform = () => stream.uniform();
  const real = mixture.sample(
    REAL_POINTS,
    (() => {
      const fixed = new Random(VIEW_SEED);
      return () => fixed.next();
    })(),
  );
  const extent = dataExtent(mixture) + 1.5;
  const k = mixture.centers.length / 2;
  const { targets, activation } = technique(knobs, knobs.seed);
  // Overlays (heatmap, arrows, mesh) are live knobs: each view reads the toggles as they are then.
  const overlayOptions = { knobs, activation, targets, extent, real };

  return {
    runs,
    async step() {
      const x = tf.tensor2d(mixture.sample(knobs.batchSize, uniform), [knobs.batchSize, 2]);
      try {
        const logs: Record<string, Record<string, number>> = {};
        for (const run of runs) logs[run.key] = await run.model.trainOnBatch([...latent, x], targets);
        return logs;
      } finally {
        x.dispose();
      }
    },
    async view() {
      const modes: Record<string, number> = {};
      const panels = [];
      const overlays = overlayPass(overlayOptions);
      for (const run of runs) {
        const t = run.model.sample(latent, { numSamples: knobs.samples, seed: VIEW_SEED }) as tf.Tensor;
        const points = new Float32Array(await t.data());
        t.dispose();
        const q = mixtureQuality(points, mixture);
        modes[run.key] = q.modesCovered;
        const caption = `${q.modesCovered}/${k} modes, ${Math.round(100 * q.highQualityShare)}% near one`;
        panels.push({ key: run.key, label: run.label, points, caption, ...(await overlays.panel(run.key, run.model, points)) });
      }
      const extra = overlays.finish();
      return {
        kind: 'points',
        extent,
        centers: mixture.centers,
        std: mixture.std,
        real,
        panels,
        ...(extra.overlays ? { overlays: extra.overlays } : {}),
        dataset: { modes: JSON.stringify(modes), ...extra.dataset },
      };
    },
    dispose: () => runs.forEach((r) => r.model.dispose()),
  };
}
