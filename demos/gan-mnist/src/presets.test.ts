import * as tf from '@tensorflow/tfjs';
import { expectMnistQuality } from '@gandlf/demo-shell/testing';
import type { Model } from 'gandlf';
import { describe, expect, it } from 'vitest';
import { info } from './config';
import { createTrainer } from './trainer';
import { trainerContext } from '@gandlf/demo-shell/kit';
import { loadMnistNode } from '@gandlf/datasets/node';

// Every preset of the MNIST demo builds; the tiny-* presets (gandlf's techniques
// on the tiny networks) train a few steps with finite losses and no leak.
describe('gan-mnist demo presets (Node, cpu)', () => {
  it('every preset builds', async () => {
    for (const [name, knobs] of Object.entries(info.presets)) {
      const before = tf.memory().numTensors;
      const trainer = await createTrainer({ ...knobs, width: 4, latentDim: 4 }, trainerContext().context);
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
      const trainer = await createTrainer({ ...info.presets[name]! }, trainerContext().context);
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

  for (const name of ['tiny-acgan', 'tiny-cgan']) {
    it(`${name}: the grid follows the digit knob, read at draw time without a rebuild`, async () => {
      const knobs = { ...info.presets[name]! };
      const trainer = await createTrainer(knobs, trainerContext().context);
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
  }

  for (const name of ['tiny', 'tiny-cgan']) {
    it(`${name}: quality() scores 1,000 samples with the MNIST classifier, leaking nothing`, { timeout: 240_000 }, async () => {
      const trainer = await createTrainer({ ...info.presets[name]! }, trainerContext().context);
      await trainer.step();
      await expectMnistQuality(trainer);
      trainer.dispose();
    });
  }

  it('cgan: D takes the digit as an input, and its score depends on it', async () => {
    const trainer = await createTrainer({ ...info.presets['tiny-cgan']! }, trainerContext().context);
    await trainer.step();
    const model = trainer.runs[0]!.model as Model;
    expect(model.generator.inputs.map((i) => i.shape[1])).toEqual([16, 10]);
    expect(model.discriminator.inputs.map((i) => i.shape[1])).toEqual([784, 10]);
    // The same images scored as 3s and as 7s: a conditional D scores them differently.
    const [as3, as7] = tf.tidy(() => {
      const x = tf.randomUniform([8, 784], -1, 1, 'float32', 1);
      const score = (digit: number) => (model.discriminator.predict([x, tf.oneHot(tf.fill([8], digit, 'int32') as tf.Tensor1D, 10).toFloat()]) as tf.Tensor).dataSync();
      return [Array.from(score(3)), Array.from(score(7))];
    });
    expect(as3).not.toEqual(as7);
    trainer.dispose();
  });

  it('reconstruct: real digits above G(z*) from latentSearch, only on a view, kept latents freed on dispose', async () => {
    const before = tf.memory().numTensors;
    const knobs = { ...info.presets.tiny!, gridView: 'reconstruct' as const };
    const trainer = await createTrainer(knobs, trainerContext().context);
    for (let i = 0; i < 3; i++) await trainer.step();
    // Steps never search: the tensor count stays put while training in this view.
    const count = tf.memory().numTensors;
    await trainer.step();
    expect(tf.memory().numTensors).toBe(count);

    const first = await trainer.view();
    if (first.kind !== 'image') throw new Error(first.kind);
    // gridSize 4: two pairs of rows of 4 digits, 28 px with 2 px gaps and border.
    expect([first.width, first.height]).toEqual([4 * 30 + 2, 4 * 30 + 2]);
    // The top-left tile is the first real digit of the file, [-1, 1] -> 0..255.
    const data = await loadMnistNode({ split: 'test', limit: 8, range: [-1, 1] });
    for (const [r, c] of [
      [0, 0],
      [14, 14],
      [20, 9],
      [27, 27],
    ] as const) {
      const expected = Math.round(((data.images[r * 28 + c]! + 1) / 2) * 255);
      expect(first.pixels[4 * ((2 + r) * first.width + 2 + c)]!).toBeCloseTo(expected, -0.5);
    }
    // latentSearch keeps its latents between draws (one tensor), and refines them: the error falls.
    expect(tf.memory().numTensors).toBe(count + 1);
    const mse1 = Number(first.dataset!['reconstruction-mse']);
    const second = await trainer.view();
    const mse2 = Number(second.dataset!['reconstruction-mse']);
    expect(mse1).toBeGreaterThan(0);
    expect(mse2).toBeLessThan(mse1);
    expect(tf.memory().numTensors).toBe(count + 1);
    // The row below is G's drawing, not the digit: it differs from the real row.
    if (second.kind !== 'image') throw new Error(second.kind);
    const row = (y: number) => Array.from(second.pixels.subarray(4 * y * second.width, 4 * (y + 1) * second.width)).join(',');
    expect(row(2 + 14)).not.toBe(row(2 + 30 + 14));

    knobs.gridView = 'samples' as never; // live: back to samples without a rebuild
    expect((await trainer.view()).kind).toBe('image');
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("reconstruct: conditional generators get each real digit's label", async () => {
    const trainer = await createTrainer({ ...info.presets['tiny-cgan']!, gridView: 'reconstruct' }, trainerContext().context);
    await trainer.step();
    const view = await trainer.view();
    expect(view.kind).toBe('image');
    expect(Number(view.dataset!['reconstruction-mse'])).toBeGreaterThan(0);
    trainer.dispose();
  });
});
