import { describe, expect, it } from 'vitest';
import { expectGanRun, tempOut } from '../support/smoke';
import { CONFIGS, run, spec, TINY_CONFIG, unrolledOptimizer } from './example_gan_unrolled';

describe(spec.name, () => {
  it(`--tiny (${TINY_CONFIG.name}): both players train with unrolled updates (their losses move), no tensor leaks, grids, history and checkpoint are written`, async () => {
    const out = await tempOut(spec.name);
    const result = await expectGanRun(() => run({ tiny: true, out, verbose: false }), ['generator_loss', 'discriminator_loss']);
    expect(Object.keys(result.runs)).toEqual([TINY_CONFIG.name]);
    expect(result.files.some((f) => f.includes(`/${TINY_CONFIG.name}/epoch-001.png`))).toBe(true);
  });

  it("runs the seed's seven configurations, k_0_8 with the depths its name says", () => {
    expect(CONFIGS.map((c) => c.name)).toEqual(['k_0_0', 'k_8_8', 'k_16_16', 'k_8_0', 'k_0_8', 'k_16_8', 'k_32_32']);
    expect(CONFIGS.find((c) => c.name === 'k_0_8')).toMatchObject({ depthG: 0, depthD: 8 });
    expect(unrolledOptimizer(0, 8).getConfig()).toMatchObject({ depths: [0, 8], secondOrder: false });
  });
});
