import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { mixtureQuality, ringMixture } from '@gandlf/datasets';
import { Random } from 'gandlf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { info } from './config';
import { technique } from './techniques';
import { buildRun, createTrainer } from './trainer';
import { trainerContext } from '@gandlf/demo-shell/kit';

// Every preset of the mixtures demo builds its three GANs and trains: the
// tiny-* presets (each technique on the tiny networks) take a few steps.
describe('mixtures demo presets (Node, cpu)', () => {
  it('every preset builds', async () => {
    for (const [name, knobs] of Object.entries(info.presets)) {
      const before = tf.memory().numTensors;
      const trainer = await createTrainer({ ...knobs, width: 8, latentDim: 2 }, trainerContext().context);
      expect(
        trainer.runs.map((r) => r.key),
        name,
      ).toEqual(['simultaneous', 'alternating', 'unrolled']);
      trainer.dispose();
      // Rebuilding on a knob change must not leak: dispose frees all a trainer made.
      expect(tf.memory().numTensors, name).toBe(before);
    }
  });

  for (const name of Object.keys(info.presets).filter((n) => n.startsWith('tiny'))) {
    it(`${name} trains with finite losses and no leak`, async () => {
      const trainer = await createTrainer(info.presets[name]!, trainerContext().context);
      await trainer.step();
      const count = tf.memory().numTensors;
      let logs: Record<string, Record<string, number>> = {};
      for (let i = 0; i < 3; i++) logs = await trainer.step();
      for (const run of trainer.runs) {
        const values = Object.values(logs[run.key]!);
        expect(values.length, `${name} ${run.key}`).toBeGreaterThan(0);
        for (const v of values) expect(Number.isFinite(v), `${name} ${run.key} ${JSON.stringify(logs[run.key])}`).toBe(true);
      }
      const view = await trainer.view();
      expect(view.kind).toBe('points');
      expect(tf.memory().numTensors).toBe(count);
      trainer.dispose();
    });
  }
});

// The technique presets learn the ring: their Alternating run (the one
// `criticSteps` drives), built by the trainer's own code, trained on the
// stream of ring batches the trainer draws and scored on the panel's samples
// (the EMA of G). On wasm, as the demo's worker picks it for these dense nets:
// about 4x the cpu backend here. 500 steps take about 25 s of CPU for both.
describe('mixtures technique presets learn the ring (Node, wasm)', () => {
  beforeAll(async () => {
    // Node loads the .wasm binaries from the installed package, offline.
    setWasmPaths(join(dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/');
    expect(await tf.setBackend('wasm')).toBe(true);
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  const STEPS = 500;
  for (const name of ['wgan-gp', 'hinge-sn']) {
    it(`${name}: the Alternating run covers the ring in ${STEPS} steps`, { timeout: 120_000 }, async () => {
      const knobs = info.presets[name]!;
      const mixture = ringMixture();
      const model = buildRun(knobs, 'alternating', technique(knobs, knobs.seed));
      model.setSeed(knobs.seed);
      const { targets } = technique(knobs, knobs.seed);
      const rng = new Random(knobs.seed);
      // 10 std (0.2) from a centre counts as on a mode: a short run is not yet as sharp as the
      // data's 3 std, and the modes are 1.5 apart, so 0.2 still tells them apart.
      const quality = async () => {
        const t = model.sample(['normal'], { numSamples: 512, seed: 7 }) as tf.Tensor;
        const q = mixtureQuality(new Float32Array(await t.data()), mixture, { radius: 10 });
        t.dispose();
        return q;
      };
      expect((await quality()).modesCovered).toBeLessThan(2);
      for (let s = 0; s < STEPS; s++) {
        const x = tf.tensor2d(
          mixture.sample(knobs.batchSize, () => rng.next()),
          [knobs.batchSize, 2],
        );
        await model.trainOnBatch(['normal', x], targets);
        x.dispose();
      }
      const q = await quality();
      expect(q.modesCovered, JSON.stringify(q)).toBeGreaterThanOrEqual(7);
      expect(q.highQualityShare, JSON.stringify(q)).toBeGreaterThan(0.15);
      model.dispose();
    });
  }
});
