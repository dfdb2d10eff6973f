import type { ImageView, PanelsView, PointsView, ScatterView, View } from '@gandlf/demo-shell/protocol';
import { CLASS_PALETTE, PALETTE } from '../../../demos/shell/src/page/palette';

// A demo's sample view as RGBA pixels, for PNG files. The page draws the same
// views on a canvas (demos/shell/src/page/view.ts): same layout and colours,
// without the captions (metrics.json carries those numbers).

/** Side of one points or scatter panel, in pixels (as on the page). */
const PANEL = 260;
/** Images in a panels view are scaled by this much, as on the page. */
const PANEL_ZOOM = 2;
const GAP = 12;

/** An RGBA image. */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8ClampedArray;
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

class Canvas implements Raster {
  readonly pixels: Uint8ClampedArray;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8ClampedArray(width * height * 4).fill(255);
  }

  set(x: number, y: number, [r, g, b]: readonly number[]): void {
    x = Math.floor(x);
    y = Math.floor(y);
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = 4 * (y * this.width + x);
    this.pixels[i] = r!;
    this.pixels[i + 1] = g!;
    this.pixels[i + 2] = b!;
    this.pixels[i + 3] = 255;
  }

  /** A `size`-pixel square centred on (x, y). */
  dot(x: number, y: number, size: number, color: readonly number[]): void {
    const x0 = Math.round(x - size / 2);
    const y0 = Math.round(y - size / 2);
    for (let dy = 0; dy < size; dy++) for (let dx = 0; dx < size; dx++) this.set(x0 + dx, y0 + dy, color);
  }

  ring(cx: number, cy: number, r: number, color: readonly number[]): void {
    const n = Math.max(16, Math.ceil(2 * Math.PI * r));
    for (let k = 0; k < n; k++) this.set(cx + r * Math.cos((2 * Math.PI * k) / n), cy + r * Math.sin((2 * Math.PI * k) / n), color);
  }

  frame(x0: number, y0: number, w: number, h: number, color: readonly number[]): void {
    for (let x = 0; x < w; x++) {
      this.set(x0 + x, y0, color);
      this.set(x0 + x, y0 + h - 1, color);
    }
    for (let y = 0; y < h; y++) {
      this.set(x0, y0 + y, color);
      this.set(x0 + w - 1, y0 + y, color);
    }
  }

  /** Copies an image, each pixel repeated `zoom` times in both directions. */
  blit(x0: number, y0: number, image: ImageView, zoom: number): void {
    for (let y = 0; y < image.height * zoom; y++) {
      for (let x = 0; x < image.width * zoom; x++) {
        const i = 4 * (Math.floor(y / zoom) * image.width + Math.floor(x / zoom));
        this.set(x0 + x, y0 + y, [image.pixels[i]!, image.pixels[i + 1]!, image.pixels[i + 2]!]);
      }
    }
  }
}

const GREY = rgb('#b0b0b0');
const DARK = rgb('#555555');
const BORDER = rgb('#d0d0d0');

function points(view: PointsView): Raster {
  const c = new Canvas(PANEL * view.panels.length, PANEL);
  const scale = PANEL / (2 * view.extent);
  const px = (x0: number, x: number) => x0 + (x + view.extent) * scale;
  const py = (y: number) => (view.extent - y) * scale;
  view.panels.forEach((panel, p) => {
    const x0 = p * PANEL;
    c.frame(x0, 0, PANEL, PANEL, BORDER);
    for (let i = 0; i < view.real.length; i += 2) c.dot(px(x0, view.real[i]!), py(view.real[i + 1]!), 2, GREY);
    // Each mode as a ring of radius 3 std: points inside it count as high quality.
    const r = Math.max(4, 3 * view.std * scale);
    for (let i = 0; i < view.centers.length; i += 2) c.ring(px(x0, view.centers[i]!), py(view.centers[i + 1]!), r, DARK);
    const color = rgb(PALETTE[p % PALETTE.length]!);
    for (let i = 0; i < panel.points.length; i += 2) c.dot(px(x0, panel.points[i]!), py(panel.points[i + 1]!), 3, color);
  });
  return c;
}

function scatter(c: Canvas, x0: number, view: ScatterView): void {
  c.frame(x0, 0, PANEL, PANEL, BORDER);
  const scale = PANEL / (2 * view.extent);
  for (let i = 0; i < view.labels.length; i++) {
    const x = (view.points[2 * i]! + view.extent) * scale;
    const y = (view.extent - view.points[2 * i + 1]!) * scale;
    if (x < 0 || y < 0 || x > PANEL || y > PANEL) continue;
    c.dot(x0 + x, y, 3, rgb(CLASS_PALETTE[view.labels[i]! % CLASS_PALETTE.length]!));
  }
}

function panels(view: PanelsView): Raster {
  const sizes = view.panels.map((p) => (p.kind === 'image' ? [p.width * PANEL_ZOOM, p.height * PANEL_ZOOM] : [PANEL, PANEL]) as [number, number]);
  const c = new Canvas(sizes.reduce((w, [pw]) => w + pw + GAP, 0) - GAP, Math.max(...sizes.map(([, ph]) => ph)));
  let x0 = 0;
  view.panels.forEach((panel, i) => {
    if (panel.kind === 'image') c.blit(x0, 0, panel, PANEL_ZOOM);
    else scatter(c, x0, panel);
    x0 += sizes[i]![0] + GAP;
  });
  return c;
}

/** The pixels of a view: image views as they are, points and scatter views rasterised. */
export function rasterize(view: View): Raster {
  if (view.kind === 'image') return { width: view.width, height: view.height, pixels: view.pixels };
  return view.kind === 'panels' ? panels(view) : points(view);
}
