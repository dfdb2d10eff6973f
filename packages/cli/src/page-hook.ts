// The CLI's window on a demo page, installed before the page's own scripts
// (Playwright's addInitScript): it wraps `Worker`, so every message between
// the page and its training worker is seen here too, without any change to the
// demo or its shell. It keeps the full history (the page's chart keeps only
// what it draws), the views at the steps the CLI wants grids of, and it can
// send the worker commands (pause, save) the way the page's buttons do, and
// `measureQuality`, which the CLI alone sends.
// This function is serialized into the page: it may use nothing from outside.

/** What the hook records, on `window.__gandlfCli`. */
export interface HookState {
  history: { step: number; logs: Record<string, Record<string, number>> }[];
  /** Views kept for grids: the first at or after each multiple of `gridEvery`, and the last one. */
  grids: { step: number; view: unknown }[];
  lastView: { step: number; view: unknown } | null;
  status: string;
  step: number;
  stepsPerSec: number;
  tensors: number;
  backend: { backend: string; notes: string[]; detail: string } | null;
  saved: string | null;
  /** Every `quality` event: periodic ones while training, and the answers to `measureQuality` (`values` `{}`: the demo measures none). */
  quality: { step: number; values: Record<string, number> }[];
  /** Non-fatal errors the worker reported (e.g. a failed quality measurement), in order. */
  warnings: string[];
  error: string | null;
  /** performance.now() when the first and the latest logs arrived, and their steps. */
  firstLog: { t: number; step: number } | null;
  lastLog: { t: number; step: number } | null;
  send(command: unknown): void;
}

/** What the hook is told: knobs to override in `init`, when to pause, how often to keep a grid. */
export interface HookOptions {
  overrides: Record<string, string | number>;
  stopAt: number;
  gridEvery: number;
}

export function installPageHook({ overrides, stopAt, gridEvery }: HookOptions): void {
  type Event = { type: string; [key: string]: unknown };
  let worker: Worker | null = null;
  let nextGrid = gridEvery > 0 ? gridEvery : Infinity;
  let pauseSent = false;
  const state: HookState = {
    history: [],
    grids: [],
    lastView: null,
    status: 'loading',
    step: 0,
    stepsPerSec: 0,
    tensors: 0,
    backend: null,
    saved: null,
    quality: [],
    warnings: [],
    error: null,
    firstLog: null,
    lastLog: null,
    send: (command) => worker?.postMessage(command),
  };
  (window as unknown as { __gandlfCli: HookState }).__gandlfCli = state;
  const Native = window.Worker;
  const onEvent = (ev: Event) => {
    switch (ev.type) {
      case 'logs': {
        const entries = ev.entries as HookState['history'];
        state.history.push(...entries);
        const last = entries[entries.length - 1];
        if (last) {
          const now = { t: performance.now(), step: last.step };
          state.firstLog ??= now;
          state.lastLog = now;
          // Paused as soon as the step is seen: the worker handles commands between steps.
          if (last.step >= stopAt && !pauseSent) {
            pauseSent = true;
            worker?.postMessage({ type: 'pause' });
          }
        }
        return;
      }
      case 'view': {
        const v = { step: ev.step as number, view: ev.view };
        state.lastView = v;
        if (v.step >= nextGrid && v.step < stopAt) {
          state.grids.push(v);
          while (nextGrid <= v.step) nextGrid += gridEvery;
        }
        return;
      }
      case 'state':
        state.status = ev.status as string;
        state.step = ev.step as number;
        state.stepsPerSec = ev.stepsPerSec as number;
        state.tensors = ev.tensors as number;
        return;
      case 'backend':
        state.backend = { backend: ev.backend as string, notes: ev.notes as string[], detail: ev.detail as string };
        return;
      case 'saved':
        state.saved = ev.slot as string;
        return;
      case 'quality':
        state.quality.push({ step: ev.step as number, values: ev.values as Record<string, number> });
        return;
      case 'error':
        if (ev.fatal) state.error = ev.message as string;
        else state.warnings.push(ev.message as string);
        return;
    }
  };
  class HookedWorker extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- records the page's Worker so the hook can post to it, not a stand-in for `this` in a closure
      worker = this;
      this.addEventListener('message', (e: MessageEvent) => onEvent(e.data as Event));
    }
    override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
      const m = message as Event;
      const out = m && m.type === 'init' ? { ...m, knobs: { ...(m.knobs as object), ...overrides } } : message;
      super.postMessage(out, transfer as Transferable[]);
    }
  }
  window.Worker = HookedWorker;
}

/**
 * Replaces typed arrays in a value with `{ $typed, base64 }`, so it survives
 * Playwright's serialization (runs in the page). {@link revive} undoes it.
 */
export function packTyped(value: unknown): unknown {
  const seen = (v: unknown): unknown => {
    if (ArrayBuffer.isView(v)) {
      const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { $typed: v.constructor.name, base64: btoa(s) };
    }
    if (v instanceof ArrayBuffer) return seen(new Uint8Array(v));
    if (Array.isArray(v)) return v.map(seen);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, seen(x)]));
    return v;
  };
  return seen(value);
}

const TYPED: Record<string, new (buffer: ArrayBuffer) => ArrayBufferView> = {
  Float32Array,
  Int32Array,
  Uint8Array,
  Uint8ClampedArray,
  Uint16Array,
  Int16Array,
  Int8Array,
  Uint32Array,
  Float64Array,
};

/** The inverse of {@link packTyped}, in Node. */
export function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.$typed === 'string' && typeof o.base64 === 'string') {
      const bytes = Buffer.from(o.base64, 'base64');
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      const Ctor = TYPED[o.$typed];
      if (!Ctor) throw new Error(`Cannot revive a ${o.$typed} sent by the page.`);
      return new Ctor(buffer);
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, revive(x)]));
  }
  return value;
}
