import type { BatchStream } from '../kit/batch-stream';
import type { Restored } from '../kit/context';
import { AUTOSAVE_SLOT, type Command, type Knobs, type Status, type WorkerEvent } from '../protocol';
import { listSlots, loadSlot, removeSlot, saveSlot } from './checkpoints';
import type { Every } from './every';
import { modelFiles } from './export';
import { messageOf } from './scope';
import type { Trainer, WorkerDemo } from './types';

// The checkpoint commands of the worker (serve.ts): save, load, list, remove,
// export, the autosave and the restore after a crash. They run between steps,
// through the parts of the worker they need (SaveHost).

/** The parts of the worker the checkpoint commands read and drive. */
export interface SaveHost {
  readonly demo: WorkerDemo;
  readonly trainer: Trainer | null;
  readonly knobs: Knobs | null;
  readonly status: Status;
  /** The first run's step. */
  readonly step: number;
  /** Set once the GPU context is lost: failures after it are its echoes. */
  readonly lost: boolean;
  /** The status bar's line. */
  message: string;
  /** The trainer's batch stream, whose position every save records. */
  batches(): BatchStream | null;
  post(event: WorkerEvent, transfer?: Transferable[]): void;
  postState(force: boolean): void;
  setStatus(status: Status, message: string): void;
  drawView(): Promise<void>;
  /** Builds a new trainer (fresh, or around restored models) and ends in `status`. */
  rebuild(knobs: Knobs, restored: Restored | undefined, status: Status): Promise<void>;
}

/** The commands this module answers. */
export type SaveCommand = Extract<Command, { type: 'save' | 'load' | 'list' | 'remove' | 'exportGenerator' }>;

/** Runs one checkpoint command; failures throw, for the worker to report (they need not stop training). */
export async function saveCommand(host: SaveHost, cmd: SaveCommand): Promise<void> {
  switch (cmd.type) {
    case 'save':
      return save(host);
    case 'load':
      return load(host, cmd.slot);
    case 'list':
      return postCheckpoints(host);
    case 'remove':
      await removeSlot(host.demo.info.id, cmd.slot);
      return postCheckpoints(host);
    case 'exportGenerator':
      return exportGenerators(host);
  }
}

/** Posts the slots saved for this demo. */
export async function postCheckpoints(host: SaveHost): Promise<void> {
  host.post({ type: 'checkpoints', slots: await listSlots(host.demo.info.id) });
}

/** Picks up a run after a crash or a lost context: loads `slot` and trains on from it. */
export async function restore(host: SaveHost, slot: string, fallback: Knobs): Promise<void> {
  host.setStatus('loading', `Restoring '${slot}'…`);
  try {
    const { models, knobs, batches } = await loadSlot(host.demo.info.id, slot, []);
    await host.rebuild(knobs ?? fallback, { models, batches }, 'training');
  } catch (e) {
    // Better a fresh run than none: say so, and train.
    host.post({ type: 'error', message: `Could not restore '${slot}' (${messageOf(e)}); training starts from scratch.`, fatal: false });
    return host.rebuild(fallback, undefined, 'training');
  }
  host.post({ type: 'restored', slot, step: host.step });
  host.setStatus('training', `Restored '${slot}' at step ${host.step}; training goes on.`);
}

/** Saves every run to AUTOSAVE_SLOT and restarts `period`; a failure (a full quota) warns and training goes on. */
export async function autosave(host: SaveHost, period: Every): Promise<void> {
  period.restart();
  try {
    await saveSlot(host.demo.info.id, AUTOSAVE_SLOT, requireTrainer(host, 'autosave').runs, host.knobs!, host.batches()?.state());
  } catch (e) {
    if (host.lost) return;
    host.post({ type: 'error', message: `Autosave failed: ${messageOf(e)}. Training goes on; save a checkpoint by hand or free some storage.`, fatal: false });
    return;
  }
  host.post({ type: 'autosaved', slot: AUTOSAVE_SLOT, step: host.step });
  await postCheckpoints(host);
}

async function save(host: SaveHost): Promise<void> {
  const trainer = requireTrainer(host, 'save');
  const preset = String(host.knobs?.preset ?? 'run');
  const slot = `${preset}-step${host.step}`;
  const before = host.message;
  host.message = `Saving '${slot}'…`;
  host.postState(true);
  // Draw first, so the grid on screen is the one the saved weights produce.
  await host.drawView();
  await saveSlot(host.demo.info.id, slot, trainer.runs, host.knobs!, host.batches()?.state());
  host.post({ type: 'saved', slot, step: host.step });
  host.message = host.status === 'paused' ? `Saved '${slot}'. ${before}` : `Saved '${slot}'.`;
  await postCheckpoints(host);
  host.postState(true);
}

async function load(host: SaveHost, slot: string): Promise<void> {
  host.setStatus('loading', `Loading '${slot}'…`);
  const keys = host.trainer?.runs.map((r) => r.key) ?? [];
  const { models, knobs, batches } = await loadSlot(host.demo.info.id, slot, keys);
  // A loaded run waits paused, showing exactly the saved generator's samples (and posting its weights' fingerprints).
  await host.rebuild(knobs ?? host.knobs!, { models, batches }, 'paused');
  host.message = `Loaded '${slot}' (step ${host.step}); press Resume to continue.`;
  host.post({ type: 'loaded', slot });
  host.postState(true);
}

async function exportGenerators(host: SaveHost): Promise<void> {
  const trainer = requireTrainer(host, 'export');
  const files = [];
  for (const run of trainer.runs) {
    const generator = run.generator ?? ('generator' in run.model ? run.model.generator : undefined);
    if (!generator) throw new Error(`Run '${run.key}' names no generator to export.`);
    files.push(...(await modelFiles(generator, `${host.demo.info.id}-${run.key}-generator-step${host.step}`)));
  }
  host.post(
    { type: 'files', files },
    files.flatMap((f) => (f.data instanceof ArrayBuffer ? [f.data] : [])),
  );
}

function requireTrainer(host: SaveHost, what: string): Trainer {
  if (!host.trainer) throw new Error(`Nothing to ${what}: no model is built yet (status ${host.status}).`);
  return host.trainer;
}
