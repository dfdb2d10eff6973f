// The top of a demo page: the status bar, and the error and warning banners.
import type { WorkerEvent } from '../protocol';

type Event<T extends WorkerEvent['type']> = Extract<WorkerEvent, { type: T }>;

/** Steps per second as the bar shows them: a DCGAN on a slow backend makes well under one step a second. */
export function formatRate(stepsPerSec: number): string {
  return stepsPerSec >= 1 || stepsPerSec === 0 ? stepsPerSec.toFixed(1) : stepsPerSec.toPrecision(2);
}

/** A quality measurement as one line: `at step 40: modes 8, reverseKL 0.123`. */
export function formatQuality(step: number, values: Readonly<Record<string, number>>): string {
  return `at step ${step}: ${Object.entries(values)
    .map(([k, v]) => `${k} ${Number.isInteger(v) ? v : v.toPrecision(3)}`)
    .join(', ')}`;
}

/**
 * What the worker is doing, shown in the status bar and exposed on `<body>`
 * (`data-status`, `data-step`, `data-backend`, ...), and the banners.
 */
export class StatusBar {
  /**
   * @param el The page's element of a `data-role`.
   * @param expose Sets `data-<key>` on `<body>`.
   */
  constructor(
    private readonly el: (role: string) => HTMLElement,
    private readonly expose: (key: string, value: string | number) => void,
  ) {
    el('warning').addEventListener('click', () => (el('warning').hidden = true));
  }

  backend(event: Event<'backend'>): void {
    const { el, expose } = this;
    expose('backend', event.backend);
    expose('backendNotes', event.notes.join('; '));
    expose('backendDetail', event.detail);
    el('backend').textContent = event.backend;
    el('backend').title = event.detail ? `runs on ${event.detail}` : '';
    el('notes').textContent = [event.detail && `on ${event.detail}`, event.notes.length ? `(${event.notes.join('; ')})` : ''].filter((t) => t).join(' ');
    if (event.preset) {
      expose('presetWhy', `${event.preset.name}: ${event.preset.why}`);
      el('preset-why').textContent = `Preset ${event.preset.name} for ${event.backend}: ${event.preset.why}`;
      el('preset-why').hidden = false;
    }
  }

  state(event: Event<'state'>): void {
    const { el, expose } = this;
    expose('status', event.status);
    expose('step', event.step);
    expose('stepsPerSec', event.stepsPerSec.toFixed(2));
    expose('tensors', event.tensors);
    el('status').textContent = event.status;
    el('status').className = `pill ${event.status}`;
    el('step-count').textContent = String(event.step);
    el('rate').textContent = formatRate(event.stepsPerSec);
    el('message').textContent = event.message;
    if (event.status === 'error') this.error(event.message);
  }

  /** A quality measurement with values (the page counts them in `data-quality-count`). */
  quality(event: Event<'quality'>, count: number): void {
    this.expose('quality', JSON.stringify({ step: event.step, ...event.values }));
    this.expose('qualityCount', count);
    this.el('quality').textContent = formatQuality(event.step, event.values);
  }

  /** The error banner; the status turns to error. */
  error(message: string): void {
    const { el, expose } = this;
    expose('status', 'error');
    expose('error', message);
    el('status').textContent = 'error';
    el('status').className = 'pill error';
    el('error-text').textContent = message;
    el('error').hidden = false;
  }

  /** A dismissible warning; training goes on. */
  warning(message: string): void {
    this.expose('warning', message);
    this.el('warning').textContent = `${message} (click to dismiss)`;
    this.el('warning').hidden = false;
  }
}
