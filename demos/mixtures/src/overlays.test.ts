import * as tf from '@tensorflow/tfjs';
import { trainerContext } from '@gandlf/demo-shell/kit';
import type { View } from '@gandlf/demo-shell/protocol';
import type { Model } from 'gandlf';
import { describe, expect, it, vi } from 'vitest';
import { info, type MixtureKnobs } from './config';
import { ARROW_POINTS, HEATMAP_SIDE, MESH_SIDE } from './overlays';
import { createTrainer } from './trainer';

type PointsView = Extract<View, { kind: 'points' }>;
const pointsView = async (trainer: { view(): Promise<View> }) => (await trainer.view()) as PointsView;
const allOn = (preset: string): MixtureKnobs => ({ ...info.presets[preset]!, heatmap: 'on', gradients: 'on', manifold: 'on' });

describe('mixtures overlays (Node, cpu)', () => {
  it('the overlay knobs are live selects, and the defaults draw the heatmap and arrows but not the mesh', () => {
    for (const key of ['heatmap', 'gradients', 'manifold']) {
      const spec = info.knobs.find((k) => k.key === key);
      expect(spec?.live, key).toBe(true);
      expect(spec?.options, key).toEqual(['on', 'off']);
    }
    const { heatmap, gradients, manifold } = info.presets.ring!;
    expect({ heatmap, gradients, manifold }).toEqual({ heatmap: 'on', gradients: 'on', manifold: 'off' });
  });

  it('tiny, all on: every panel gets a heatmap, arrows and a mesh of the right sizes, and the probe agrees with D', async () => {
    const trainer = await createTrainer(allOn('tiny'), trainerContext().context);
    await trainer.step();
    const view = await pointsView(trainer);
    expect(view.overlays?.heatmap).toMatchObject({ side: HEATMAP_SIDE, scale: 'probability', realHigh: false });
    expect(view.overlays?.mesh).toMatchObject({ rows: MESH_SIDE, cols: MESH_SIDE });
    expect(view.overlays?.arrows?.legend).toMatch(/binaryCrossentropy, target 0/);
    for (const panel of view.panels) {
      expect(panel.heatmap?.length).toBe(HEATMAP_SIDE ** 2);
      expect(panel.arrows?.at.length).toBe(2 * ARROW_POINTS);
      expect(Array.from(panel.arrows!.at)).toEqual(Array.from(panel.points.slice(0, 2 * ARROW_POINTS)));
      expect(panel.arrows?.push.length).toBe(2 * ARROW_POINTS);
      expect(panel.arrows!.push.every(Number.isFinite)).toBe(true);
      expect(panel.mesh?.length).toBe(2 * MESH_SIDE ** 2);
    }
    const probe = JSON.parse(view.dataset!.heatmapProbe!) as {
      side: number;
      extent: number;
      runs: Record<string, { range: [number, number]; cells: { row: number; col: number; heatmap: number; d: number }[] }>;
    };
    expect(probe.side).toBe(HEATMAP_SIDE);
    expect(probe.extent).toBe(view.extent);
    expect(Object.keys(probe.runs)).toEqual(['simultaneous', 'alternating', 'unrolled']);
    view.panels.forEach((panel) => {
      const run = probe.runs[panel.key]!;
      expect(run.cells.length).toBeGreaterThanOrEqual(4);
      for (const c of run.cells) {
        expect(c.heatmap).toBe(panel.heatmap![c.row * HEATMAP_SIDE + c.col]);
        expect(c.d).toBeCloseTo(c.heatmap, 5);
      }
      expect(run.range[0]).toBe(Math.min(...panel.heatmap!));
      expect(run.range[1]).toBe(Math.max(...panel.heatmap!));
    });
    trainer.dispose();
  });

  it('all off: the view has no overlay arrays, no overlay spec and no probe; toggling is live, with no rebuild', async () => {
    const knobs: MixtureKnobs = { ...info.presets.tiny!, heatmap: 'off', gradients: 'off', manifold: 'off' };
    const trainer = await createTrainer(knobs, trainerContext().context);
    await trainer.step();
    // Off costs nothing: the view never runs D (the points come from G alone).
    const dCalls = trainer.runs.map((r) => vi.spyOn((r.model as Model).discriminator, 'apply'));
    const off = await pointsView(trainer);
    for (const spy of dCalls) expect(spy).not.toHaveBeenCalled();
    expect(off.overlays).toBeUndefined();
    expect(Object.keys(off.dataset!).sort()).toEqual(['dataSource', 'modes', 'real']);
    for (const panel of off.panels) expect(Object.keys(panel).sort()).toEqual(['caption', 'key', 'label', 'points']);
    // As the shell does for live knobs: in place.
    knobs.gradients = 'on';
    const arrows = await pointsView(trainer);
    expect(Object.keys(arrows.overlays!)).toEqual(['arrows']);
    for (const panel of arrows.panels) expect([panel.heatmap, panel.mesh, panel.arrows?.push.length]).toEqual([undefined, undefined, 2 * ARROW_POINTS]);
    // The points are the same: drawing overlays does not touch the runs.
    expect(arrows.panels.map((p) => Array.from(p.points))).toEqual(off.panels.map((p) => Array.from(p.points)));
    for (const spy of dCalls) expect(spy).toHaveBeenCalledTimes(1);
    dCalls.forEach((spy) => spy.mockRestore());
    trainer.dispose();
  });

  it('a linear critic is scaled per panel and its real side is high (tiny-wgan-gp); a small latent draws its mesh', async () => {
    const trainer = await createTrainer({ ...allOn('tiny-wgan-gp'), latentDim: 1 }, trainerContext().context);
    const view = await pointsView(trainer);
    expect(view.overlays?.heatmap).toMatchObject({ scale: 'panel', realHigh: true });
    expect(view.overlays?.heatmap?.legend).toMatch(/per panel/);
    expect(view.overlays?.mesh).toMatchObject({ rows: 1, cols: MESH_SIDE });
    expect(view.overlays?.arrows?.legend).toMatch(/wasserstein, target -1/);
    trainer.dispose();
  });

  for (const preset of ['tiny', 'tiny-relativistic', 'tiny-mixture-latent', 'tiny-hinge-sn']) {
    it(`${preset}, all on: numTensors stays flat across view() calls, and training goes on`, async () => {
      const trainer = await createTrainer(allOn(preset), trainerContext().context);
      await trainer.step();
      await trainer.view();
      const count = tf.memory().numTensors;
      const first = await pointsView(trainer);
      const second = await pointsView(trainer);
      expect(tf.memory().numTensors).toBe(count);
      // Equal weights draw equal overlays.
      expect(Array.from(second.panels[0]!.heatmap!)).toEqual(Array.from(first.panels[0]!.heatmap!));
      expect(Array.from(second.panels[2]!.arrows!.push)).toEqual(Array.from(first.panels[2]!.arrows!.push));
      for (let i = 0; i < 2; i++) {
        const logs = await trainer.step();
        for (const v of Object.values(logs).flatMap((l) => Object.values(l))) expect(Number.isFinite(v)).toBe(true);
        await trainer.view();
      }
      expect(tf.memory().numTensors).toBe(count);
      const moved = await pointsView(trainer);
      expect(Array.from(moved.panels[0]!.heatmap!)).not.toEqual(Array.from(first.panels[0]!.heatmap!));
      trainer.dispose();
    });
  }
});
