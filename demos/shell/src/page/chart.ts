import type { Logs, RunInfo } from '../protocol';
import { PALETTE } from './palette';

/** Points kept per series; beyond it, every other point is dropped (the curve keeps its shape). */
const MAX_POINTS = 1500;
const DASHES = [[], [6, 3], [2, 3], [8, 3, 2, 3]];

interface Series {
  readonly run: RunInfo;
  readonly metric: string;
  readonly color: string;
  readonly dash: number[];
  steps: number[];
  values: number[];
}

/**
 * A loss chart on a plain canvas: one line per run and metric, steps on x.
 * With one run, colours tell metrics apart; with several, colours tell runs
 * apart and dashes tell metrics apart.
 */
export class LossChart {
  private series: Series[] = [];
  private frame = 0;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly legend: HTMLElement,
    private readonly metrics: readonly string[],
  ) {}

  /** Starts over with these runs (after a reset, a knob change or a load). */
  reset(runs: readonly RunInfo[]): void {
    this.series = runs.flatMap((run, r) =>
      this.metrics.map((metric, m) => ({
        run,
        metric,
        color: PALETTE[(runs.length > 1 ? r : m) % PALETTE.length]!,
        dash: runs.length > 1 ? DASHES[m % DASHES.length]! : [],
        steps: [],
        values: [],
      })),
    );
    this.schedule();
  }

  /** Adds one step's logs, by run key. */
  push(step: number, logs: Readonly<Record<string, Logs>>): void {
    for (const s of this.series) {
      const v = logs[s.run.key]?.[s.metric];
      if (v === undefined || !Number.isFinite(v)) continue;
      s.steps.push(step);
      s.values.push(v);
      if (s.steps.length > MAX_POINTS) {
        s.steps = s.steps.filter((_, i) => i % 2 === 0);
        s.values = s.values.filter((_, i) => i % 2 === 0);
      }
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const { canvas } = this;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const [w, h] = [canvas.width, canvas.height];
    const pad = { left: 48, right: 10, top: 10, bottom: 24 };
    ctx.clearRect(0, 0, w, h);
    const all = this.series.filter((s) => s.steps.length > 0);
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const s of all) {
      x0 = Math.min(x0, s.steps[0]!);
      x1 = Math.max(x1, s.steps[s.steps.length - 1]!);
      for (const v of s.values) [y0, y1] = [Math.min(y0, v), Math.max(y1, v)];
    }
    ctx.font = '11px sans-serif';
    ctx.fillStyle = '#666';
    ctx.strokeStyle = '#ccc';
    ctx.strokeRect(pad.left + 0.5, pad.top + 0.5, w - pad.left - pad.right, h - pad.top - pad.bottom);
    if (!all.length) {
      ctx.fillText('losses appear once training runs', pad.left + 8, pad.top + 16);
      this.renderLegend();
      return;
    }
    if (x1 === x0) x1 = x0 + 1;
    if (y1 - y0 < 1e-6) [y0, y1] = [y0 - 0.5, y1 + 0.5];
    const px = (x: number) => pad.left + ((x - x0) / (x1 - x0)) * (w - pad.left - pad.right);
    const py = (y: number) => h - pad.bottom - ((y - y0) / (y1 - y0)) * (h - pad.top - pad.bottom);
    ctx.fillText(y1.toPrecision(3), 4, pad.top + 8);
    ctx.fillText(y0.toPrecision(3), 4, h - pad.bottom);
    ctx.fillText(`step ${x0}`, pad.left, h - 6);
    const right = `step ${x1}`;
    ctx.fillText(right, w - pad.right - ctx.measureText(right).width, h - 6);
    for (const s of all) {
      ctx.strokeStyle = s.color;
      ctx.setLineDash(s.dash);
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      s.steps.forEach((x, i) => (i === 0 ? ctx.moveTo(px(x), py(s.values[i]!)) : ctx.lineTo(px(x), py(s.values[i]!))));
      ctx.stroke();
      // The latest value as a dot, so a run with one step so far still shows.
      ctx.fillStyle = s.color;
      ctx.fillRect(px(s.steps[s.steps.length - 1]!) - 2, py(s.values[s.values.length - 1]!) - 2, 4, 4);
    }
    ctx.setLineDash([]);
    this.renderLegend();
  }

  private renderLegend(): void {
    const multi = new Set(this.series.map((s) => s.run.key)).size > 1;
    this.legend.replaceChildren(
      ...this.series.map((s) => {
        const item = document.createElement('span');
        item.className = 'legend-item';
        const swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.style.borderTop = `3px ${s.dash.length ? 'dashed' : 'solid'} ${s.color}`;
        const last = s.values[s.values.length - 1];
        // Counts (e.g. a sample-quality chart's modes) read as counts.
        const value = last === undefined ? '' : ` ${Number.isInteger(last) ? last : last.toFixed(3)}`;
        item.append(swatch, `${multi ? `${s.run.label} ` : ''}${s.metric}${value}`);
        return item;
      }),
    );
  }
}
