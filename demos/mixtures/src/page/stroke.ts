// The pure half of the drawing tool: from pointer positions to plane points,
// and strokes filled in so that no gap is wider than the data's own noise.
import type { PanelFrame } from '@gandlf/demo-shell/page';

/** Where a run's panel lies on the sample canvas (its `data-frames`): the shell's frame. */
export type { PanelFrame };

/** Consecutive points of a stroke lie at most this far apart: pointCloud's default jitter, so the noise fills the line. */
export const MAX_GAP = 0.05;
/** The most points a drawing holds: the CSV loader's limit too. */
export const MAX_POINTS = 100_000;

/** The frames of the canvas's `data-frames`, or none before the first points view (or for a bad value). */
export function framesOf(canvas: { readonly dataset: DOMStringMap }): PanelFrame[] {
  try {
    const frames = JSON.parse(canvas.dataset.frames ?? '{}') as Record<string, PanelFrame>;
    return Object.values(frames).filter((f) => [f.x0, f.y0, f.size, f.extent].every(Number.isFinite) && f.size > 0 && f.extent > 0);
  } catch {
    return [];
  }
}

/**
 * A client position (a pointer event's `clientX`, `clientY`) in canvas pixels,
 * through the canvas's on-screen box: the page may scale the canvas with CSS.
 */
export function canvasPixel(client: { x: number; y: number }, box: { left: number; top: number; width: number; height: number }, canvas: { width: number; height: number }): { x: number; y: number } {
  return { x: ((client.x - box.left) * canvas.width) / (box.width || 1), y: ((client.y - box.top) * canvas.height) / (box.height || 1) };
}

/** The frame a canvas pixel falls in, if any. */
export const frameAt = (frames: readonly PanelFrame[], p: { x: number; y: number }): PanelFrame | undefined =>
  frames.find((f) => p.x >= f.x0 && p.x <= f.x0 + f.size && p.y >= f.y0 && p.y <= f.y0 + f.size);

/** A canvas pixel as a point of the frame's plane (y up), clamped to the panel's square. */
export function toPlane(frame: PanelFrame, p: { x: number; y: number }): [number, number] {
  const scale = (2 * frame.extent) / frame.size;
  const clamp = (v: number) => Math.max(-frame.extent, Math.min(frame.extent, v));
  return [clamp((p.x - frame.x0) * scale - frame.extent), clamp(frame.extent - (p.y - frame.y0) * scale)];
}

/** A plane point as a canvas pixel of the frame: the inverse of {@link toPlane}. */
export function toPixel(frame: PanelFrame, x: number, y: number): [number, number] {
  const scale = frame.size / (2 * frame.extent);
  return [frame.x0 + (x + frame.extent) * scale, frame.y0 + (frame.extent - y) * scale];
}

/**
 * The points of a drawing, stroke by stroke: each point added to a stroke is
 * joined to the one before by points at most `maxGap` apart.
 *
 * @example const s = new Strokes(); s.begin(); s.add(0, 0); s.add(1, 0); s.points().length // 2 * 21
 */
export class Strokes {
  private readonly strokes: number[][] = [];
  private current: number[] | null = null;
  private count = 0;

  /** @param limit The most points in all; beyond it `add` takes none (see `full`). */
  constructor(
    private readonly maxGap = MAX_GAP,
    private readonly limit = MAX_POINTS,
  ) {}

  /** Starts a stroke: its first point is not joined to the last stroke's. */
  begin(): void {
    this.current = [];
    this.strokes.push(this.current);
  }

  /** Ends the stroke; the next `add` starts a new one. */
  end(): void {
    this.current = null;
  }

  /** Adds a point to the stroke, filling in the line from the one before; returns the points added (x, y pairs). */
  add(x: number, y: number): number[] {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return [];
    if (!this.current) this.begin();
    const stroke = this.current!;
    const n = stroke.length;
    const added: number[] = [];
    if (n === 0) {
      added.push(x, y);
    } else {
      const [px, py] = [stroke[n - 2]!, stroke[n - 1]!];
      const steps = Math.ceil(Math.hypot(x - px, y - py) / this.maxGap);
      for (let i = 1; i <= steps; i++) added.push(px + ((x - px) * i) / steps, py + ((y - py) * i) / steps);
    }
    const room = 2 * (this.limit - this.count);
    if (added.length > room) added.length = Math.max(0, room);
    stroke.push(...added);
    this.count += added.length / 2;
    return added;
  }

  /** Whether the drawing holds `limit` points: more are not taken. */
  get full(): boolean {
    return this.count >= this.limit;
  }

  /** Points in all strokes. */
  get size(): number {
    return this.count;
  }

  /** Every stroke's points, `x0, y0, x1, y1, ...`. */
  each(): readonly (readonly number[])[] {
    return this.strokes;
  }

  /** All points, stroke after stroke. */
  points(): Float32Array {
    return Float32Array.from(this.strokes.flat());
  }

  /** Forgets every stroke. */
  clear(): void {
    this.strokes.length = 0;
    this.current = null;
    this.count = 0;
  }
}
