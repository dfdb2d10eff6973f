// `pnpm bench:quality --only=unrolled`: the full (second-order) Unrolled GAN against
// its first-order surrogate and Simultaneous (issue 15). The mixtures demo's
// networks and knobs, one seed's starting weights and real batches shared by all
// three, scored like the other mixture runs (2,500 points, mixtureQuality).
import * as tf from '@tensorflow/tfjs';
import { gridMixture, mixtureQuality, ringMixture } from '@gandlf/datasets';
import { Model, Random, Simultaneous, Unrolled, type AdversarialOptimizer } from 'gandlf';
import { info } from '../../demos/mixtures/src/config';
import { networks, technique } from '../../demos/mixtures/src/techniques';
import { SCORED_POINTS } from './mixtures';

/** One run of the second-order table. */
export interface UnrolledRun {
  mixture: 'ring' | 'grid';
  optimizer: 'simultaneous' | 'unrolled' | 'unrolled-second-order';
  depth: number;
  seed: number;
  steps: number;
  modesCovered: number;
  highQualityShare: number;
  reverseKL: number;
  /** Wall-clock milliseconds per training step of this run alone. */
  msPerStep: number;
}

const OPTIMIZERS: Record<UnrolledRun['optimizer'], (depth: number) => AdversarialOptimizer> = {
  simultaneous: () => new Simultaneous(),
  unrolled: (depth) => new Unrolled({ depth }),
  'unrolled-second-order': (depth) => new Unrolled({ depth, secondOrder: true }),
};

/**
 * Trains the three optimizers on the demo preset `preset` (its mixture), one
 * after the other from the same seeded weights and on the same real batches.
 */
export async function unrolledRuns(preset: 'ring' | 'grid', seed: number, steps: number, depth: number): Promise<UnrolledRun[]> {
  const knobs = { ...info.presets[preset]!, seed, unrollDepth: depth };
  const mixture = knobs.mixture === 'grid' ? gridMixture() : ringMixture();
  const extent = Math.max(...Array.from(mixture.centers, Math.abs)) + 0.5;
  const rows: UnrolledRun[] = [];
  for (const [name, make] of Object.entries(OPTIMIZERS) as [UnrolledRun['optimizer'], (d: number) => AdversarialOptimizer][]) {
    const t = technique(knobs, seed);
    const model = new Model(networks(knobs, t, extent));
    model.compile({ ...t.compile(), adversarialOptimizer: make(depth) });
    model.setSeed(seed);
    const rng = new Random(seed + 1000);
    try {
      const started = performance.now();
      for (let i = 0; i < steps; i++) {
        const x = tf.tensor2d(
          mixture.sample(knobs.batchSize, () => rng.next()),
          [knobs.batchSize, 2],
        );
        try {
          await model.trainOnBatch(['normal', x], t.targets);
        } finally {
          x.dispose();
        }
      }
      const msPerStep = (performance.now() - started) / steps;
      const s = model.sample(['normal'], { numSamples: SCORED_POINTS, seed: 11 }) as tf.Tensor;
      const q = mixtureQuality(new Float32Array(await s.data()), mixture);
      s.dispose();
      rows.push({
        mixture: knobs.mixture,
        optimizer: name,
        depth: name === 'simultaneous' ? 0 : depth,
        seed,
        steps,
        modesCovered: q.modesCovered,
        highQualityShare: q.highQualityShare,
        reverseKL: q.reverseKL,
        msPerStep,
      });
    } finally {
      model.dispose();
    }
  }
  return rows;
}
