// Sample quality over steps: one small chart per metric a view carries, one line per run.
import type { RunInfo, ViewMetrics } from '../protocol';
import { LossChart } from './chart';

/** Every metric name in `metrics`, in the order runs first name them. */
export function metricNames(metrics: ViewMetrics): string[] {
  return [...new Set(Object.values(metrics).flatMap((byName) => Object.keys(byName)))];
}

/**
 * The 'Sample quality' charts: hidden until a view carries `metrics`; a chart
 * per metric name (so each keeps its own scale), added when the name first
 * appears. A view at a step already charted (a redraw while paused, a live
 * knob) adds nothing, so the lines stay functions of the step.
 */
export class MetricCharts {
  private runs: readonly RunInfo[] = [];
  private charts = new Map<string, LossChart>();
  private lastStep = -Infinity;

  /**
   * @param section Shown once there is a chart.
   * @param holder Where the charts go.
   */
  constructor(
    private readonly section: HTMLElement,
    private readonly holder: HTMLElement,
  ) {
    this.reset([]);
  }

  /** Starts over with these runs (a new trainer, or none yet). */
  reset(runs: readonly RunInfo[]): void {
    this.runs = runs;
    this.charts = new Map();
    this.lastStep = -Infinity;
    this.holder.replaceChildren();
    this.section.hidden = true;
  }

  /** A view's metrics at its step. */
  push(step: number, metrics: ViewMetrics): void {
    if (step <= this.lastStep) return;
    this.lastStep = step;
    for (const name of metricNames(metrics)) if (!this.charts.has(name)) this.add(name);
    for (const chart of this.charts.values()) chart.push(step, metrics);
  }

  private add(name: string): void {
    const figure = document.createElement('figure');
    figure.className = 'metric';
    figure.dataset.metric = name;
    const caption = document.createElement('figcaption');
    caption.textContent = name;
    const canvas = document.createElement('canvas');
    canvas.className = 'chart metric-chart';
    canvas.width = 640;
    canvas.height = 140;
    const legend = document.createElement('div');
    legend.className = 'legend';
    figure.append(caption, canvas, legend);
    this.holder.append(figure);
    const chart = new LossChart(canvas, legend, [name]);
    chart.reset(this.runs);
    this.charts.set(name, chart);
    this.section.hidden = false;
  }
}
