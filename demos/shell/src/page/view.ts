import type { ImageView, PointsView, View } from '../protocol';
import { fnv1a } from './hash';
import { PALETTE } from './palette';

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
  canvas.width = PANEL * n;
  canvas.height = PANEL + CAPTION;
  canvas.className = 'samples points';
  const ctx = context(canvas);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const scale = PANEL / (2 * view.extent);
  const dot = (x0: number, x: number, y: number, r: number) =>
    ctx.fillRect(x0 + (x + view.extent) * scale - r / 2, CAPTION + (view.extent - y) * scale - r / 2, r, r);
  view.panels.forEach((panel, p) => {
    const x0 = p * PANEL;
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
    ctx.fillStyle = '#222222';
    ctx.font = '13px sans-serif';
    ctx.fillText(`${panel.label}: ${panel.caption}`, x0 + 6, 15, PANEL - 12);
  });
}

/** Draws a view onto the sample canvas and returns the hash of the pixels drawn. */
export function drawView(canvas: HTMLCanvasElement, view: View): string {
  if (view.kind === 'image') drawImage(canvas, view);
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
