import type { PointsOverlays, PointsPanel } from '@gandlf/demo-shell/protocol';
import type { Model, ModelTargets } from 'gandlf';
import type { MixtureKnobs, TechniqueName } from './knobs';
import { generatorPush, generatorTarget } from './gradients';
import { discriminatorHeatmap, heatmapProbe, planeGrid, type ProbeCell } from './heatmap';
import { manifoldMesh } from './manifold';

// The three overlays of a mixtures panel (heatmap, gradient arrows, manifold
// mesh), computed in the worker between steps, each only while its toggle is on.

/** Cells per side of the heatmap: 48² = 2,304 points in one pass of D, about 5 px a cell on a 260 px panel. */
export const HEATMAP_SIDE = 48;
/** Generated points that get an arrow: enough to see the field, few enough to read each arrow. */
export const ARROW_POINTS = 64;
/** Vertices per side of the manifold mesh: [-2, 2] in steps of 0.2. */
export const MESH_SIDE = 21;

/**
 * Techniques whose D scores real data high: the Wasserstein critics (their
 * real target -1 raises the score), hinge-sn (real -> 1) and the relativistic
 * pair (real above the average fake). The others use gandlf's targets real -> 0.
 */
const REAL_HIGH: readonly TechniqueName[] = ['wgan-gp', 'wgan-clip', 'hinge-sn', 'relativistic'];

/** The generator loss of each technique, for the arrows' legend (see techniques.ts). */
const GENERATOR_LOSS: Readonly<Record<TechniqueName, string>> = {
  standard: '',
  'wgan-gp': 'wasserstein',
  'hinge-sn': 'wasserstein',
  'wgan-clip': 'wasserstein',
  lsgan: 'lsgan',
  relativistic: 'relativistic average (bce)',
  r1: 'binaryCrossentropyFromLogits',
  'mixture-latent': 'binaryCrossentropyFromLogits',
};

/** The knobs the overlays read. */
export type OverlayKnobs = Pick<MixtureKnobs, 'heatmap' | 'gradients' | 'manifold' | 'technique' | 'loss' | 'unrollDepth' | 'latentDim' | 'categories'>;

/** Options of {@link overlayPass}. */
export interface OverlayOptions {
  /** The toggles are read once per pass (they are live knobs); a toggle a checkpoint lacks takes its default. */
  knobs: OverlayKnobs;
  /** D's last activation: a sigmoid's probability is drawn on a fixed scale, a linear critic per panel. */
  activation: 'sigmoid' | 'linear';
  /** The runs' targets, the generator's among them. */
  targets: ModelTargets;
  /** Half the side of every panel. */
  extent: number;
  /** The real points drawn under every panel: the real batch of losses that compare with real data. */
  real: Float32Array;
  /** The heatmap's cell centres. @default planeGrid(HEATMAP_SIDE, extent), made on first use */
  grid?: Float32Array;
}

/** The overlay fields of one panel. */
export type PanelOverlays = Pick<PointsPanel, 'heatmap' | 'arrows' | 'mesh'>;

/** One view's overlays: one call of `panel` per run, then `finish`. */
export interface OverlayPass {
  /** Which overlays this pass computes. */
  readonly on: { readonly heatmap: boolean; readonly gradients: boolean; readonly manifold: boolean };
  /** The overlays of one run's panel, from its model and the points its panel shows. */
  panel(key: string, model: Model, points: Float32Array): Promise<PanelOverlays>;
  /** What the view adds: how to draw the overlays, and `heatmapProbe` for tests; nothing when every toggle is off. */
  finish(): { overlays?: PointsOverlays; dataset: Record<string, string> };
}

/**
 * The overlays of one view, for the toggles as they are now.
 *
 * @example const pass = overlayPass({ knobs, activation, targets, extent, real }); const extra = await pass.panel('simultaneous', model, points);
 */
export function overlayPass(options: OverlayOptions): OverlayPass {
  const { knobs, activation, targets, extent, real } = options;
  // The defaults (config.ts): heatmap and gradients on, manifold off.
  const on = { heatmap: knobs.heatmap !== 'off', gradients: knobs.gradients !== 'off', manifold: knobs.manifold === 'on' };
  let grid = options.grid;
  const probes: Record<string, { range: [number, number]; cells: ProbeCell[] }> = {};
  let mesh: { rows: number; cols: number } | null = null;
  const target = on.gradients ? generatorTarget(targets) : 0;

  return {
    on,
    async panel(key, model, points) {
      const out: { -readonly [K in keyof PanelOverlays]: PanelOverlays[K] } = {};
      if (on.heatmap) {
        grid ??= planeGrid(HEATMAP_SIDE, extent);
        const heatmap = await discriminatorHeatmap(model.discriminator, grid);
        out.heatmap = heatmap;
        let lo = Infinity;
        let hi = -Infinity;
        for (const v of heatmap) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
        probes[key] = { range: [lo, hi], cells: await heatmapProbe(model, grid, heatmap, HEATMAP_SIDE) };
      }
      if (on.gradients) {
        const at = points.slice(0, 2 * Math.min(ARROW_POINTS, Math.floor(points.length / 2)));
        if (at.length > 0) out.arrows = { at, push: await generatorPush(model, at, { real, target }) };
      }
      if (on.manifold) {
        const m = await manifoldMesh(model, MESH_SIDE);
        mesh = { rows: m.rows, cols: m.cols };
        out.mesh = m.mesh;
      }
      return out;
    },
    finish() {
      const overlays: { -readonly [K in keyof PointsOverlays]: PointsOverlays[K] } = {};
      const technique = (knobs.technique ?? 'standard') as TechniqueName;
      if (on.heatmap) {
        const realHigh = REAL_HIGH.includes(technique);
        const side = realHigh ? 'real scores high' : "gandlf's targets: real -> 0";
        const legend =
          activation === 'sigmoid'
            ? `Background: D(x), a probability on the fixed scale 0 to 1; green: D calls it real (${side}), purple: fake`
            : `Background: the critic D(x), scaled per panel from its min to its max; green: D's real side (${side}), purple: its fake side`;
        overlays.heatmap = { side: HEATMAP_SIDE, scale: activation === 'sigmoid' ? 'probability' : 'panel', realHigh, legend };
      }
      if (on.gradients) {
        const loss = technique === 'standard' ? knobs.loss : GENERATOR_LOSS[technique];
        const targetNote = technique === 'relativistic' ? '' : `, target ${target}`;
        overlays.arrows = {
          legend: `Arrows: minus the gradient of G's loss (${loss}${targetNote}) at ${ARROW_POINTS} points, against the current D (Unrolled's G steps against D ${knobs.unrollDepth} steps ahead)`,
        };
      }
      if (on.manifold && mesh) {
        const rest = knobs.latentDim > 2 ? `, z3..z${knobs.latentDim} = 0` : '';
        const category = (knobs.categories ?? 0) > 0 ? ', category 0' : '';
        overlays.mesh = { ...mesh, legend: `Mesh: G over latents z1${knobs.latentDim >= 2 ? ', z2' : ''} in [-2, 2]${rest}${category}` };
      }
      const dataset: Record<string, string> = on.heatmap ? { heatmapProbe: JSON.stringify({ side: HEATMAP_SIDE, extent, runs: probes }) } : {};
      return { ...(Object.keys(overlays).length > 0 ? { overlays } : {}), dataset };
    },
  };
}
