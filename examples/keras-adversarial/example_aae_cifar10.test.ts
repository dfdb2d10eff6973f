import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeCifar10Batch } from '../support/data';
import { expectGanRun, tempOut } from '../support/smoke';
import { run, spec } from './example_aae_cifar10';

describe(spec.name, () => {
  it('--tiny on generated CIFAR-10 batch files: both players train, no tensor leaks, colour grids, history and checkpoint are written', async () => {
    const data = await tempOut(`${spec.name}-data`);
    // One training batch of 32 images and 16 test images: the autoencoder grid picks 10 of them.
    await writeFile(join(data, 'data_batch_1.bin'), fakeCifar10Batch(32, 1));
    await writeFile(join(data, 'test_batch.bin'), fakeCifar10Batch(16, 2));
    const out = await tempOut(spec.name);
    const result = await expectGanRun(() => run({ tiny: true, data, out, verbose: false }), ['generator_loss', 'generator_xpred_loss', 'discriminator_loss', 'discriminator_yreal_loss']);
    // The Python weighs reconstruction 1e2 and the adversarial terms 1e-1.
    const h = result.history.history;
    const total = 1e2 * h.generator_xpred_loss![0]! + 1e-1 * (h.generator_yfake_loss![0]! + h.generator_yreal_loss![0]!) + h.generator_regularization_loss![0]!;
    expect(h.generator_loss![0]! / total).toBeCloseTo(1, 5);
    for (const grid of ['generated', 'autoencoded']) expect(result.files.filter((f) => f.includes(`/${grid}-epoch-`))).toHaveLength(2);
  });

  it('says where to get CIFAR-10 when --data is missing', async () => {
    await expect(run({ tiny: true, verbose: false })).rejects.toThrow(/--data DIR/);
  });
});
