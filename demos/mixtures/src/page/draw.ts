import type { PageHandle } from '@gandlf/demo-shell/page';
import { button, guarded } from './controls';
import { canvasPixel, frameAt, framesOf, MAX_POINTS, Strokes, toPixel, toPlane, type PanelFrame } from './stroke';
import { usePoints } from './use-points';

/** Fewer points than this make no distribution worth training on: about 0.35 units of stroke. */
export const MIN_POINTS = 8;
/** The strokes' colour: apart from the runs' palette and the grey real points. */
const INK = 'rgba(228, 87, 46, 0.9)';

/**
 * The drawing half of "Your data": while "Draw" is on, strokes on any panel
 * of the sample canvas add points (Pointer Events: mouse, pen and touch);
 * "Train on drawing" makes them the real data. The strokes show on a
 * transparent canvas laid over the sample canvas, in every panel.
 */
export function mountDraw(page: PageHandle, section: HTMLElement): void {
  const { canvas } = page;
  const warn = (message: string) => page.warn(message);
  const strokes = new Strokes();
  const overlay = document.createElement('canvas');
  overlay.dataset.role = 'draw-overlay';
  overlay.setAttribute('aria-hidden', 'true');
  Object.assign(overlay.style, { position: 'absolute', left: '0px', top: '0px', pointerEvents: 'none', display: 'none' });
  canvas.insertAdjacentElement('afterend', overlay);

  let drawing = false;
  let warnedFull = false;
  let active: { id: number; frame: PanelFrame } | null = null;
  const saved = { touchAction: '', cursor: '' };

  const drawButton = button('Draw', 'draw', () => setDrawing(!drawing), 'Draw points on any panel: each stroke becomes part of the real data once you train on it');
  drawButton.setAttribute('aria-pressed', 'false');
  section.append(
    drawButton,
    button('Train on drawing', 'draw-commit', guarded(warn, 'Train on drawing', commit), 'Restart all three GANs on the points drawn'),
    button('Clear', 'draw-clear', clear, 'Forget the strokes (the data trained on stays)'),
    button(
      'Back to the mixture',
      'data-mixture',
      guarded(warn, 'Back to the mixture', () => {
        setDrawing(false);
        if (page.knobs().data) page.setKnobs({ data: '' });
      }),
      "Train on the mixture knob's Gaussians again",
    ),
  );

  function setDrawing(on: boolean): void {
    if (on === drawing) return;
    drawing = on;
    drawButton.setAttribute('aria-pressed', String(on));
    drawButton.classList.toggle('active', on);
    if (on) {
      [saved.touchAction, saved.cursor] = [canvas.style.touchAction, canvas.style.cursor];
      // Touch strokes draw, rather than scroll or zoom the page.
      canvas.style.touchAction = 'none';
      canvas.style.cursor = 'crosshair';
    } else {
      [canvas.style.touchAction, canvas.style.cursor] = [saved.touchAction, saved.cursor];
      active = null;
      strokes.end();
    }
    repaint();
  }

  function commit(): void {
    if (strokes.size < MIN_POINTS) {
      page.warn(`Draw a little more first: training needs at least ${MIN_POINTS} points, and the drawing holds ${strokes.size}.`);
      return;
    }
    setDrawing(false);
    usePoints(page, strokes.points());
  }

  function clear(): void {
    strokes.clear();
    warnedFull = false;
    repaint();
  }

  /** Lays the overlay exactly over the sample canvas, wherever the page's layout and CSS put it. */
  function align(): void {
    const box = canvas.getBoundingClientRect();
    if (overlay.width !== canvas.width || overlay.height !== canvas.height) [overlay.width, overlay.height] = [canvas.width, canvas.height];
    Object.assign(overlay.style, { width: `${box.width}px`, height: `${box.height}px` });
    const at = overlay.getBoundingClientRect();
    overlay.style.left = `${parseFloat(overlay.style.left) + box.left - at.left}px`;
    overlay.style.top = `${parseFloat(overlay.style.top) + box.top - at.top}px`;
  }

  /** Draws every stroke in every panel; shown while drawing only (the committed points show as the real data). */
  function repaint(): void {
    overlay.style.display = drawing ? '' : 'none';
    if (!drawing) return;
    align();
    const ctx = overlay.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, overlay.width, overlay.height);
    for (const frame of framesOf(canvas)) for (const stroke of strokes.each()) ink(ctx, frame, stroke);
  }

  function ink(ctx: CanvasRenderingContext2D, frame: PanelFrame, points: readonly number[], from = 0): void {
    ctx.save();
    ctx.beginPath();
    ctx.rect(frame.x0, frame.y0, frame.size, frame.size);
    ctx.clip();
    ctx.strokeStyle = INK;
    ctx.fillStyle = INK;
    ctx.lineWidth = 2;
    ctx.lineCap = 'round';
    ctx.beginPath();
    for (let i = from; i < points.length; i += 2) {
      const [x, y] = toPixel(frame, points[i]!, points[i + 1]!);
      if (i === from) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    // A lone point is a dot.
    if (points.length - from === 2) {
      const [x, y] = toPixel(frame, points[from]!, points[from + 1]!);
      ctx.fillRect(x - 1.5, y - 1.5, 3, 3);
    } else ctx.stroke();
    ctx.restore();
  }

  /** Adds the pointer's position to the stroke, and inks the new piece in every panel. */
  function addAt(e: PointerEvent, frame: PanelFrame): void {
    const before = strokes.each().at(-1)?.length ?? 0;
    const added = strokes.add(...toPlane(frame, canvasPixel({ x: e.clientX, y: e.clientY }, canvas.getBoundingClientRect(), canvas)));
    if (strokes.full && !warnedFull) {
      warnedFull = true;
      page.warn(`The drawing holds ${MAX_POINTS} points, the most it takes: train on it, or clear it.`);
    }
    if (added.length === 0) return;
    const stroke = strokes.each().at(-1)!;
    const ctx = overlay.getContext('2d');
    // From the stroke's last point before these, so the pieces join.
    if (ctx) for (const f of framesOf(canvas)) ink(ctx, f, stroke, Math.max(0, before - 2));
  }

  canvas.addEventListener('pointerdown', (e) => {
    if (!drawing || (e.pointerType === 'mouse' && e.button !== 0)) return;
    const frame = frameAt(framesOf(canvas), canvasPixel({ x: e.clientX, y: e.clientY }, canvas.getBoundingClientRect(), canvas));
    if (!frame) return;
    e.preventDefault();
    canvas.setPointerCapture?.(e.pointerId);
    // The whole stroke maps through the panel it started in, clamped to its square.
    active = { id: e.pointerId, frame };
    strokes.begin();
    repaint();
    addAt(e, frame);
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!active || e.pointerId !== active.id) return;
    e.preventDefault();
    // Fast strokes: the browser coalesces moves between frames; take them all.
    const events = e.getCoalescedEvents?.() ?? [];
    for (const ev of events.length ? events : [e]) addAt(ev, active.frame);
  });
  const end = (e: PointerEvent) => {
    if (!active || e.pointerId !== active.id) return;
    active = null;
    strokes.end();
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  // A new view may resize the canvas (clearing nothing of ours, but moving it); the layout may move it too.
  page.onView(() => repaint());
  window.addEventListener('resize', () => repaint());
  if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => repaint()).observe(canvas);
}
