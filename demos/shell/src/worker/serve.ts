import * as tf from '@tensorflow/tfjs';
import { onlyLiveKnobsChanged } from '../knobs';
import { AUTOSAVE_SLOT, type Command, type Knobs, type Logs, type Status, type View, type WorkerEvent } from '../protocol';
import { pickBackend } from './backend';
import { listSlots, loadSlot, removeSlot, saveSlot } from './checkpoints';
import { loseDevice, watchDeviceLoss } from './device-loss';
import { Every } from './every';
import { trainerContext, type Restored } from '../kit/context';
import type { BatchStream } from '../kit/batch-stream';
import { holdLifeline } from './lifeline';
import { modelFiles } from './export';
import { setQualitySamples } from './mnist-quality';
import type { Trainer, WorkerDemo } from './types';
import { messageOf, nextTask, type WorkerScope } from './scope';

export type { WorkerScope } from './scope';

/** How often, at most, the worker posts state and logs while training. */
const POST_INTERVAL_MS = 100;
/** Steps/sec is measured over this many recent steps. */
const RATE_WINDOW = 20;
/** How long an error on a GPU backend waits to be explained by a lost device. */
const DEVICE_LOSS_GRACE_MS = 500;
/** Autosave period when the page names none. */
const DEFAULT_AUTOSAVE_SECONDS = 30;
/** Sample-quality period when the page names none. */
const DEFAULT_QUALITY_SECONDS = 60;

/**
 * Runs a demo in this worker: waits for `init`, picks the backend, then trains
 * one step at a time, handling the page's commands between steps.
 *
 * @example serveDemo(mnistDemo) // in the demo's worker.ts
 */
export function serveDemo<K extends Knobs>(demo: WorkerDemo<K>, scope: WorkerScope = self as unknown as WorkerScope): void {
  new DemoWorker(demo, scope).start();
}

/** One actor: commands and training steps run one at a time, never interleaved. */
class DemoWorker<K extends Knobs> {
  private status: Status = 'loading';
  private message = 'Starting…';
  private trainer: Trainer | null = null;
  /** The trainer's batch stream, whose position every save records. */
  private batches: () => BatchStream | null = () => null;
  private knobs: K | null = null;
  private initialized = false;
  /** tf.memory() before a backend is chosen would start the highest-priority one. */
  private backendReady = false;
  private readonly inbox: Command[] = [];
  private wake: (() => void) | null = null;
  private logBuffer: { step: number; logs: Record<string, Logs> }[] = [];
  private stepTimes: number[] = [];
  private lastPost = 0;
  private lastViewStep = -1;
  private readonly autosaves = new Every(DEFAULT_AUTOSAVE_SECONDS);
  private readonly qualityChecks = new Every(DEFAULT_QUALITY_SECONDS);
  /** Set when the GPU context is lost: nothing this worker computes can be trusted any more. */
  private lost = false;

  constructor(
    private readonly demo: WorkerDemo<K>,
    private readonly scope: WorkerScope,
  ) {}

  start(): void {
    this.scope.addEventListener('message', (e) => {
      this.inbox.push(e.data as Command);
      this.wake?.();
    });
    // Nothing may escape unreported: the page shows these and sets data-status=error.
    this.scope.addEventListener('unhandledrejection', (e) => {
      e.preventDefault();
      this.fail((e as PromiseRejectionEvent).reason);
    });
    this.scope.addEventListener('error', (e) => {
      e.preventDefault();
      this.fail((e as ErrorEvent).error ?? (e as ErrorEvent).message);
    });
    // The page learns of a closed or killed worker through this lock (page/connection.ts).
    void holdLifeline().then((lock) => this.post({ type: 'alive', lock }));
    // Fault injection for the e2e tests, reachable with Playwright's worker.evaluate.
    (globalThis as { gandlfShell?: unknown }).gandlfShell = { loseDevice };
    void this.loop();
  }

  private async loop(): Promise<void> {
    while (!this.lost) {
      try {
        while (this.inbox.length && !this.lost) await this.handle(this.inbox.shift()!);
        if (this.lost) return;
        if (this.status === 'training' && this.trainer) {
          await this.trainStep();
          await nextTask();
        } else if (!this.inbox.length) {
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = null;
        }
      } catch (e) {
        this.fail(e);
      }
    }
  }

  private post(event: WorkerEvent, transfer: Transferable[] = []): void {
    this.scope.postMessage(event, transfer);
  }

  private get step(): number {
    return this.trainer?.runs[0]?.model.step ?? 0;
  }

  private setStatus(status: Status, message: string): void {
    this.status = status;
    this.message = message;
    this.postState(true);
  }

  private postState(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.lastPost < POST_INTERVAL_MS) return;
    this.lastPost = now;
    if (this.logBuffer.length) {
      this.post({ type: 'logs', entries: this.logBuffer });
      this.logBuffer = [];
    }
    const t = this.stepTimes;
    const stepsPerSec = t.length > 1 ? ((t.length - 1) * 1000) / (t[t.length - 1]! - t[0]!) : 0;
    this.post({ type: 'state', status: this.status, step: this.step, stepsPerSec, message: this.message, tensors: this.backendReady ? tf.memory().numTensors : 0 });
  }

  private fail(e: unknown): void {
    // After a lost context, errors are its echoes; the page is already restoring the run.
    if (this.lost) return console.warn(e);
    this.status = 'error';
    // A lost GPU device fails pending reads a moment before it reports the loss: wait for it.
    const gpu = this.backendReady && (tf.getBackend() === 'webgl' || tf.getBackend() === 'webgpu');
    if (gpu) setTimeout(() => this.report(e), DEVICE_LOSS_GRACE_MS);
    else this.report(e);
  }

  private report(e: unknown): void {
    if (this.lost) return console.warn(e);
    const message = messageOf(e);
    console.error(e);
    this.status = 'error';
    this.message = message;
    this.post({ type: 'error', message, fatal: true });
    this.postState(true);
  }

  private async handle(cmd: Command): Promise<void> {
    switch (cmd.type) {
      case 'init':
        return this.init(cmd);
      case 'pause':
        if (this.status !== 'training') return;
        // Draw before reporting 'paused', so the page's grid is the paused weights' grid.
        await this.drawView();
        return this.setStatus('paused', `Paused at step ${this.step}.`);
      case 'resume':
        if (this.status === 'paused' && this.trainer) this.setStatus('training', 'Training…');
        return;
      case 'reset':
        if (this.knobs) await this.rebuild(this.knobs, undefined, 'training');
        return;
      case 'setKnobs':
        // Live knobs only (KnobSpec.live): the trainer holds this.knobs and re-reads them; redraw, keep training.
        if (this.trainer && this.knobs && onlyLiveKnobsChanged(this.demo.info.knobs, this.knobs, cmd.knobs)) {
          Object.assign(this.knobs, cmd.knobs);
          return this.drawView();
        }
        return this.rebuild(cmd.knobs as K, undefined, 'training');
      case 'save':
        return this.recoverable(() => this.save());
      case 'load':
        return this.recoverable(() => this.load(cmd.slot));
      case 'list':
        return this.recoverable(() => this.postCheckpoints());
      case 'remove':
        return this.recoverable(async () => {
          await removeSlot(this.demo.info.id, cmd.slot);
          await this.postCheckpoints();
        });
      case 'exportGenerator':
        return this.recoverable(() => this.exportGenerators());
      case 'measureQuality':
        // Always answered, so the asker need not know which demos measure quality.
        if (this.trainer?.quality) return this.measureQuality(this.trainer);
        return this.post({ type: 'quality', step: this.step, values: {} });
      case 'files':
        return this.recoverable(() => this.input(cmd.files));
    }
  }

  /**
   * Runs a command whose failure need not stop training (a full quota, a
   * missing checkpoint): reports it and goes back to the previous status,
   * unless the trainer was lost on the way.
   */
  private async recoverable(run: () => Promise<void>): Promise<void> {
    const { status, message } = this;
    try {
      await run();
    } catch (e) {
      const text = messageOf(e);
      console.warn(e);
      this.post({ type: 'error', message: text, fatal: !this.trainer });
      this.status = this.trainer ? status : 'error';
      this.message = this.trainer ? `${text} ${message}` : text;
      this.postState(true);
    }
  }

  private async init(cmd: Extract<Command, { type: 'init' }>): Promise<void> {
    if (this.initialized) return;
    this.initialized = true;
    this.autosaves.set(cmd.autosaveSeconds ?? DEFAULT_AUTOSAVE_SECONDS);
    this.qualityChecks.set(cmd.qualitySeconds ?? DEFAULT_QUALITY_SECONDS);
    if (cmd.qualitySamples !== undefined) setQualitySamples(cmd.qualitySamples);
    this.setStatus('loading', 'Starting a tfjs backend…');
    const pick = await pickBackend(cmd.backend);
    this.backendReady = true;
    watchDeviceLoss((message) => this.deviceLost(pick.backend, message));
    this.post({ type: 'backend', backend: pick.backend, notes: pick.notes, detail: pick.detail });
    await this.postCheckpoints();
    if (cmd.resume) return this.restore(cmd.resume, cmd.knobs as K);
    await this.rebuild(cmd.knobs as K, undefined, 'training');
  }

  /** Picks up a run after a crash or a lost context: loads `slot` and trains on from it. */
  private async restore(slot: string, fallback: K): Promise<void> {
    this.setStatus('loading', `Restoring '${slot}'…`);
    try {
      const { models, knobs, batches } = await loadSlot(this.demo.info.id, slot, []);
      await this.rebuild((knobs ?? fallback) as K, { models, batches }, 'training');
    } catch (e) {
      // Better a fresh run than none: say so, and train.
      this.post({ type: 'error', message: `Could not restore '${slot}' (${messageOf(e)}); training starts from scratch.`, fatal: false });
      return this.rebuild(fallback, undefined, 'training');
    }
    this.post({ type: 'restored', slot, step: this.step });
    this.setStatus('training', `Restored '${slot}' at step ${this.step}; training goes on.`);
  }

  /** The context and every tensor on it are gone: stop, and let the page restore the run in a fresh worker. */
  private deviceLost(backend: string, message: string): void {
    if (this.lost) return;
    this.lost = true;
    this.status = 'error';
    this.message = message;
    this.post({ type: 'deviceLost', backend, step: this.step, message });
    this.wake?.();
  }

  /** Builds a new trainer (fresh, or around restored models) and ends in `status`. */
  private async rebuild(knobs: K, restored: Restored | undefined, status: Status): Promise<void> {
    this.setStatus('loading', 'Building the models…');
    this.trainer?.dispose();
    this.trainer = null;
    this.knobs = knobs;
    this.post({ type: 'knobs', knobs });
    const progress = (message: string) => {
      this.message = message;
      this.postState(true);
    };
    const { context, stream } = trainerContext(restored, progress);
    this.batches = stream;
    this.trainer = await this.demo.create(knobs, context);
    this.post({ type: 'runs', runs: this.trainer.runs.map(({ key, label }) => ({ key, label })), quality: !!this.trainer.quality });
    this.logBuffer = [];
    this.stepTimes = [];
    this.autosaves.restart();
    this.qualityChecks.restart();
    await this.drawView();
    this.setStatus(status, status === 'training' ? 'Training…' : `Paused at step ${this.step}.`);
  }

  private async trainStep(): Promise<void> {
    const trainer = this.trainer!;
    const logs = await trainer.step();
    if (this.lost) return;
    const step = this.step;
    this.stepTimes.push(performance.now());
    if (this.stepTimes.length > RATE_WINDOW) this.stepTimes.shift();
    this.logBuffer.push({ step, logs });
    const bad = Object.entries(logs).find(([, l]) => Object.values(l).some((v) => !Number.isFinite(v)));
    if (bad) {
      const message = `Run '${bad[0]}' produced non-finite losses at step ${step}; training is paused. Lower the learning rates, or reset.`;
      this.post({ type: 'error', message, fatal: false });
      await this.drawView();
      return this.setStatus('paused', message);
    }
    const every = Number(this.knobs?.sampleEvery ?? 10);
    if (step - this.lastViewStep >= every) await this.drawView();
    if (this.autosaves.due) await this.autosave();
    if (trainer.quality && this.qualityChecks.due) await this.measureQuality(trainer);
    this.postState(false);
  }

  /** Scores the samples between two steps (periodically, or on `measureQuality`); a failure warns once and turns the metrics off. */
  private async measureQuality(trainer: Trainer): Promise<void> {
    try {
      const values = await trainer.quality!();
      this.post({ type: 'quality', step: this.step, values });
    } catch (e) {
      if (this.lost) return;
      this.qualityChecks.set(0);
      this.post({ type: 'error', message: `Sample-quality metrics failed and are off: ${messageOf(e)}. Training goes on.`, fatal: false });
    }
    this.qualityChecks.restart();
  }

  /** Saves every run to AUTOSAVE_SLOT; a failure (a full quota) warns and training goes on. */
  private async autosave(): Promise<void> {
    this.autosaves.restart();
    try {
      await saveSlot(this.demo.info.id, AUTOSAVE_SLOT, this.trainer!.runs, this.knobs!, this.batches()?.state());
    } catch (e) {
      if (this.lost) return;
      this.post({ type: 'error', message: `Autosave failed: ${messageOf(e)}. Training goes on; save a checkpoint by hand or free some storage.`, fatal: false });
      return;
    }
    this.post({ type: 'autosaved', slot: AUTOSAVE_SLOT, step: this.step });
    await this.postCheckpoints();
  }

  private async drawView(): Promise<void> {
    if (!this.trainer) return;
    const view: View = await this.trainer.view();
    this.lastViewStep = this.step;
    // Only image pixels are fresh per view; points views may reuse cached arrays, so they are copied.
    this.post({ type: 'view', step: this.step, view }, view.kind === 'image' ? [view.pixels.buffer as ArrayBuffer] : []);
  }

  private async postCheckpoints(): Promise<void> {
    this.post({ type: 'checkpoints', slots: await listSlots(this.demo.info.id) });
  }

  private async save(): Promise<void> {
    const trainer = this.requireTrainer('save');
    const preset = String(this.knobs?.preset ?? 'run');
    const slot = `${preset}-step${this.step}`;
    const before = this.message;
    this.message = `Saving '${slot}'…`;
    this.postState(true);
    // Draw first, so the grid on screen is the one the saved weights produce.
    await this.drawView();
    await saveSlot(this.demo.info.id, slot, trainer.runs, this.knobs!, this.batches()?.state());
    this.post({ type: 'saved', slot, step: this.step });
    this.message = this.status === 'paused' ? `Saved '${slot}'. ${before}` : `Saved '${slot}'.`;
    await this.postCheckpoints();
    this.postState(true);
  }

  private async load(slot: string): Promise<void> {
    this.setStatus('loading', `Loading '${slot}'…`);
    const keys = this.trainer?.runs.map((r) => r.key) ?? [];
    const { models, knobs, batches } = await loadSlot(this.demo.info.id, slot, keys);
    // A loaded run waits paused, showing exactly the saved generator's samples.
    await this.rebuild((knobs ?? this.knobs!) as K, { models, batches }, 'paused');
    this.message = `Loaded '${slot}' (step ${this.step}); press Resume to continue.`;
    this.post({ type: 'loaded', slot });
    this.postState(true);
  }

  private async exportGenerators(): Promise<void> {
    const trainer = this.requireTrainer('export');
    const files = [];
    for (const run of trainer.runs) {
      const generator = run.generator ?? ('generator' in run.model ? run.model.generator : undefined);
      if (!generator) throw new Error(`Run '${run.key}' names no generator to export.`);
      files.push(...(await modelFiles(generator, `${this.demo.info.id}-${run.key}-generator-step${this.step}`)));
    }
    this.post(
      { type: 'files', files },
      files.flatMap((f) => (f.data instanceof ArrayBuffer ? [f.data] : [])),
    );
  }

  /** Hands dropped or picked files to the trainer; bad files raise a warning and training goes on. */
  private async input(files: readonly File[]): Promise<void> {
    const trainer = this.trainer;
    if (!trainer) {
      // Files dropped while the model is being built: not a reason to stop.
      this.post({ type: 'error', message: 'The model is still being built: drop the files again once training has started.', fatal: false });
      return;
    }
    if (!trainer.input) throw new Error(`The ${this.demo.info.title} demo takes no files.`);
    const line = await trainer.input(files);
    this.message = this.status === 'training' ? line : `${line} ${this.message}`;
    await this.drawView();
    this.postState(true);
  }

  private requireTrainer(what: string): Trainer {
    if (!this.trainer) throw new Error(`Nothing to ${what}: no model is built yet (status ${this.status}).`);
    return this.trainer;
  }
}
