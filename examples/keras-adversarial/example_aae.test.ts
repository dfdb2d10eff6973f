import { describe, expect, it } from 'vitest';
import { expectGanRun, tempOut } from '../support/smoke';
import { run, spec } from './example_aae';

describe(spec.name, () => {
  it('--tiny: encoder+decoder and discriminator train (their losses move), no tensor leaks, grids, history and checkpoint are written', async () => {
    const out = await tempOut(spec.name);
    const result = await expectGanRun(() => run({ tiny: true, out, verbose: false }), ['generator_loss', 'generator_xpred_loss', 'discriminator_loss', 'discriminator_yreal_loss']);
    // The generator's total is xpred + 1e-2 · (yfake + yreal) + its regularization, as the Python weighs them.
    const h = result.history.history;
    const total = h.generator_xpred_loss![0]! + 1e-2 * (h.generator_yfake_loss![0]! + h.generator_yreal_loss![0]!) + h.generator_regularization_loss![0]!;
    expect(h.generator_loss![0]).toBeCloseTo(total, 5);
    for (const grid of ['generated', 'autoencoded']) expect(result.files.filter((f) => f.includes(`/${grid}-epoch-`))).toHaveLength(2);
  });
});
