import type { PointsOverlays, PointsPanel, PointsView } from '../protocol';

// Draws the overlays of a points panel (D's heatmap, G's gradient arrows, G's
// manifold mesh) from the arrays the worker sent: the page computes nothing.

/** Where a panel sits on the canvas, and how plane coordinates map onto it. */
export interface PanelFrame {
  /** The panel's top-left corner, in canvas pixels. */
  readonly x0: number;
  readonly y0: number;
  /** The panel's side, in canvas pixels. */
  readonly size: number;
  /** Half the side of the square of the plane it shows, centred on the origin. */
  readonly extent: number;
}

/** The longest arrow of a panel, in canvas pixels: every arrow of the panel is scaled by the same factor. */
export const ARROW_PX = 28;
/** Height of one legend line under the panels. */
export const LEGEND_LINE = 16;

/** D's fake side, neutral, and real side (GAN Lab's purple and green), light enough that the points stay readable over them. */
const FAKE: readonly [number, number, number] = [206, 178, 232];
const MID: readonly [number, number, number] = [255, 255, 255];
const REAL: readonly [number, number, number] = [170, 222, 184];

/**
 * The heatmap colour of `realness` in [0, 1] (0: D's fake side, 1: its real
 * side), purple through white to green: clamped, then interpolated per channel.
 *
 * @example heatmapColour(0.5) // [255, 255, 255]
 */
export function heatmapColour(realness: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, Number.isFinite(realness) ? realness : 0.5));
  const [a, b, u] = t < 0.5 ? [FAKE, MID, t * 2] : [MID, REAL, (t - 0.5) * 2];
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * u)) as [number, number, number];
}

/**
 * RGBA pixels of a `side`² heatmap, one per cell: a probability maps to
 * realness on the fixed scale 0 to 1, a critic's score by its panel's own min
 * and max; `realHigh` says which end is real.
 *
 * @example new ImageData(heatmapPixels(values, spec), spec.side, spec.side)
 */
export function heatmapPixels(values: Float32Array, spec: NonNullable<PointsOverlays['heatmap']>): Uint8ClampedArray<ArrayBuffer> {
  let [lo, hi] = [0, 1];
  if (spec.scale === 'panel') {
    [lo, hi] = [Infinity, -Infinity];
    for (const v of values) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  }
  const span = hi - lo || 1;
  const pixels = new Uint8ClampedArray(4 * values.length);
  values.forEach((v, i) => {
    const t = (v - lo) / span;
    pixels.set([...heatmapColour(spec.realHigh ? t : 1 - t), 255], 4 * i);
  });
  return pixels;
}

/** D's heatmap, the mesh of G's manifold: what goes under the points. */
export function drawUnderPoints(ctx: CanvasRenderingContext2D, frame: PanelFrame, panel: PointsPanel, overlays: PointsOverlays | undefined): void {
  const spec = overlays?.heatmap;
  if (spec && panel.heatmap?.length === spec.side * spec.side) {
    const tile = document.createElement('canvas');
    tile.width = spec.side;
    tile.height = spec.side;
    tile.getContext('2d')!.putImageData(new ImageData(heatmapPixels(panel.heatmap, spec), spec.side, spec.side), 0, 0);
    // Unsmoothed: each cell is one flat block, so a pixel shows exactly its cell's value (what an e2e check reads).
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(tile, frame.x0, frame.y0, frame.size, frame.size);
  }
  const mesh = overlays?.mesh;
  if (mesh && panel.mesh?.length === 2 * mesh.rows * mesh.cols) drawMesh(ctx, frame, panel.mesh, mesh.rows, mesh.cols);
}

/** G's gradient arrows: what goes over the points. */
export function drawOverPoints(ctx: CanvasRenderingContext2D, frame: PanelFrame, panel: PointsPanel, overlays: PointsOverlays | undefined): void {
  if (overlays?.arrows && panel.arrows) drawArrows(ctx, frame, panel.arrows);
}

/** The legend lines of the overlays that are on, in drawing order. */
export function legendLines(view: Pick<PointsView, 'overlays'>): string[] {
  const o = view.overlays;
  if (!o) return [];
  return [o.heatmap?.legend, o.arrows ? `${o.arrows.legend}; each panel's longest arrow is ${ARROW_PX} px` : undefined, o.mesh?.legend].filter((l): l is string => !!l);
}

/** The legend lines, one under the other from `y`, on white: points that fall past a panel's bottom edge would run into the text. */
export function drawLegend(ctx: CanvasRenderingContext2D, x: number, y: number, width: number, lines: readonly string[]): void {
  if (lines.length === 0) return;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, y, x + width + x, lines.length * LEGEND_LINE);
  ctx.fillStyle = '#444444';
  ctx.font = '11px sans-serif';
  lines.forEach((line, i) => ctx.fillText(line, x, y + (i + 1) * LEGEND_LINE - 4, width));
}

const toCanvas = (frame: PanelFrame) => {
  const scale = frame.size / (2 * frame.extent);
  return { scale, x: (x: number) => frame.x0 + (x + frame.extent) * scale, y: (y: number) => frame.y0 + (frame.extent - y) * scale };
};

/** Keeps what follows inside the panel: arrows and mesh lines may run past its edge. */
function clipTo(ctx: CanvasRenderingContext2D, frame: PanelFrame): void {
  ctx.beginPath();
  ctx.rect(frame.x0, frame.y0, frame.size, frame.size);
  ctx.clip();
}

function drawMesh(ctx: CanvasRenderingContext2D, frame: PanelFrame, mesh: Float32Array, rows: number, cols: number): void {
  const at = toCanvas(frame);
  ctx.save();
  clipTo(ctx, frame);
  ctx.strokeStyle = 'rgba(40, 40, 40, 0.45)';
  ctx.lineWidth = 1;
  const line = (n: number, vertex: (k: number) => number) => {
    ctx.beginPath();
    for (let k = 0; k < n; k++) {
      const v = vertex(k);
      const [x, y] = [at.x(mesh[2 * v]!), at.y(mesh[2 * v + 1]!)];
      if (k === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
  };
  for (let r = 0; r < rows; r++) line(cols, (c) => r * cols + c);
  if (rows > 1) for (let c = 0; c < cols; c++) line(rows, (r) => r * cols + c);
  ctx.restore();
}

function drawArrows(ctx: CanvasRenderingContext2D, frame: PanelFrame, arrows: NonNullable<PointsPanel['arrows']>): void {
  const at = toCanvas(frame);
  const { at: tails, push } = arrows;
  let longest = 0;
  for (let i = 0; i < push.length; i += 2) longest = Math.max(longest, Math.hypot(push[i]!, push[i + 1]!));
  if (!(longest > 0) || !Number.isFinite(longest)) return;
  // One factor per panel: the longest arrow gets ARROW_PX, the others keep their proportion to it.
  const k = ARROW_PX / longest;
  ctx.save();
  clipTo(ctx, frame);
  ctx.strokeStyle = '#222222';
  ctx.fillStyle = '#222222';
  ctx.lineWidth = 1;
  for (let i = 0; i < push.length; i += 2) {
    const [x, y] = [at.x(tails[i]!), at.y(tails[i + 1]!)];
    // The plane's y runs up, the canvas's down.
    const [dx, dy] = [push[i]! * k, -push[i + 1]! * k];
    const len = Math.hypot(dx, dy);
    if (len < 0.5) continue;
    const [ux, uy] = [dx / len, dy / len];
    const head = Math.min(5, len / 2);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + dx, y + dy);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(x + dx, y + dy);
    ctx.lineTo(x + dx - head * (ux - uy / 2), y + dy - head * (uy + ux / 2));
    ctx.lineTo(x + dx - head * (ux + uy / 2), y + dy - head * (uy - ux / 2));
    ctx.closePath();
    ctx.fill();
  }
  ctx.font = '10px sans-serif';
  ctx.fillText(`longest ${longest.toPrecision(2)}`, frame.x0 + 4, frame.y0 + frame.size - 4);
  ctx.restore();
}
