import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import * as tf from '@tensorflow/tfjs';
import type { Knobs, View } from '@gandlf/demo-shell/protocol';
import { AdversarialModel, Model } from 'gandlf';
import 'gandlf/node'; // file:// checkpoints
import { launchOptions } from '../../../e2e/support/browser';
import type { CliDemo } from './demos';
import { OutputWriter } from './outputs';
import { installPageHook, packTyped, revive, type HookState } from './page-hook';
import type { Progress } from './progress';
import { serveDemo } from './serve-demo';
import type { TrainerQuality } from './metrics';
import type { RunSummary } from './train-node';

/** What a browser training run needs. */
export interface BrowserRunOptions {
  readonly demo: CliDemo;
  readonly demoId: string;
  readonly presetName: string;
  readonly knobs: Knobs;
  readonly backend: 'webgl' | 'webgpu';
  readonly steps: number;
  readonly gridEvery: number;
  readonly out: string;
  readonly progress: Progress;
  /** Gives up when no step is made for this long. @default 600000 */
  readonly stallMs?: number;
  /** Gives up waiting for the page's quality measurement after this long. @default 300000 */
  readonly qualityMs?: number;
}

type Hooked = { __gandlfCli: HookState };

async function poll<T>(page: Page, read: (s: HookState) => T, done: (v: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await page.evaluate(read as (s: unknown) => T, undefined).catch(() => undefined as T);
    if (v !== undefined && done(v)) return v;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Reads `window.__gandlfCli` through `f` (which runs in the page). */
const hook = <T>(page: Page, f: (s: HookState) => T) => page.evaluate(`(${f.toString()})(window.__gandlfCli)`) as Promise<T>;

/**
 * Asks the paused page's worker to score its samples (`measureQuality`, the
 * trainer's own `quality()`) and waits for the answer: its values (`{}` when
 * the demo measures none), or the warning the worker posts when it fails.
 */
async function measureQuality(page: Page, timeoutMs: number): Promise<{ values: Record<string, number> } | { failed: string }> {
  const seen = await hook(page, (h) => ({ quality: h.quality.length, warnings: h.warnings.length }));
  await hook(page, (h) => h.send({ type: 'measureQuality' }));
  const answer = await poll(
    page,
    (() => {
      const h = (window as unknown as Hooked).__gandlfCli;
      return { quality: h.quality.slice(0), warnings: h.warnings.slice(0) };
    }) as () => Pick<HookState, 'quality' | 'warnings'>,
    (s) => s.quality.length > seen.quality || s.warnings.length > seen.warnings,
    timeoutMs,
    "the page's worker to answer measureQuality (the trainer's sample-quality score)",
  );
  const q = answer.quality[seen.quality];
  return q ? { values: q.values } : { failed: answer.warnings[seen.warnings]! };
}

/**
 * The checkpoints the page saved under `slot`, one per run, read from the page's
 * IndexedDB (gandlf keeps each in a generation entry a pointer names).
 */
async function savedArtifacts(page: Page, demoId: string, slot: string): Promise<Record<string, tf.io.ModelArtifacts>> {
  const packed = await page.evaluate(
    async ({ prefix, pack }) => {
      const packTyped = new Function(`return (${pack})`)() as (v: unknown) => unknown;
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('tensorflowjs');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const all = await new Promise<{ modelPath: string; modelArtifacts: unknown }[]>((ok, fail) => {
        const r = db.transaction('models_store', 'readonly').objectStore('models_store').getAll();
        r.onsuccess = () => ok(r.result as { modelPath: string; modelArtifacts: unknown }[]);
        r.onerror = () => fail(r.error);
      });
      db.close();
      return packTyped(all.filter((x) => x.modelPath.startsWith(prefix)));
    },
    { prefix: `${demoId}/${slot}/`, pack: packTyped.toString() },
  );
  const records = revive(packed) as { modelPath: string; modelArtifacts: tf.io.ModelArtifacts & { weightData?: unknown } }[];
  const byPath = new Map(records.map((r) => [r.modelPath, r.modelArtifacts]));
  const out: Record<string, tf.io.ModelArtifacts> = {};
  for (const [path, a] of byPath) {
    const pointer = (a.userDefinedMetadata as { gandlfPointer?: { target: string } } | undefined)?.gandlfPointer;
    if (!pointer) continue;
    const target = byPath.get(pointer.target.replace(/^indexeddb:\/\//, ''));
    if (!target) throw new Error(`The page's checkpoint ${path} points at ${pointer.target}, which is missing.`);
    const w = target.weightData;
    const weightData = ArrayBuffer.isView(w) ? (w.buffer.slice(w.byteOffset, w.byteOffset + w.byteLength) as ArrayBuffer) : (w as ArrayBuffer | undefined);
    out[path.slice(`${demoId}/${slot}/`.length)] = { ...target, ...(weightData ? { weightData } : {}) };
  }
  return out;
}

/**
 * Loads artifacts saved by `Model.save` or `AdversarialModel.save`, and saves
 * them again to `file://dir`. The demo's trainer module is imported first: it
 * registers the adversarial optimizers and layers its checkpoints name.
 */
async function resave(demo: CliDemo, artifacts: tf.io.ModelArtifacts, dir: string): Promise<void> {
  await demo.trainer();
  const handler: tf.io.IOHandler = { load: async () => artifacts };
  const model = await Model.load(handler).catch(() => AdversarialModel.load(handler));
  try {
    await model.save(`file://${dir}`, { metadata: (model instanceof Model ? model.adversarial : model).checkpointMetadata });
  } finally {
    model.dispose();
  }
}

/**
 * Trains a demo preset in headless Chromium on the demo's production build
 * (its page and worker as users get them), through a hook that sees the
 * page's worker messages (see page-hook.ts), and writes the same files as a
 * Node run: grids, history, metrics, and checkpoints, which the page saves to
 * IndexedDB and the CLI copies to `file://` folders.
 */
export async function trainBrowser(options: BrowserRunOptions): Promise<RunSummary> {
  const { demo, demoId, presetName, knobs, backend, steps, gridEvery, out, progress, stallMs = 600_000, qualityMs = 300_000 } = options;
  const writer = new OutputWriter(out);
  await writer.open();
  const build = await mkdtemp(join(tmpdir(), `gandlf-cli-${demo.dir}-`));
  progress.message(`Building demos/${demo.dir} for production…`);
  const server = await serveDemo(demo.dir, build);
  const browser = await chromium.launch({ headless: true, ...launchOptions(backend) });
  const files: string[] = [];
  try {
    const page = await browser.newPage();
    const console: string[] = [];
    page.on('console', (m) => m.type() === 'error' && console.push(m.text()));
    const overrides = Object.fromEntries(Object.entries(knobs).filter(([k, v]) => demo.info.presets[presetName]![k] !== v));
    await page.addInitScript(installPageHook, { overrides, stopAt: steps, gridEvery });
    await page.goto(`${server.url}?preset=${encodeURIComponent(presetName)}&backend=${backend}`);
    progress.message(`Page loaded; starting ${backend}…`);

    let seen = 0;
    let lastProgress = Date.now();
    for (;;) {
      const s = await hook(page, (h) => ({ status: h.status, error: h.error, rate: h.stepsPerSec, step: h.step, history: h.history.slice(0) }));
      if (s.error) throw new Error(`The page reported: ${s.error}`);
      const fresh = s.history.slice(seen).filter((e) => e.step <= steps);
      for (const e of fresh) progress.step(e.step, e.logs, s.rate);
      if (s.history.length > seen) lastProgress = Date.now();
      seen = s.history.length;
      if (s.status === 'paused') break;
      if (Date.now() - lastProgress > stallMs) throw new Error(`No training step for ${stallMs / 1000} s (status ${s.status}, step ${s.step}).`);
      await new Promise((r) => setTimeout(r, 250));
    }
    progress.done();

    const state = revive(await page.evaluate(`(${packTyped.toString()})(window.__gandlfCli)`)) as HookState;
    const trained = state.lastView!.step;
    for (const g of [...state.grids, state.lastView!]) files.push(await writer.grid(g.step, g.view as View));
    const { firstLog, lastLog } = state;
    const seconds = firstLog && lastLog && lastLog.step > firstLog.step ? (lastLog.t - firstLog.t) / 1000 : NaN;
    const stepsPerSec = firstLog && lastLog ? (lastLog.step - firstLog.step) / seconds : NaN;

    await hook(page, (h) => h.send({ type: 'save' }));
    await poll(page, (() => (window as unknown as Hooked).__gandlfCli.saved) as () => string | null, (v) => !!v, 120_000, 'the page to save its checkpoint');
    const slot = await hook(page, (h) => h.saved!);
    // Scored on the page, by the same code and backend as its live status bar, at the saved weights.
    progress.message('Asking the page to measure sample quality…');
    const measured = await measureQuality(page, qualityMs);
    tf.env().set('PROD', true); // no 'install tfjs-node' banner
    await tf.setBackend('cpu');
    for (const [run, artifacts] of Object.entries(await savedArtifacts(page, demoId, slot))) {
      const dir = resolve(out, 'checkpoint', run);
      await resave(demo, artifacts, dir);
      files.push(dir);
    }
    const summary = { backend: state.backend?.backend ?? backend, steps: trained, seconds, stepsPerSec, files };
    const quality: TrainerQuality = { ...('failed' in measured ? { values: {}, failed: measured.failed } : measured), runKeys: Object.keys(state.history[0]?.logs ?? {}) };
    await writer.finish(
      state.history,
      state.lastView!.view as View,
      {
        runtime: 'chromium',
        browser: browser.version(),
        device: state.backend?.detail ?? '',
        backendNotes: state.backend?.notes ?? [],
        requestedSteps: steps,
        note: 'The page is paused from outside once it reports step >= steps, so a run may go a few steps past them: history, grids and checkpoint are at the step reached.',
        knobs,
        tensors: state.tensors,
        consoleErrors: console,
        ...summary,
      },
      quality,
    );
    return summary;
  } finally {
    await browser.close();
    await server.close();
    await rm(build, { recursive: true, force: true });
  }
}
