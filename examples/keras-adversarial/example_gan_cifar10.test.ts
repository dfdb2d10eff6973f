import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeCifar10Batch } from '../support/data';
import { expectGanRun, tempOut } from '../support/smoke';
import { run, spec } from './example_gan_cifar10';

describe(spec.name, () => {
  it('--tiny --data DIR: both players train on the batch files (their losses move), no tensor leaks, grids, history and checkpoint are written', async () => {
    const data = await tempOut(`${spec.name}-data`);
    await writeFile(join(data, 'data_batch_1.bin'), fakeCifar10Batch(32, 1));
    await writeFile(join(data, 'test_batch.bin'), fakeCifar10Batch(16, 2));
    const out = await tempOut(spec.name);
    await expectGanRun(() => run({ tiny: true, data, out, verbose: false }), ['generator_loss', 'discriminator_loss']);
  });

  it('without --data: says which files to give', async () => {
    await expect(run({ tiny: true, verbose: false })).rejects.toThrow(/--data DIR/);
  });
});
