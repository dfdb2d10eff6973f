import { describe, expect, it } from 'vitest';
import { expectGanRun, tempOut } from '../support/smoke';
import { run, spec } from './upsample_gan';

describe(spec.name, () => {
  it('--tiny: the conditional GAN trains (losses move), its generator upsamples 14 -> 28 -> 56, no leaks, files written', async () => {
    const out = await tempOut(spec.name);
    const result = await expectGanRun(() => run({ tiny: true, out, verbose: false }), ['generator_loss', 'discriminator_loss']);
    expect(result.sizes).toEqual([
      [14, 14],
      [28, 28],
      [56, 56],
    ]);
  });
});
