import { describe, expect, it } from 'vitest';
import { expectGanRun, tempOut } from '../support/smoke';
import { CONFIGS, run, spec, TINY_CONFIG } from './example_gan_unrolled_hinge';

describe(spec.name, () => {
  it(`--tiny (${TINY_CONFIG.name}): both players train on squared hinge with unrolled updates (their losses move), no tensor leaks, grids, history and checkpoint are written`, async () => {
    const out = await tempOut(spec.name);
    const result = await expectGanRun(() => run({ tiny: true, out, verbose: false }), ['generator_loss', 'discriminator_loss']);
    expect(Object.keys(result.runs)).toEqual(['k_1_1']);
  });

  it("runs the seed's thirteen settings, those without a clipvalue at the function's default 2", () => {
    expect(CONFIGS).toHaveLength(13);
    expect(CONFIGS.filter((c) => !c.name.includes('clip')).every((c) => c.clipvalue === 2)).toBe(true);
    expect(CONFIGS.find((c) => c.name === 'k_8_8_clip_0')).toMatchObject({ depthG: 8, depthD: 8, clipvalue: 0 });
  });
});
