import { loadMnistNode } from '@gandlf/datasets/node';
import { expectTinyMnistTrainer } from '@gandlf/demo-shell/testing';
import { describe, it, vi } from 'vitest';
import { info } from './config';
import { createTrainer } from './trainer';

// The page fetches MNIST from the demo's assets; in Node the same files come from disk.
vi.mock('@gandlf/demo-shell/mnist', () => ({
  loadMnist: (_split: 'train' | 'test', limit: number) => loadMnistNode({ split: 'test', limit: Math.min(limit || 64, 64), range: [-1, 1] }),
}));

describe(`${info.id}: the tiny preset (Node, cpu)`, () => {
  it('trains with finite losses, scores its samples, and frees everything on dispose', { timeout: 120_000 }, async () => {
    await expectTinyMnistTrainer(createTrainer, info.presets.tiny!);
  });
});
