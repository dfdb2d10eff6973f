import { describe, expect, it } from 'vitest';
import { expectGanRun, tempOut } from '../support/smoke';
import { run, spec } from './xor';

describe(spec.name, () => {
  it('--tiny: as an ACGAN, generated points land in the quadrant of their class far above chance (25%); losses move, no leaks, files written', async () => {
    const out = await tempOut(spec.name);
    const result = await expectGanRun(() => run({ tiny: true, out, verbose: false }), ['generator_loss', 'discriminator_loss', 'generator_class_gen_loss']);
    // Seed 0 on cpu gives 0.87 (seeds 1-5: 0.95-0.99); chance is 0.25.
    expect(result.quadrantAccuracy).toBeGreaterThanOrEqual(0.7);
    expect(result.classAccuracy!.real).toBeGreaterThan(0.9);
  });

  it('--tiny --unsupervised: the vanilla GAN trains too, with no class accuracy to report', async () => {
    const out = await tempOut(spec.name);
    const result = await expectGanRun(() => run({ tiny: true, unsupervised: true, epochs: 2, out, verbose: false }), ['generator_loss', 'discriminator_loss']);
    expect(result.classAccuracy).toBeUndefined();
  });
});
