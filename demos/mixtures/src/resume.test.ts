import { expectExactResume } from '@gandlf/demo-shell/testing';
import { describe, it } from 'vitest';
import { info } from './config';
import { createTrainer } from './trainer';

describe('mixtures: exact resume (Node, cpu)', () => {
  it('all three runs, saved and restored, see the points and draw the samples of runs that never stopped', { timeout: 120_000 }, async () => {
    await expectExactResume(createTrainer, info.presets.tiny!, 4);
  });
});
