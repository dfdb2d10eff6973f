import { describe, expect, it } from 'vitest';
import { expectGanRun, tempOut } from '../support/smoke';
import { run, spec } from './reversing_gan';

describe(spec.name, () => {
  it('--tiny: descent on the latent brings G(z) closer to the digit before and after training; the GAN trains, no leaks, files written', async () => {
    const out = await tempOut(spec.name);
    const result = await expectGanRun(() => run({ tiny: true, out, verbose: false }), ['generator_loss', 'discriminator_loss']);
    for (const errors of [result.errors.before, result.errors.after]) {
      expect(errors).toHaveLength(12);
      expect(errors.every(Number.isFinite)).toBe(true);
      expect(errors.at(-1)!).toBeLessThan(errors[0]!);
    }
  });
});
