// Checks the demos' Node tests share (vitest only: never imported by a page or worker).
import * as tf from '@tensorflow/tfjs';
import { io } from 'gandlf';
import { describe, expect, it } from 'vitest';
import { loadSlot, saveSlot } from './worker/checkpoints';
import { mnistSampleQuality } from './worker/mnist-quality';
import type { DemoInfo, Knobs } from './protocol';
import type { CreateContext, Trainer } from './worker/types';
import { trainerContext } from './kit/context';

/** Loads the shared MNIST classifier, which stays loaded, so tests can count a trainer's own tensors. */
export async function loadQualityClassifier(): Promise<void> {
  await mnistSampleQuality((n) => tf.randomUniform([n, 784], -1, 1, 'float32', 1));
}

/**
 * An MNIST demo's `Trainer.quality` (worker/mnist-quality.ts): names its
 * metrics, gives values in their ranges, leaks no tensor, and scores the same
 * weights the same twice (its latents are seeded). Resolves to the scores.
 */
export async function expectMnistQuality(trainer: Trainer): Promise<Readonly<Record<string, number>>> {
  // The first call loads the shared classifier, which stays.
  await trainer.quality!();
  const count = tf.memory().numTensors;
  const q = await trainer.quality!();
  expect(Object.keys(q)).toEqual(['frechet', 'digits', 'confidence']);
  expect(q.frechet).toBeGreaterThan(0);
  expect(Number.isFinite(q.frechet)).toBe(true);
  expect(Number.isInteger(q.digits) && q.digits! >= 0 && q.digits! <= 10).toBe(true);
  expect(q.confidence).toBeGreaterThanOrEqual(0.1);
  expect(q.confidence).toBeLessThanOrEqual(1);
  expect(tf.memory().numTensors).toBe(count);
  // Same weights, same seeded latents: the same score.
  expect(await trainer.quality!()).toEqual(q);
  return q;
}

/**
 * An MNIST demo's tiny preset, end to end: `steps` steps with finite losses,
 * `expectMnistQuality`, then `dispose` frees every tensor the trainer made.
 */
export async function expectTinyMnistTrainer<K extends Knobs>(createTrainer: (knobs: K, ctx: CreateContext) => Promise<Trainer>, knobs: K, steps = 2): Promise<void> {
  await loadQualityClassifier();
  const before = tf.memory().numTensors;
  const trainer = await createTrainer({ ...knobs }, trainerContext().context);
  for (let i = 0; i < steps; i++) {
    const logs = await trainer.step();
    for (const v of Object.values(logs).flatMap((l) => Object.values(l))) expect(Number.isFinite(v)).toBe(true);
  }
  await expectMnistQuality(trainer);
  trainer.dispose();
  expect(tf.memory().numTensors).toBe(before);
}

/** Everything a step and a view produce, as one comparable string. */
async function stepAndDraw(trainer: Trainer, steps: number): Promise<{ logs: string[]; view: string }> {
  const logs: string[] = [];
  for (let i = 0; i < steps; i++) logs.push(JSON.stringify(await trainer.step()));
  const v = await trainer.view();
  const arrays = JSON.stringify(v, (_, x: unknown) => (ArrayBuffer.isView(x) ? Array.from(x as Float32Array) : x));
  return { logs, view: arrays };
}

/**
 * A demo run saved after `steps` steps and restored, as the shell does it
 * (saveSlot and loadSlot, here on an in-memory store under indexeddb://),
 * trains on exactly as a run that never stopped: the same losses at every
 * step and the same samples. Restored without the saved batch position, the
 * same weights see other batches, and the losses differ: the position is
 * what makes it exact.
 */
export async function expectExactResume<K extends Knobs>(createTrainer: (knobs: K, ctx: CreateContext) => Promise<Trainer>, knobs: K, steps = 3): Promise<void> {
  new io.MemoryStore('indexeddb').register();
  const demo = `resume-${Math.random().toString(36).slice(2)}`;
  const whole = await createTrainer({ ...knobs }, trainerContext().context);
  await stepAndDraw(whole, steps);
  const expected = await stepAndDraw(whole, steps);
  whole.dispose();

  const first = trainerContext();
  const stopped = await createTrainer({ ...knobs }, first.context);
  await stepAndDraw(stopped, steps);
  await saveSlot(demo, 'slot', stopped.runs, knobs, first.stream()?.state());
  stopped.dispose();

  const saved = await loadSlot(demo, 'slot', []);
  expect(saved.batches, 'the checkpoint holds the batch position').toBeDefined();
  const resumed = await createTrainer({ ...knobs }, trainerContext({ models: saved.models, batches: saved.batches }).context);
  expect(resumed.runs[0]!.model.step).toBe(steps);
  const got = await stepAndDraw(resumed, steps);
  resumed.dispose();
  expect(got.logs).toEqual(expected.logs);
  expect(got.view).toBe(expected.view);

  const again = await loadSlot(demo, 'slot', []);
  const reordered = await createTrainer({ ...knobs }, trainerContext({ models: again.models }).context);
  const other = await stepAndDraw(reordered, steps);
  reordered.dispose();
  expect(other.logs).not.toEqual(expected.logs);
}

/** An MNIST demo's trainer on its tiny preset: trains, scores, frees everything, and resumes exactly. */
export function describeTinyMnistTrainer<K extends Knobs>(info: DemoInfo<K>, createTrainer: (knobs: K, ctx: CreateContext) => Promise<Trainer>): void {
  describe(`${info.id}: the tiny preset (Node, cpu)`, () => {
    it('trains with finite losses, scores its samples, and frees everything on dispose', { timeout: 120_000 }, async () => {
      await expectTinyMnistTrainer(createTrainer, info.presets.tiny!);
    });

    it('resumes exactly: a saved and restored run sees the batches and draws the samples of one that never stopped', { timeout: 120_000 }, async () => {
      await expectExactResume(createTrainer, info.presets.tiny!);
    });
  });
}
