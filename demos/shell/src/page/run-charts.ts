// The charts of the runs in training: their losses, and their sample quality over steps.
import type { DemoInfo, Logs, RunInfo, View } from '../protocol';
import { LossChart } from './chart';
import { MetricCharts } from './metrics';

/** The elements of the charts (see LAYOUT). */
export interface RunChartElements {
  readonly chart: HTMLCanvasElement;
  readonly legend: HTMLElement;
  /** The 'Sample quality' section, hidden until a view carries metrics. */
  readonly metrics: HTMLElement;
  readonly metricCharts: HTMLElement;
}

/**
 * The loss chart (`DemoInfo.chartMetrics` of every run) and the sample
 * quality charts (`View.metrics`), with what they show on `<body>`:
 * `data-losses` (the latest logs by run) and `data-metrics` (the latest view's metrics).
 */
export class RunCharts {
  private readonly losses: LossChart;
  private readonly quality: MetricCharts;

  constructor(
    elements: RunChartElements,
    chartMetrics: DemoInfo['chartMetrics'],
    private readonly dataset: Record<string, string | undefined>,
  ) {
    this.losses = new LossChart(elements.chart, elements.legend, chartMetrics);
    this.quality = new MetricCharts(elements.metrics, elements.metricCharts);
  }

  /** Starts over: with a new trainer's runs, or none until they are known (new knobs, a reset, a new worker). */
  reset(runs: readonly RunInfo[] = []): void {
    this.losses.reset(runs);
    this.quality.reset(runs);
    delete this.dataset.losses;
    delete this.dataset.metrics;
  }

  /** New knobs are in force: the old run's losses no longer apply (the chart waits for the runs). */
  forgetLosses(): void {
    delete this.dataset.losses;
  }

  logs(entries: ReadonlyArray<{ readonly step: number; readonly logs: Readonly<Record<string, Logs>> }>): void {
    for (const e of entries) this.losses.push(e.step, e.logs);
    const last = entries[entries.length - 1];
    if (last) this.dataset.losses = JSON.stringify(last.logs);
  }

  /** A view's metrics at its step; a view without them removes `data-metrics`. */
  view(step: number, view: View): void {
    if (!view.metrics) {
      delete this.dataset.metrics;
      return;
    }
    this.quality.push(step, view.metrics);
    this.dataset.metrics = JSON.stringify(view.metrics);
  }
}
