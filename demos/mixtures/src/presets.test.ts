import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { info } from './config';
import { createTrainer } from './trainer';

// Every preset of the mixtures demo builds its three GANs and trains: the
// tiny-* presets (each technique on the tiny networks) take a few steps.
describe('mixtures demo presets (Node, cpu)', () => {
  it('every preset builds', async () => {
    for (const [name, knobs] of Object.entries(info.presets)) {
      const before = tf.memory().numTensors;
      const trainer = await createTrainer({ ...knobs, width: 8, latentDim: 2 }, { progress: () => {} });
      expect(trainer.runs.map((r) => r.key), name).toEqual(['simultaneous', 'alternating', 'unrolled']);
      trainer.dispose();
      // Rebuilding on a knob change must not leak: dispose frees all a trainer made.
      expect(tf.memory().numTensors, name).toBe(before);
    }
  });

  for (const name of Object.keys(info.presets).filter((n) => n.startsWith('tiny'))) {
    it(`${name} trains with finite losses and no leak`, async () => {
      const trainer = await createTrainer(info.presets[name]!, { progress: () => {} });
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
