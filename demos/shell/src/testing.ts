// Checks the demos' Node tests share (vitest only: never imported by a page or worker).
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { mnistSampleQuality } from './worker/mnist-quality';
import type { Knobs } from './protocol';
import type { CreateContext, Trainer } from './worker/types';

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
  const trainer = await createTrainer({ ...knobs }, { progress: () => {} });
  for (let i = 0; i < steps; i++) {
    const logs = await trainer.step();
    for (const v of Object.values(logs).flatMap((l) => Object.values(l))) expect(Number.isFinite(v)).toBe(true);
  }
  await expectMnistQuality(trainer);
  trainer.dispose();
  expect(tf.memory().numTensors).toBe(before);
}
