import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { info } from './config';
import { discriminatorHeatmap, heatmapProbe, planeGrid, probeCells } from './heatmap';
import { technique } from './techniques';
import { buildRun } from './trainer';

describe('planeGrid', () => {
  it('lists cell centres row by row from the top-left', () => {
    expect(Array.from(planeGrid(2, 1))).toEqual([-0.5, 0.5, 0.5, 0.5, -0.5, -0.5, 0.5, -0.5]);
    const g = planeGrid(48, 3.5);
    expect(g.length).toBe(2 * 48 * 48);
    // The last cell's centre is half a cell from the bottom-right corner.
    expect(g[g.length - 2]).toBeCloseTo(3.5 - 3.5 / 48, 6);
    expect(g[g.length - 1]).toBeCloseTo(-3.5 + 3.5 / 48, 6);
  });

  it('rejects a bad side or extent, echoing it', () => {
    expect(() => planeGrid(0, 1)).toThrow(/side=0/);
    expect(() => planeGrid(4, -1)).toThrow(/extent=-1/);
  });
});

describe('discriminatorHeatmap (Node, cpu)', () => {
  for (const preset of ['tiny', 'tiny-wgan-gp', 'tiny-hinge-sn']) {
    it(`${preset}: equals D evaluated on its own at grid points, and leaks nothing`, async () => {
      const knobs = info.presets[preset]!;
      const model = buildRun(knobs, 'simultaneous', technique(knobs, knobs.seed));
      const side = 12;
      const grid = planeGrid(side, 3.5);
      await discriminatorHeatmap(model.discriminator, grid);
      const before = tf.memory().numTensors;
      const heatmap = await discriminatorHeatmap(model.discriminator, grid);
      expect(tf.memory().numTensors).toBe(before);
      expect(heatmap.length).toBe(side * side);
      // A separate predict, one point at a time, at a few cells' centres.
      for (const c of [0, 5, 77, side * side - 1]) {
        const d = tf.tidy(() => model.predict(tf.tensor2d([grid[2 * c]!, grid[2 * c + 1]!], [1, 2])) as tf.Tensor);
        expect(heatmap[c]).toBeCloseTo((await d.data())[0]!, 5);
        d.dispose();
      }
      // The probe reports both, at exactly the grid's coordinates.
      const probe = await heatmapProbe(model, grid, heatmap, side);
      expect(probe.map((p) => p.row * side + p.col)).toEqual(probeCells(side));
      for (const p of probe) {
        expect(p.x).toBe(grid[2 * (p.row * side + p.col)]);
        expect(p.d).toBeCloseTo(p.heatmap, 5);
      }
      expect(tf.memory().numTensors).toBe(before);
      model.dispose();
    });
  }

  it('a sigmoid D gives probabilities', async () => {
    const knobs = info.presets.tiny!;
    const model = buildRun(knobs, 'alternating', technique(knobs, knobs.seed));
    const heatmap = await discriminatorHeatmap(model.discriminator, planeGrid(8, 3.5));
    for (const v of heatmap) expect(v > 0 && v < 1).toBe(true);
    model.dispose();
  });
});
