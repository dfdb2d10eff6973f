import { io } from 'gandlf';
import type { BatchStreamState } from '../kit/batch-stream';
import type { Knobs } from '../protocol';
import type { Run, RunModel } from './types';

// A demo's saves live in IndexedDB as one gandlf checkpoint per run under a
// slot: `indexeddb://${demo}/${slot}/${run}`. Each gandlf save is atomic, so a
// crash mid-save leaves the previous checkpoint of that run loadable.

const root = (demo: string) => `indexeddb://${demo}/`;

/** The URL of one run's checkpoint in a slot. */
export function slotUrl(demo: string, slot: string, run: string): string {
  return `${root(demo)}${slot}/${run}`;
}

/** Slot names saved for a demo, sorted. */
export async function listSlots(demo: string): Promise<string[]> {
  const urls = await io.listCheckpoints(root(demo));
  const slots = urls.map((u) => u.slice(root(demo).length).split('/')[0]!).filter((s) => s !== '');
  return [...new Set(slots)].sort();
}

/** Saves every run, with the knobs and the batch stream's position as metadata so a load can restore them. */
export async function saveSlot(demo: string, slot: string, runs: readonly Run[], knobs: Knobs, batches?: BatchStreamState): Promise<void> {
  const savedAt = new Date().toISOString();
  for (const run of runs) {
    await run.model.save(slotUrl(demo, slot, run.key), { metadata: { knobs, run: run.key, savedAt, ...(batches ? { batches } : {}) } });
  }
}

/** Loads every run saved in a slot; throws when one of `runKeys` is missing. */
export async function loadSlot(
  demo: string,
  slot: string,
  runKeys: readonly string[],
  load: (url: string) => Promise<RunModel> = (url) => io.loadRun(url),
): Promise<{ models: Record<string, RunModel>; knobs: Knobs | undefined; batches: BatchStreamState | undefined }> {
  const present = (await io.listCheckpoints(`${root(demo)}${slot}/`)).map((u) => u.split('/').pop()!);
  if (present.length === 0) throw new Error(`No checkpoint named '${slot}' is saved in this browser.`);
  const missing = runKeys.filter((k) => !present.includes(k));
  if (missing.length) {
    throw new Error(`Checkpoint '${slot}' has no saved run ${missing.map((k) => `'${k}'`).join(', ')}; it holds ${present.length ? present.join(', ') : 'nothing'}.`);
  }
  const models: Record<string, RunModel> = {};
  let meta: Record<string, unknown> = {};
  for (const key of present) {
    const model = await load(slotUrl(demo, slot, key));
    models[key] = model;
    if (!('knobs' in meta)) meta = ('adversarial' in model ? model.adversarial : model).checkpointMetadata;
  }
  return { models, knobs: meta.knobs as Knobs | undefined, batches: meta.batches as BatchStreamState | undefined };
}

/** Removes every run of a slot. */
export async function removeSlot(demo: string, slot: string): Promise<void> {
  for (const url of await io.listCheckpoints(`${root(demo)}${slot}/`)) await io.removeCheckpoint(url);
}
