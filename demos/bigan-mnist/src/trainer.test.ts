import * as tf from '@tensorflow/tfjs';
import { loadMnistNode } from '@gandlf/datasets/node';
import { expectMnistQuality, loadQualityClassifier } from '@gandlf/demo-shell/testing';
import { describe, expect, it, vi } from 'vitest';
import { info } from './config';
import { createTrainer } from './trainer';

// The page fetches MNIST from the demo's assets; in Node the same files come from disk.
vi.mock('@gandlf/demo-shell/mnist', () => ({
  loadMnist: (_split: 'train' | 'test', limit: number) => loadMnistNode({ split: 'test', limit: Math.min(limit || 64, 64), range: [-1, 1] }),
}));

describe(`${info.id}: the tiny preset (Node, cpu)`, () => {
  it('trains with finite losses, scores its samples, and frees everything on dispose', { timeout: 60_000 }, async () => {
    await loadQualityClassifier();
    const before = tf.memory().numTensors;
    const trainer = await createTrainer({ ...info.presets.tiny! }, { progress: () => {} });
    for (let i = 0; i < 2; i++) {
      const logs = await trainer.step();
      for (const v of Object.values(logs).flatMap((l) => Object.values(l))) expect(Number.isFinite(v)).toBe(true);
    }
    await expectMnistQuality(trainer);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
