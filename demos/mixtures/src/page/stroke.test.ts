import { describe, expect, it } from 'vitest';
import { canvasPixel, frameAt, framesOf, MAX_GAP, Strokes, toPixel, toPlane, type PanelFrame } from './stroke';

const frames: PanelFrame[] = [
  { x0: 0, y0: 22, size: 260, extent: 3.5 },
  { x0: 260, y0: 22, size: 260, extent: 3.5 },
];

describe('the drawing tool: pointer to plane', () => {
  it('reads the canvas frames, and none before a points view or from a bad value', () => {
    expect(framesOf({ dataset: { frames: JSON.stringify({ simultaneous: frames[0], alternating: frames[1] }) } })).toEqual(frames);
    expect(framesOf({ dataset: {} })).toEqual([]);
    expect(framesOf({ dataset: { frames: '{oops' } })).toEqual([]);
    expect(framesOf({ dataset: { frames: JSON.stringify({ a: { x0: 0, y0: 0, size: 0, extent: 1 } }) } })).toEqual([]);
  });

  it('maps client positions through a CSS-scaled canvas box', () => {
    // A 780 × 300 canvas shown at half size, 10 px from the left, 100 px down.
    const box = { left: 10, top: 100, width: 390, height: 150 };
    expect(canvasPixel({ x: 10, y: 100 }, box, { width: 780, height: 300 })).toEqual({ x: 0, y: 0 });
    expect(canvasPixel({ x: 205, y: 175 }, box, { width: 780, height: 300 })).toEqual({ x: 390, y: 150 });
  });

  it('finds the panel under a pixel and maps it to the plane, y up, as the view draws it', () => {
    expect(frameAt(frames, { x: 100, y: 100 })).toBe(frames[0]);
    expect(frameAt(frames, { x: 300, y: 100 })).toBe(frames[1]);
    expect(frameAt(frames, { x: 100, y: 10 })).toBeUndefined(); // the caption line
    expect(toPlane(frames[0]!, { x: 130, y: 22 + 130 })).toEqual([0, 0]);
    expect(toPlane(frames[1]!, { x: 260, y: 22 })).toEqual([-3.5, 3.5]);
    expect(toPlane(frames[0]!, { x: 260, y: 22 + 260 })).toEqual([3.5, -3.5]);
    // Outside the panel: clamped to its square.
    expect(toPlane(frames[0]!, { x: 400, y: -50 })).toEqual([3.5, 3.5]);
    for (const [x, y] of [
      [1.25, -2],
      [-3, 0.5],
    ] as const) {
      const [px, py] = toPixel(frames[1]!, x, y);
      const [bx, by] = toPlane(frames[1]!, { x: px, y: py });
      expect(bx).toBeCloseTo(x, 10);
      expect(by).toBeCloseTo(y, 10);
    }
  });
});

describe('Strokes', () => {
  it('fills each stroke in so that consecutive points are at most MAX_GAP apart, and ends at the pointer', () => {
    const s = new Strokes();
    s.begin();
    s.add(0, 0);
    s.add(1, 0);
    s.add(1, 0.5);
    s.add(1, 0.51); // a short move adds one point
    const p = s.points();
    expect(p.length / 2).toBe(s.size);
    expect(s.size).toBe(1 + 20 + 10 + 1);
    for (let i = 2; i < p.length; i += 2) expect(Math.hypot(p[i]! - p[i - 2]!, p[i + 1]! - p[i - 1]!)).toBeLessThanOrEqual(MAX_GAP + 1e-6);
    expect([p.at(-2), p.at(-1)]).toEqual([1, Math.fround(0.51)]);
  });

  it('does not join one stroke to the next', () => {
    const s = new Strokes();
    s.begin();
    s.add(0, 0);
    s.end();
    expect(s.add(3, 3)).toEqual([3, 3]); // an add after end starts a stroke of its own
    s.begin();
    s.add(-3, -3);
    expect(s.size).toBe(3);
    expect(s.each().map((stroke) => stroke.length)).toEqual([2, 2, 2]);
  });

  it('stops at its limit, and forgets all on clear', () => {
    const s = new Strokes(0.05, 10);
    s.begin();
    s.add(0, 0);
    expect(s.add(1, 0).length).toBe(2 * 9);
    expect(s.full).toBe(true);
    expect(s.add(2, 0)).toEqual([]);
    expect(s.add(NaN, 0)).toEqual([]);
    s.clear();
    expect(s.size).toBe(0);
    expect(s.points().length).toBe(0);
    expect(s.full).toBe(false);
  });
});
