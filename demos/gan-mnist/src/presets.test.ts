import * as tf from '@tensorflow/tfjs';
import { loadMnistNode } from '@gandlf/datasets/node';
import { describe, expect, it, vi } from 'vitest';
import { info } from './config';
import { createTrainer } from './trainer';

// The page fetches MNIST from the demo's assets; in Node the same files come from disk.
vi.mock('@gandlf/demo-shell/mnist', () => ({
  loadMnist: (_split: 'train' | 'test', limit: number) => loadMnistNode({ split: 'test', limit: Math.min(limit || 64, 64), range: [-1, 1] }),
}));

// Every preset of the MNIST demo builds; the tiny-* presets (gandlf's techniques
// on the tiny networks) train a few steps with finite losses and no leak.
describe('gan-mnist demo presets (Node, cpu)', () => {
  it('every preset builds', async () => {
    for (const [name, knobs] of Object.entries(info.presets)) {
      const before = tf.memory().numTensors;
      const trainer = await createTrainer({ ...knobs, width: 4, latentDim: 4 }, { progress: () => {} });
      expect(trainer.runs.length, name).toBe(1);
      trainer.dispose();
      // Rebuilding on a knob change must not leak: dispose frees all a trainer made.
      expect(tf.memory().numTensors, name).toBe(before);
    }
  });

  // The DCGAN is slow on the cpu backend (about 10 s a step on a busy 2-core machine): one step after the first.
  const steps = (name: string) => (info.presets[name]!.architecture === 'dcgan' ? 1 : 3);
  for (const name of Object.keys(info.presets).filter((n) => n.startsWith('tiny'))) {
    it(`${name} trains with finite losses and no leak`, { timeout: 180_000 }, async () => {
      const trainer = await createTrainer({ ...info.presets[name]! }, { progress: () => {} });
      await trainer.step();
      const count = tf.memory().numTensors;
      let logs: Record<string, Record<string, number>> = {};
      for (let i = 0; i < steps(name); i++) logs = await trainer.step();
      const values = Object.values(logs.gan!);
      expect(values.length).toBeGreaterThan(0);
      for (const v of values) expect(Number.isFinite(v), JSON.stringify(logs.gan)).toBe(true);
      const view = await trainer.view();
      expect(view.kind).toBe('image');
      expect(tf.memory().numTensors).toBe(count);
      trainer.dispose();
    });
  }

  it('ACGAN: the grid follows the digit knob, read at draw time without a rebuild', async () => {
    const knobs = { ...info.presets['tiny-acgan']! };
    const trainer = await createTrainer(knobs, { progress: () => {} });
    await trainer.step();
    const draw = async () => {
      const v = await trainer.view();
      if (v.kind !== 'image') throw new Error(v.kind);
      return Array.from(v.pixels).join(',');
    };
    const three = await draw();
    knobs.digit = 7; // as the shell does for live knobs: in place
    const seven = await draw();
    expect(seven).not.toBe(three);
    knobs.digit = 3;
    expect(await draw()).toBe(three);
    trainer.dispose();
  });
});
