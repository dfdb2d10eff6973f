// "Training here runs on WebGL (…)": the backend the demos' workers would pick
// in this browser, found by backend-worker.ts before the user opens a demo.
import { BACKEND_LABELS } from '@gandlf/demo-shell/protocol';
import type { BackendPick } from '@gandlf/demo-shell/worker';

/** What the worker posts: its pick, or why no backend could start. */
export type BackendReport = Pick<BackendPick, 'backend' | 'notes' | 'detail'> | { readonly error: string };

/** The sentence the page shows for a report. */
export function describeBackend(report: BackendReport): string {
  if ('error' in report) return `No tfjs backend can start in this browser, so the demos cannot train here (${report.error}).`;
  const { backend, notes, detail } = report;
  const reason = notes.length ? notes.join('; ') : 'the first backend the demos try';
  return `Training here runs on ${BACKEND_LABELS[backend as keyof typeof BACKEND_LABELS] ?? backend} (${reason}).${detail ? ` Device: ${detail}.` : ''}`;
}

/** Options of `showBackend`. */
export interface ShowBackendOptions {
  /**
   * Starts the worker that picks the backend (tests pass a fake).
   * @default a module worker running backend-worker.ts
   */
  createWorker?: () => Worker;
  /**
   * Gets `data-backend` (`webgl`, …, or `none`), `data-backend-notes` and `data-backend-detail` once known.
   * @default document.body
   */
  body?: HTMLElement;
}

/**
 * Shows in `line` which backend this browser trains on. The choice runs in a
 * worker, as in the demos, so the page stays responsive while WebGL compiles
 * the probe's shaders. Returns a controller whose `done` resolves to the report.
 */
export function showBackend(line: HTMLElement, options: ShowBackendOptions = {}): { done: Promise<BackendReport>; stop(): void } {
  const { createWorker = () => new Worker(new URL('./backend-worker.ts', import.meta.url), { type: 'module' }), body = document.body } = options;
  line.textContent = 'Finding the backend this browser trains on…';
  const worker = createWorker();
  const stop = () => worker.terminate();
  const done = new Promise<BackendReport>((resolve) => {
    worker.onmessage = (event: MessageEvent<BackendReport>) => resolve(event.data);
    worker.onerror = (event) => resolve({ error: event.message || 'the backend worker failed to load' });
  }).then((report) => {
    stop();
    line.textContent = describeBackend(report);
    body.dataset.backend = 'error' in report ? 'none' : report.backend;
    body.dataset.backendNotes = 'error' in report ? report.error : report.notes.join('; ');
    body.dataset.backendDetail = 'error' in report ? '' : report.detail;
    return report;
  });
  return { done, stop };
}
