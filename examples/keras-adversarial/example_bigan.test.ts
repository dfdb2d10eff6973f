import { describe, expect, it } from 'vitest';
import { expectGanRun, tempOut } from '../support/smoke';
import { run, spec } from './example_bigan';

describe(spec.name, () => {
  it('--tiny: generator+encoder and discriminator train (their losses move), no tensor leaks, grids, history and checkpoint are written', async () => {
    const out = await tempOut(spec.name);
    const result = await expectGanRun(() => run({ tiny: true, out, verbose: false }), ['generator_loss', 'discriminator_loss', 'generator_yfake_loss', 'discriminator_yreal_loss']);
    for (const grid of ['generated', 'autoencoded']) expect(result.files.filter((f) => f.includes(`/${grid}-epoch-`))).toHaveLength(2);
  });
});
