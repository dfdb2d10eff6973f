import type { Logs } from '@gandlf/demo-shell/protocol';

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** Steps in the whole run. */
  total: number;
  /** Where progress goes. @default process.stderr */
  stream?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Redraw one bar in place (a terminal), or print a line now and then (a log). @default stream.isTTY */
  tty?: boolean;
  /** Lines printed in a whole run when not a TTY. @default 20 */
  lines?: number;
  /** The log keys shown, e.g. the demo's chart metrics. @default every key but `loss` */
  metrics?: readonly string[];
  /** The clock, in ms (replaceable in tests). @default performance.now */
  now?: () => number;
}

/** A progress display: `step` after every training step, `message` for anything else. */
export interface Progress {
  /** After each step; `stepsPerSec` when the caller measures it (e.g. the page's worker), else timed here. */
  step(step: number, logs: Readonly<Record<string, Logs>>, stepsPerSec?: number): void;
  message(text: string): void;
  /** Ends the bar (a newline on a TTY). */
  done(): void;
}

/** Steps/sec is measured over this many recent steps. */
const RATE_WINDOW = 20;

/** `gen 0.693 disc 1.386` for one run, `simultaneous gen 0.693 ... | alternating ...` for several. */
export function formatLosses(logs: Readonly<Record<string, Logs>>, metrics?: readonly string[]): string {
  const runs = Object.entries(logs);
  const short = (k: string) => k.replace('generator', 'g').replace('discriminator', 'd').replace('_loss', '');
  const one = (l: Logs) =>
    Object.entries(l)
      .filter(([k]) => (metrics ? metrics.includes(k) : k !== 'loss'))
      .map(([k, v]) => `${short(k)} ${v.toPrecision(3)}`)
      .join(' ');
  return runs.length === 1 ? one(runs[0]![1]) : runs.map(([key, l]) => `${key}: ${one(l)}`).join(' | ');
}

/**
 * Shows training progress: on a terminal, one bar redrawn in place with
 * steps/s and the latest losses; elsewhere (CI logs, pipes) a plain line
 * every `total / lines` steps.
 *
 * @example const p = createProgress({ total: 200 }); p.step(1, logs); p.done();
 */
export function createProgress({ total, stream = process.stderr, tty = !!stream.isTTY, lines = 20, metrics, now = () => performance.now() }: ProgressOptions): Progress {
  const times: number[] = [];
  const every = Math.max(1, Math.ceil(total / lines));
  let lastDraw = -Infinity;
  const rate = () => (times.length > 1 ? ((times.length - 1) * 1000) / (times[times.length - 1]! - times[0]!) : 0);
  return {
    step(step, logs, stepsPerSec) {
      const t = now();
      times.push(t);
      if (times.length > RATE_WINDOW) times.shift();
      const head = `step ${step}/${total}  ${(stepsPerSec ?? rate()).toFixed(2)} steps/s  ${formatLosses(logs, metrics)}`;
      if (tty) {
        // Redraw at most 10 times a second, and always on the last step.
        if (t - lastDraw < 100 && step < total) return;
        lastDraw = t;
        const width = 24;
        const filled = Math.round((width * step) / total);
        const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${head}`;
        stream.write(`\r\x1b[K${line.slice(0, (stream.columns ?? 200) - 1)}`);
      } else if (step % every === 0 || step === total || step === 1) {
        stream.write(`${head}\n`);
      }
    },
    message(text) {
      stream.write(tty ? `\r\x1b[K${text}\n` : `${text}\n`);
    },
    done() {
      if (tty) stream.write('\n');
    },
  };
}
