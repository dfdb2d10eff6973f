import { expectExactResume } from '@gandlf/demo-shell/testing';
import { describe, it } from 'vitest';
import { info } from './config';
import { createTrainer } from './trainer';

describe('gan-mnist: exact resume (Node, cpu)', () => {
  // 64 digits in batches of 16: the 3 steps after the save cross an epoch's end.
  it('a saved and restored run sees the batches and draws the samples of one that never stopped', { timeout: 120_000 }, async () => {
    await expectExactResume(createTrainer, info.presets.tiny!, 3);
  });
});
