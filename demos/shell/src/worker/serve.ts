import * as tf from '@tensorflow/tfjs';
import { onlyLiveKnobsChanged } from '../knobs';
import { SLOW_MOTION_MS, type Command, type Knobs, type Logs, type Status, type StepMoves, type View, type WorkerEvent } from '../protocol';
import { pickBackend } from './backend';
import { startingKnobs } from './backend-preset';
import { loseDevice, watchDeviceLoss } from './device-loss';
import { Every } from './every';
import { trainerContext, type Restored } from '../kit/context';
import type { BatchStream } from '../kit/batch-stream';
import { holdLifeline } from './lifeline';
import { setQualitySamples } from './mnist-quality';
import { fingerprints, playerNames, stepMoves, unknownPlayer } from './players';
import { autosave, postCheckpoints, restore, saveCommand, type SaveHost } from './saves';
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

/**
 * One actor: commands and training steps run one at a time, never interleaved.
 * The checkpoint commands (saves.ts) drive it through its public members.
 */
class DemoWorker<K extends Knobs> implements SaveHost {
  status: Status = 'loading';
  message = 'Starting…';
  trainer: Trainer | null = null;
  /** The trainer's batch stream, whose position every save records. */
  batches: () => BatchStream | null = () => null;
  knobs: K | null = null;
  private initialized = false;
  /** tf.memory() before a backend is chosen would start the highest-priority one. */
  private backendReady = false;
  private readonly inbox: Command[] = [];
  private wake: (() => void) | null = null;
  private logBuffer: { step: number; logs: Record<string, Logs>; moves: StepMoves }[] = [];
  private stepTimes: number[] = [];
  private lastPost = 0;
  private lastViewStep = -1;
  private readonly autosaves = new Every(DEFAULT_AUTOSAVE_SECONDS);
  private readonly qualityChecks = new Every(DEFAULT_QUALITY_SECONDS);
  /** Set when the GPU context is lost: nothing this worker computes can be trusted any more. */
  lost = false;
  /** `init.pauseAt`: the step at which training pauses by itself. */
  private pauseAt: number | undefined;
  /** Slow motion (`pace`): a view after every step, and SLOW_MOTION_MS between steps. */
  private slow = false;
  /** In slow motion, when the next step may start (performance.now()). */
  private nextStepAt = 0;

  constructor(
    readonly demo: WorkerDemo<K>,
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
          const wait = this.slow ? this.nextStepAt - performance.now() : 0;
          if (wait > 0) await this.idle(wait);
          else {
            await this.trainStep();
            this.nextStepAt = performance.now() + SLOW_MOTION_MS;
            await nextTask();
          }
        } else if (!this.inbox.length) {
          await this.idle();
        }
      } catch (e) {
        this.fail(e);
      }
    }
  }

  /** Waits for a command, or `ms` at most: a pause in slow motion takes effect at once. */
  private idle(ms?: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = ms === undefined ? undefined : setTimeout(done, ms);
      this.wake = done;
    });
  }

  post(event: WorkerEvent, transfer: Transferable[] = []): void {
    this.scope.postMessage(event, transfer);
  }

  get step(): number {
    return this.trainer?.runs[0]?.model.step ?? 0;
  }

  setStatus(status: Status, message: string): void {
    this.status = status;
    this.message = message;
    this.postState(true);
  }

  postState(force: boolean): void {
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
        return this.pause(`Paused at step ${this.step}.`);
      case 'resume':
        if (this.status === 'paused' && this.trainer) this.setStatus('training', this.trainingLine());
        return;
      case 'step':
        return this.manualStep(cmd.only);
      case 'pace':
        this.slow = cmd.slow;
        if (this.status === 'training') this.setStatus('training', this.trainingLine());
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
      case 'load':
      case 'list':
      case 'remove':
      case 'exportGenerator':
        return this.recoverable(() => saveCommand(this, cmd));
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
    this.pauseAt = cmd.pauseAt;
    this.setStatus('loading', 'Starting a tfjs backend…');
    const pick = await pickBackend(cmd.backend, cmd.threads);
    this.backendReady = true;
    watchDeviceLoss((message) => this.deviceLost(pick.backend, message));
    const start = startingKnobs(this.demo.info, pick.backend, cmd.knobs as K, !!cmd.defaultPreset && !cmd.resume);
    this.post({ type: 'backend', backend: pick.backend, notes: pick.notes, detail: pick.detail, ...(start.preset ? { preset: start.preset } : {}) });
    await postCheckpoints(this);
    if (cmd.resume) return restore(this, cmd.resume, cmd.knobs);
    await this.rebuild(start.knobs, undefined, 'training');
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
  async rebuild(knobs: K, restored: Restored | undefined, status: Status): Promise<void> {
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
    const { runs, quality } = this.trainer;
    this.post({ type: 'runs', runs: runs.map(({ key, label }) => ({ key, label })), quality: !!quality, players: runs[0] ? playerNames(runs[0].model) : [] });
    this.logBuffer = [];
    this.stepTimes = [];
    this.autosaves.restart();
    this.qualityChecks.restart();
    await this.drawView();
    this.setStatus(status, status === 'training' ? this.trainingLine() : `Paused at step ${this.step}.`);
    if (status === 'paused') await this.postWeights();
  }

  private trainingLine(): string {
    return this.slow ? 'Training in slow motion…' : 'Training…';
  }

  private async trainStep(): Promise<void> {
    const trainer = this.trainer!;
    const logs = await trainer.step();
    if (this.lost) return;
    const step = this.step;
    this.stepTimes.push(performance.now());
    if (this.stepTimes.length > RATE_WINDOW) this.stepTimes.shift();
    const bad = this.record(logs);
    if (bad) return this.pause(bad);
    if (step === this.pauseAt) return this.pause(`Paused at step ${step} (?pauseAt=${step}).`);
    const every = Number(this.knobs?.sampleEvery ?? 10);
    if (this.slow || step - this.lastViewStep >= every) await this.drawView();
    if (this.autosaves.due) await autosave(this, this.autosaves);
    if (trainer.quality && this.qualityChecks.due) await this.measureQuality(trainer);
    this.postState(false);
  }

  /** `step` while paused: one step of every run (of player `only` alone, when named), shown and fingerprinted; the run stays paused. */
  private async manualStep(only: string | undefined): Promise<void> {
    const trainer = this.trainer;
    if (this.status !== 'paused' || !trainer) {
      this.post({ type: 'error', message: `A single step runs only while paused: pause first. Received: step while ${this.status}.`, fatal: false });
      return;
    }
    const unknown = unknownPlayer(trainer.runs, only);
    if (unknown) {
      this.post({ type: 'error', message: unknown, fatal: false });
      return this.setStatus('paused', `${unknown} Paused at step ${this.step}.`);
    }
    const logs = await trainer.step(only);
    if (this.lost) return;
    const bad = this.record(logs);
    if (bad) return this.pause(bad);
    await this.drawView();
    await this.postWeights();
    this.setStatus('paused', `Paused at step ${this.step} (one ${only === undefined ? '' : `${only} `}step).`);
  }

  /** Buffers a step's logs and who moved in it; returns the message of the pause non-finite losses call for, if any. */
  private record(logs: Record<string, Logs>): string | undefined {
    const step = this.step;
    this.logBuffer.push({ step, logs, moves: stepMoves(this.trainer!.runs) });
    const bad = Object.entries(logs).find(([, l]) => Object.values(l).some((v) => !Number.isFinite(v)));
    if (!bad) return undefined;
    const message = `Run '${bad[0]}' produced non-finite losses at step ${step}; training is paused. Lower the learning rates, or reset.`;
    this.post({ type: 'error', message, fatal: false });
    return message;
  }

  /** Draws (so the page's grid is the paused weights' grid), reports 'paused', then posts the weights' fingerprints. */
  private async pause(message: string): Promise<void> {
    await this.drawView();
    this.setStatus('paused', message);
    await this.postWeights();
  }

  private async postWeights(): Promise<void> {
    if (!this.trainer) return;
    const runs = await fingerprints(this.trainer.runs);
    if (!this.lost) this.post({ type: 'weights', step: this.step, runs });
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

  async drawView(): Promise<void> {
    if (!this.trainer) return;
    const view: View = await this.trainer.view();
    this.lastViewStep = this.step;
    // Only image pixels are fresh per view; points views may reuse cached arrays, so they are copied.
    this.post({ type: 'view', step: this.step, view }, view.kind === 'image' ? [view.pixels.buffer as ArrayBuffer] : []);
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
}
