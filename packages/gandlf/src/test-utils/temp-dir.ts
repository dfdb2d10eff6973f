import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { Alternating } from '../engine/alternating';
import { Model } from '../model/model';
import { seededMlp } from './ring';

/** A fresh directory for this test file, removed after it; call the result inside a test for its path. */
export function tempDir(prefix: string): () => string {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** A small compiled GAN on 2-D points whose weights depend only on the seeds: something to save and load. */
export function smallModel(): Model {
  const model = new Model({ generator: seededMlp(3, 2, 1), discriminator: seededMlp(2, 1, 5, 'sigmoid') });
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', adversarialOptimizer: new Alternating() });
  return model;
}
