import { describe, InvalidArgumentError } from '../errors';
import type { Callback, Logs } from './callbacks';

/** Where a progress bar is written: `process.stdout`, or anything with `write`. */
export interface ProgressStream {
  write(text: string): unknown;
  /** A terminal: the bar redraws in place. Otherwise only each epoch's line is written. */
  readonly isTTY?: boolean;
}

/** The globals the default stream is looked up on; tests pass their own. */
export interface ProgressGlobals {
  readonly process?: { readonly stdout?: ProgressStream };
}

/**
 * `process.stdout` when running in Node, else undefined. It is read from
 * `globals` when called, never at import, so a browser bundle does not touch
 * `process`.
 */
export function nodeStdout(globals: ProgressGlobals = globalThis as ProgressGlobals): ProgressStream | undefined {
  try {
    const out = globals.process?.stdout;
    return out && typeof out.write === 'function' ? out : undefined;
  } catch {
    return undefined; // a sandbox that throws on `process`: no stream
  }
}

/** `fit`'s default for `verbose`: on in Node when stdout is a terminal, off in a browser or when piped. */
export function defaultVerbose(globals?: ProgressGlobals): boolean {
  return nodeStdout(globals)?.isTTY === true;
}

/** Options of {@link progressBar}. */
export interface ProgressBarOptions {
  /** Shown as `Epoch i/epochs`: `fit`'s `epochs`. */
  epochs: number;
  /** Batches per epoch, shown as `step/steps`: `ceil(numSamples / batchSize)`. */
  steps: number;
  /** Where to write. @default process.stdout in Node; none in a browser, where nothing is written */
  stream?: ProgressStream;
  /** Characters between the brackets. @default 30, as Keras */
  width?: number;
  /** Least time between two redraws within an epoch, in ms: at most ~10 a second. @default 100 */
  interval?: number;
  /** The clock, in ms. @default performance.now */
  now?: () => number;
}

/**
 * Keras's `fit(verbose=1)` progress bar, as a callback. `fit({ verbose: 1 })`
 * adds it; this form is for writing to a stream of your own.
 *
 * ```text
 * Epoch 1/10
 * 12/50 [=====>........................] - ETA: 3s
 * 50/50 [==============================] - 4s 80ms/step - loss: 0.6931 - generator_loss: 0.7012
 * ```
 *
 * On a terminal the line redraws in place with `\r`; on any other stream only
 * each epoch's `Epoch i/n` and final line are written.
 *
 * It never makes `fit` read tensors back. Within an epoch it sees only the
 * batch index and the clock (`onBatchBegin` costs nothing), which give the
 * step and the ETA; the losses on each epoch's line are the epoch's means,
 * which `fit` reads back once an epoch anyway. Running losses within the
 * epoch, as Keras shows them, would need `onBatchEnd`, and that makes `fit`
 * read the losses back (a GPU sync) after every batch.
 *
 * @example await model.fit(x, y, { epochs: 10, callbacks: [callbacks.progressBar({ epochs: 10, steps: Math.ceil(n / 32), stream: process.stderr })] });
 *
 * @param epochs The epoch count shown.
 * @param steps Batches per epoch.
 * @param stream Where to write.
 */
export function progressBar({ epochs, steps, stream = nodeStdout(), width = 30, interval = 100, now = defaultNow }: ProgressBarOptions): Callback {
  const fn = 'progressBar';
  for (const [arg, v] of [
    ['epochs', epochs],
    ['steps', steps],
    ['width', width],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw new InvalidArgumentError(`Option '${arg}' passed to '${fn}' must be a positive integer. Received: ${arg}=${describe(v)}`);
    }
  }
  if (typeof interval !== 'number' || !(interval >= 0)) {
    throw new InvalidArgumentError(`Option 'interval' passed to '${fn}' must be a number of milliseconds >= 0. Received: interval=${describe(interval)}`);
  }
  if (stream !== undefined && typeof stream.write !== 'function') {
    throw new InvalidArgumentError(`Option 'stream' passed to '${fn}' must have a write(text) method. Received: stream=${describe(stream)}`);
  }
  const live = stream?.isTTY === true;
  let start = 0;
  let lastDraw = 0;
  let begun = 0; // batches begun this epoch
  let shown = 0; // length of the line on screen, to blank what a shorter one leaves

  const draw = (line: string, end: string) => {
    const pad = ' '.repeat(Math.max(0, shown - line.length));
    stream!.write(live ? `\r${line}${pad}${end}` : `${line}${end}`);
    shown = end ? 0 : line.length;
  };

  return {
    onEpochBegin(epoch: number) {
      if (!stream) return;
      stream.write(`Epoch ${epoch + 1}/${epochs}\n`);
      start = lastDraw = now();
      begun = 0;
      shown = 0;
    },
    onBatchBegin(batch: number) {
      begun = batch + 1;
      if (!live || batch === 0) return;
      const t = now();
      if (t - lastDraw < interval) return;
      lastDraw = t;
      const eta = ((t - start) / batch) * (steps - batch);
      draw(`${bar(batch, steps, width)} - ETA: ${formatEta(eta / 1000)}`, '');
    },
    onEpochEnd(_epoch: number, logs: Logs = {}) {
      if (!stream) return;
      const elapsed = (now() - start) / 1000;
      const values = Object.entries(logs)
        .map(([k, v]) => ` - ${k}: ${formatValue(v)}`)
        .join('');
      draw(`${bar(begun, steps, width)} - ${elapsed.toFixed(0)}s ${formatPerStep(elapsed / Math.max(begun, 1))}${values}`, '\n');
    },
  };
}

/** `12/50 [=====>........................]`, as Keras's `Progbar` draws it. */
function bar(current: number, target: number, width: number): string {
  const filled = Math.floor((width * current) / target);
  const head = filled > 0 ? '='.repeat(filled - 1) + (current < target ? '>' : '=') : '';
  return `${String(current).padStart(String(target).length)}/${target} [${head}${'.'.repeat(width - filled)}]`;
}

/** Seconds as Keras shows an ETA: `7s`, `2:05`, `1:02:05`. */
function formatEta(s: number): string {
  const two = (n: number) => String(Math.floor(n)).padStart(2, '0');
  if (s > 3600) return `${Math.floor(s / 3600)}:${two((s % 3600) / 60)}:${two(s % 60)}`;
  if (s > 60) return `${Math.floor(s / 60)}:${two(s % 60)}`;
  return `${Math.floor(s)}s`;
}

function formatPerStep(s: number): string {
  if (s >= 1) return `${s.toFixed(0)}s/step`;
  if (s >= 1e-3) return `${(s * 1e3).toFixed(0)}ms/step`;
  return `${(s * 1e6).toFixed(0)}us/step`;
}

/** Python's `'%.4f'` above 1e-3 in size, else `'%.4e'`, as Keras prints log values. */
function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Math.abs(v) > 1e-3) return v.toFixed(4);
  return v.toExponential(4).replace(/e([+-])(\d)$/, 'e$10$2');
}

function defaultNow(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
