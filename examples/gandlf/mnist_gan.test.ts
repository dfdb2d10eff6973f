import { describe, expect, it } from 'vitest';
import { expectGanRun, tempOut } from '../support/smoke';
import { run, spec } from './mnist_gan';

describe(spec.name, () => {
  it('--tiny: the convolutional ACGAN trains (its losses move, the class loss among them), no tensor leaks, grids, history and checkpoint are written', async () => {
    const out = await tempOut(spec.name);
    const result = await expectGanRun(() => run({ tiny: true, out, verbose: false }), ['generator_loss', 'discriminator_loss', 'discriminator_class_real_loss']);
    expect(result.files.filter((f) => f.endsWith('.png'))).toHaveLength(2);
  });

  it('--tiny --lite: the MLP ACGAN (batch norm, permanent dropout) trains the same way', async () => {
    const out = await tempOut(spec.name);
    await expectGanRun(() => run({ tiny: true, lite: true, out, verbose: false }), ['generator_loss', 'discriminator_loss', 'discriminator_class_real_loss']);
  });

  it('--tiny --lite --unsupervised --latent-type normal: a plain GAN, D has no class output', async () => {
    const out = await tempOut(spec.name);
    const result = await expectGanRun(() => run({ tiny: true, lite: true, unsupervised: true, latentType: 'Normal', out, verbose: false }), ['generator_loss', 'discriminator_loss']);
    expect(Object.keys(result.history.history).some((k) => k.includes('class'))).toBe(false);
  });
});
