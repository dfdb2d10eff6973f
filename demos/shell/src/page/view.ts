import type { ImageView, PanelsView, PointsView, ScatterView, View } from '../protocol';
import { fnv1a } from '../hash';
import { drawLegend, drawOverPoints, drawUnderPoints, LEGEND_LINE, legendLines, type PanelFrame } from './overlays';
import { CLASS_PALETTE, PALETTE } from './palette';

/** Side of one scatter panel, in canvas pixels. */
const PANEL = 260;
const CAPTION = 22;

function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  // The grid hash reads the pixels back after every draw.
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('This browser gave no 2-D canvas context for the sample view.');
  return ctx;
}

function drawImage(canvas: HTMLCanvasElement, view: ImageView): void {
  canvas.width = view.width;
  canvas.height = view.height;
  canvas.className = 'samples image';
  context(canvas).putImageData(new ImageData(new Uint8ClampedArray(view.pixels), view.width, view.height), 0, 0);
}

function drawPoints(canvas: HTMLCanvasElement, view: PointsView): void {
  const n = view.panels.length;
  const legend = legendLines(view);
  canvas.width = PANEL * n;
  canvas.height = PANEL + CAPTION + legend.length * LEGEND_LINE;
  canvas.className = 'samples points';
  const frames: PanelFrame[] = view.panels.map((_, p) => ({ x0: p * PANEL, y0: CAPTION, size: PANEL, extent: view.extent }));
  // Where each run's panel lies, for tests that read its pixels back (as the heatmap's e2e check does).
  canvas.dataset.frames = JSON.stringify(Object.fromEntries(view.panels.map((panel, p) => [panel.key, frames[p]])));
  const ctx = context(canvas);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const scale = PANEL / (2 * view.extent);
  const dot = (x0: number, x: number, y: number, r: number) => ctx.fillRect(x0 + (x + view.extent) * scale - r / 2, CAPTION + (view.extent - y) * scale - r / 2, r, r);
  view.panels.forEach((panel, p) => {
    const frame = frames[p]!;
    const x0 = frame.x0;
    drawUnderPoints(ctx, frame, panel, view.overlays);
    ctx.strokeStyle = '#d0d0d0';
    ctx.strokeRect(x0 + 0.5, CAPTION + 0.5, PANEL - 1, PANEL - 1);
    ctx.fillStyle = '#b0b0b0';
    for (let i = 0; i < view.real.length; i += 2) dot(x0, view.real[i]!, view.real[i + 1]!, 2);
    // Each mode as a ring of radius 3 std: points inside it count as high quality.
    ctx.strokeStyle = '#555555';
    const r = Math.max(4, 3 * view.std * scale);
    for (let i = 0; i < view.centers.length; i += 2) {
      ctx.beginPath();
      ctx.arc(x0 + (view.centers[i]! + view.extent) * scale, CAPTION + (view.extent - view.centers[i + 1]!) * scale, r, 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.fillStyle = PALETTE[p % PALETTE.length]!;
    for (let i = 0; i < panel.points.length; i += 2) dot(x0, panel.points[i]!, panel.points[i + 1]!, 3);
    drawOverPoints(ctx, frame, panel, view.overlays);
    ctx.fillStyle = '#222222';
    ctx.font = '13px sans-serif';
    ctx.fillText(`${panel.label}: ${panel.caption}`, x0 + 6, 15, PANEL - 12);
  });
  drawLegend(ctx, 6, PANEL + CAPTION, canvas.width - 12, legend);
}

/** Images in a panels view are scaled by this much, so 28-pixel digits stay readable beside a scatter. */
const PANEL_ZOOM = 2;
const GAP = 12;

function drawScatter(ctx: CanvasRenderingContext2D, x0: number, y0: number, view: ScatterView): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(x0, y0, PANEL, PANEL);
  ctx.strokeStyle = '#d0d0d0';
  ctx.strokeRect(x0 + 0.5, y0 + 0.5, PANEL - 1, PANEL - 1);
  const scale = PANEL / (2 * view.extent);
  for (let i = 0; i < view.labels.length; i++) {
    const x = (view.points[2 * i]! + view.extent) * scale;
    const y = (view.extent - view.points[2 * i + 1]!) * scale;
    if (x < 0 || y < 0 || x > PANEL || y > PANEL) continue;
    ctx.fillStyle = CLASS_PALETTE[view.labels[i]! % CLASS_PALETTE.length]!;
    ctx.fillRect(x0 + x - 1.5, y0 + y - 1.5, 3, 3);
  }
}

function drawPanels(canvas: HTMLCanvasElement, view: PanelsView): void {
  const size = (p: PanelsView['panels'][number]) => (p.kind === 'image' ? [p.width * PANEL_ZOOM, p.height * PANEL_ZOOM] : [PANEL, PANEL]) as [number, number];
  const sizes = view.panels.map(size);
  canvas.width = sizes.reduce((w, [pw]) => w + pw + GAP, 0) - GAP;
  canvas.height = CAPTION + Math.max(...sizes.map(([, ph]) => ph));
  canvas.className = 'samples panels';
  const ctx = context(canvas);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  let x0 = 0;
  view.panels.forEach((panel, i) => {
    const [pw, ph] = sizes[i]!;
    if (panel.kind === 'image') {
      const tile = document.createElement('canvas');
      tile.width = panel.width;
      tile.height = panel.height;
      tile.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(panel.pixels), panel.width, panel.height), 0, 0);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(tile, x0, CAPTION, pw, ph);
    } else {
      drawScatter(ctx, x0, CAPTION, panel);
    }
    ctx.fillStyle = '#222222';
    ctx.font = '13px sans-serif';
    ctx.fillText(panel.caption, x0 + 2, 15, pw - 4);
    x0 += pw + GAP;
  });
}

/** Draws a view onto the sample canvas and returns the hash of the pixels drawn; a points view also puts its panels' frames on the canvas as `data-frames` (`{ [run key]: PanelFrame }`). */
export function drawView(canvas: HTMLCanvasElement, view: View): string {
  // Only a points view has panel frames (`data-frames`, set by drawPoints).
  delete canvas.dataset.frames;
  if (view.kind === 'image') drawImage(canvas, view);
  else if (view.kind === 'panels') drawPanels(canvas, view);
  else drawPoints(canvas, view);
  return fnv1a(context(canvas).getImageData(0, 0, canvas.width, canvas.height).data);
}

/** A copy of the canvas scaled by a whole factor without smoothing, so small digits stay crisp in a PNG. */
export function upscaled(canvas: HTMLCanvasElement, minSide = 512): HTMLCanvasElement {
  const k = Math.max(1, Math.ceil(minSide / Math.max(canvas.width, canvas.height, 1)));
  const out = document.createElement('canvas');
  out.width = canvas.width * k;
  out.height = canvas.height * k;
  const ctx = out.getContext('2d')!;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(canvas, 0, 0, out.width, out.height);
  return out;
}
