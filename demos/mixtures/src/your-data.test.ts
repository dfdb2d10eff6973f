import * as tf from '@tensorflow/tfjs';
import { trainerContext } from '@gandlf/demo-shell/kit';
import { expectExactResume } from '@gandlf/demo-shell/testing';
import type { View } from '@gandlf/demo-shell/protocol';
import type { Model } from 'gandlf';
import { describe, expect, it } from 'vitest';
import { info, type MixtureKnobs } from './config';
import { encodePoints } from './points-code';
import { createTrainer } from './trainer';

type PointsView = Extract<View, { kind: 'points' }>;
// Tiny, overlays off: these tests are about the data and the steps.
const tiny: MixtureKnobs = { ...info.presets.tiny!, heatmap: 'off', gradients: 'off', manifold: 'off' };

/** A drawn "L", points 0.05 apart, as the page's drawing tool leaves them. */
const L = [...Array.from({ length: 41 }, (_, i) => [-1.5, 1 - i * 0.05]), ...Array.from({ length: 60 }, (_, i) => [-1.45 + i * 0.05, -1])].flat();
const distanceToL = (x: number, y: number) => {
  let best = Infinity;
  for (let i = 0; i < L.length; i += 2) best = Math.min(best, Math.hypot(x - L[i]!, y - L[i + 1]!));
  return best;
};
/** Every weight's bytes, to compare before and after a step. */
const weightsOf = (net: tf.LayersModel) => net.getWeights().map((w) => Array.from(w.dataSync()));
const modelOf = (trainer: Awaited<ReturnType<typeof createTrainer>>, key: string) => trainer.runs.find((r) => r.key === key)!.model as Model;

describe("mixtures on the user's own points (Node, cpu)", () => {
  it('trains on the data knob: finite losses, the real points on the drawing, its cover as the modes', async () => {
    const trainer = await createTrainer({ ...tiny, data: encodePoints(L) }, trainerContext().context);
    for (let i = 0; i < 3; i++) {
      const logs = await trainer.step();
      for (const run of trainer.runs) for (const v of Object.values(logs[run.key]!)) expect(Number.isFinite(v), run.key).toBe(true);
    }
    const view = (await trainer.view()) as PointsView;
    expect(view.dataset?.dataSource).toBe('drawn');
    // The panels keep the mixture's square (the ring's: 2 + 1.5), which the drawing lies in.
    expect(view.extent).toBe(3.5);
    const real = JSON.parse(view.dataset!.real!) as [number, number][];
    expect(real.length).toBe(view.real.length / 2);
    expect(real[0]).toEqual([Math.round(view.real[0]! * 1000) / 1000, Math.round(view.real[1]! * 1000) / 1000]);
    // A drawn point plus jitter (0.05): all near the L, and both its ends covered.
    for (const [x, y] of real) expect(distanceToL(x, y), `${x}, ${y}`).toBeLessThan(0.3);
    expect(Math.min(...real.map(([x]) => x))).toBeLessThan(-1.4);
    expect(Math.max(...real.map(([x]) => x))).toBeGreaterThan(1.4);
    expect(Math.max(...real.map(([, y]) => y))).toBeGreaterThan(0.9);
    // The modes are the greedy cover's centres, every 0.25 or so along the 5-unit L; rings of its radius.
    expect(view.centers.length / 2).toBeGreaterThanOrEqual(15);
    expect(view.centers.length / 2).toBeLessThanOrEqual(25);
    expect(view.std).toBeCloseTo(0.25 / 3);
    for (let i = 0; i < view.centers.length; i += 2) expect(distanceToL(view.centers[i]!, view.centers[i + 1]!)).toBeLessThan(0.15);
    for (const panel of view.panels) {
      const m = view.metrics![panel.key]!;
      expect(m.modes).toBeGreaterThanOrEqual(0);
      expect(m.highQuality).toBeGreaterThanOrEqual(0);
      // reverseKL is left out while no point is near a mode (it is Infinity then).
      if ('reverseKL' in m) expect(Number.isFinite(m.reverseKL)).toBe(true);
    }
    trainer.dispose();
  });

  it('on the mixture: dataSource mixture, the ring as the modes, and metrics for every run', async () => {
    const trainer = await createTrainer(tiny, trainerContext().context);
    await trainer.step();
    const view = (await trainer.view()) as PointsView;
    expect(view.dataset?.dataSource).toBe('mixture');
    expect(view.centers.length).toBe(16);
    expect(Object.keys(view.metrics!)).toEqual(['simultaneous', 'alternating', 'unrolled']);
    expect(JSON.parse(view.dataset!.modes!)).toEqual(Object.fromEntries(Object.entries(view.metrics!).map(([k, m]) => [k, m.modes])));
    trainer.dispose();
  });

  it('a bad data code fails the build with a clear error', async () => {
    await expect(createTrainer({ ...tiny, data: 'p1:AAD' }, trainerContext().context)).rejects.toThrow(/decodePoints: a points code holds whole x, y pairs/);
  });

  it("step('generator') leaves every run's discriminator bit-identical, and moves every generator", async () => {
    const trainer = await createTrainer(tiny, trainerContext().context);
    await trainer.step();
    const before = trainer.runs.map((r) => [weightsOf(modelOf(trainer, r.key).discriminator), weightsOf(modelOf(trainer, r.key).generator)]);
    await trainer.step('generator');
    trainer.runs.forEach((r, i) => {
      expect(weightsOf(modelOf(trainer, r.key).discriminator), r.key).toEqual(before[i]![0]);
      expect(weightsOf(modelOf(trainer, r.key).generator), r.key).not.toEqual(before[i]![1]);
    });
    trainer.dispose();
  });

  it("schedule 'scheduled': the second run is Scheduled([D × n, G]), one player a step", async () => {
    const trainer = await createTrainer({ ...tiny, schedule: 'scheduled', criticSteps: 2 }, trainerContext().context);
    expect(trainer.runs.map((r) => r.label)).toEqual(['Simultaneous', 'Scheduled (D×2, G)', 'Unrolled (2)']);
    const model = modelOf(trainer, 'alternating');
    const moved: Record<string, number>[] = [];
    for (let i = 0; i < 3; i++) {
      const g = weightsOf(model.generator);
      const d = weightsOf(model.discriminator);
      await trainer.step();
      moved.push({ generator: Number(JSON.stringify(weightsOf(model.generator)) !== JSON.stringify(g)), discriminator: Number(JSON.stringify(weightsOf(model.discriminator)) !== JSON.stringify(d)) });
    }
    expect(moved).toEqual([
      { generator: 0, discriminator: 1 },
      { generator: 0, discriminator: 1 },
      { generator: 1, discriminator: 0 },
    ]);
    trainer.dispose();
    const one = await createTrainer({ ...tiny, schedule: 'scheduled', criticSteps: 1 }, trainerContext().context);
    expect(one.runs[1]!.label).toBe('Scheduled (D, G)');
    one.dispose();
  });

  it('resumes exactly on drawn data with the Scheduled run (under its key alternating), mid-schedule', { timeout: 120_000 }, async () => {
    await expectExactResume(createTrainer, { ...tiny, data: encodePoints(L), schedule: 'scheduled', criticSteps: 2 }, 4);
  });
});
