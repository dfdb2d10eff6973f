import { describe, it } from 'vitest';
import { expectGanRun, tempOut } from '../support/smoke';
import { run, spec } from './example_gan';

describe(spec.name, () => {
  it('--tiny: both players train (their losses move), no tensor leaks, grids, history and checkpoint are written', async () => {
    const out = await tempOut(spec.name);
    await expectGanRun(() => run({ tiny: true, out, verbose: false }), ['generator_loss', 'discriminator_loss']);
  });
});
