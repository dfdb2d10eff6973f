import * as tf from '@tensorflow/tfjs';
import { CheckpointError, CheckpointSaveError, describe, InvalidArgumentError } from '../errors';
import { memoryStore } from './memory-store';
import { managerFor, schemeOf } from './stores';

/** Where a checkpoint goes: a URL (`indexeddb://run`, `file://dir`, `memory://x`) or any tfjs IOHandler. */
export type CheckpointDestination = string | tf.io.IOHandler;

// A checkpoint in a listable store is two entries: the data, under a new
// generation key on every save, and a small pointer under the name itself.
// Only the pointer write switches from the old checkpoint to the new one, so a
// save that fails or stops at any point leaves the old pointer and data intact.
const GENERATION = '~g';
const POINTER_KEY = 'gandlfPointer';

interface Pointer {
  /** The generation key holding this checkpoint's data. */
  readonly target: string;
  readonly generation: number;
}

function handlerFor(dest: CheckpointDestination, mode: 'save' | 'load', fn: string): tf.io.IOHandler {
  if (typeof dest !== 'string') {
    if (dest && typeof (mode === 'save' ? dest.save : dest.load) === 'function') return dest;
    throw new InvalidArgumentError(`Argument 'url' passed to '${fn}' must be a URL or a tfjs IOHandler with ${mode}(). Received: ${describe(dest)}`);
  }
  if (schemeOf(dest) === 'memory') memoryStore();
  const own = managerFor(dest)?.handler?.(dest);
  if (own) return own;
  const handlers = mode === 'save' ? tf.io.getSaveHandlers(dest) : tf.io.getLoadHandlers(dest);
  if (handlers.length !== 1 || !handlers[0]) {
    throw new InvalidArgumentError(`Argument 'url' passed to '${fn}' names no store that can ${mode} checkpoints here (in Node, import 'gandlf/node' for file://). Received: url=${describe(dest)}`);
  }
  return handlers[0];
}

function isGeneration(url: string): boolean {
  return url.includes(GENERATION);
}

async function readPointer(url: string): Promise<Pointer | null> {
  let artifacts: tf.io.ModelArtifacts;
  try {
    artifacts = await handlerFor(url, 'load', 'load').load!();
  } catch {
    return null;
  }
  const p = artifacts.userDefinedMetadata?.[POINTER_KEY] as Pointer | undefined;
  return p && typeof p.target === 'string' ? p : null;
}

function writePointer(url: string, pointer: Pointer): Promise<tf.io.SaveResult> {
  return handlerFor(url, 'save', 'save').save!({
    modelTopology: { [POINTER_KEY]: true },
    weightSpecs: [],
    weightData: new ArrayBuffer(0),
    userDefinedMetadata: { [POINTER_KEY]: pointer } as unknown as Record<string, never>,
  });
}

function wrapSaveError(e: unknown, url: string): CheckpointSaveError {
  const name = (e as { name?: string })?.name ?? '';
  const message = (e as { message?: string })?.message ?? String(e);
  const quota = name === 'QuotaExceededError' || /quota/i.test(message);
  return new CheckpointSaveError(
    quota
      ? `Saving checkpoint '${url}' failed: the storage quota is full. The previous checkpoint of that name is intact. Free space (removeCheckpoint) or save elsewhere. Received: ${name || 'Error'}: ${message}`
      : `Saving checkpoint '${url}' failed; the previous checkpoint of that name is intact. Received: ${name || 'Error'}: ${message}`,
    quota,
    e,
  );
}

/**
 * Saves artifacts as the checkpoint `dest`. In a listable store (IndexedDB,
 * localStorage, memory, Node files) the save is atomic: the previous
 * checkpoint stays loadable until the new one is complete.
 */
export async function saveArtifacts(dest: CheckpointDestination, artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
  const fn = 'save';
  if (typeof dest !== 'string' || !managerFor(dest)) {
    try {
      return await handlerFor(dest, 'save', fn).save!(artifacts);
    } catch (e) {
      if (e instanceof InvalidArgumentError) throw e;
      throw wrapSaveError(e, typeof dest === 'string' ? dest : 'IOHandler');
    }
  }
  if (isGeneration(dest)) {
    throw new InvalidArgumentError(`Argument 'url' passed to '${fn}' may not contain '${GENERATION}', which gandlf reserves. Received: url=${describe(dest)}`);
  }
  const old = await readPointer(dest);
  const generation = (old?.generation ?? 0) + 1;
  const target = `${dest}${GENERATION}${generation}`;
  let result: tf.io.SaveResult;
  try {
    result = await handlerFor(target, 'save', fn).save!(artifacts);
  } catch (e) {
    // The new generation is unreachable; drop it if it was written at all.
    await managerFor(dest)!
      .remove(target)
      .catch(() => undefined);
    throw wrapSaveError(e, dest);
  }
  try {
    await writePointer(dest, { target, generation });
  } catch (e) {
    // The pointer may be half-written: put the old one back. Only if that works
    // is the new generation surely unreachable and safe to drop.
    const restored = await (old ? writePointer(dest, old) : managerFor(dest)!.remove(dest)).then(
      () => true,
      () => false,
    );
    if (restored)
      await managerFor(dest)!
        .remove(target)
        .catch(() => undefined);
    throw wrapSaveError(e, dest);
  }
  // The old generation is unreachable now; failing to remove it loses nothing.
  if (old)
    await managerFor(dest)!
      .remove(old.target)
      .catch(() => undefined);
  return result;
}

/** Loads the artifacts of checkpoint `src`, following its pointer. */
export async function loadArtifacts(src: CheckpointDestination): Promise<tf.io.ModelArtifacts> {
  const fn = 'load';
  const handler = handlerFor(src, 'load', fn);
  let artifacts: tf.io.ModelArtifacts;
  try {
    artifacts = await handler.load!();
  } catch (e) {
    throw new CheckpointError(`No checkpoint could be read from ${typeof src === 'string' ? `'${src}'` : 'the IOHandler'}. Received: ${(e as Error)?.message ?? String(e)}`);
  }
  const pointer = artifacts.userDefinedMetadata?.[POINTER_KEY] as Pointer | undefined;
  if (!pointer) return artifacts;
  try {
    return await handlerFor(pointer.target, 'load', fn).load!();
  } catch (e) {
    throw new CheckpointError(`Checkpoint '${String(src)}' points to data at '${pointer.target}', which cannot be read. Received: ${(e as Error)?.message ?? String(e)}`);
  }
}

/**
 * The checkpoints saved under a URL prefix, sorted: `listCheckpoints('indexeddb://run1')`.
 * Works for IndexedDB, localStorage, `memory://` and (with `gandlf/node`) `file://`.
 */
export async function listCheckpoints(prefix: string): Promise<string[]> {
  const manager = managerFor(prefix);
  if (!manager) {
    throw new InvalidArgumentError(
      `Argument 'prefix' passed to 'listCheckpoints' must start with a listable scheme such as indexeddb://, localstorage://, memory:// or file:// (with 'gandlf/node'). Received: prefix=${describe(prefix)}`,
    );
  }
  return (await manager.list(prefix)).filter((u) => u.startsWith(prefix) && !isGeneration(u)).sort();
}

/** Removes a checkpoint and its data. */
export async function removeCheckpoint(url: string): Promise<void> {
  const manager = managerFor(url);
  if (!manager) {
    throw new InvalidArgumentError(`Argument 'url' passed to 'removeCheckpoint' must use a listable scheme. Received: url=${describe(url)}`);
  }
  const pointer = await readPointer(url);
  try {
    await manager.remove(url);
  } catch (e) {
    throw new CheckpointError(`No checkpoint to remove at '${url}'. Received: ${(e as Error)?.message ?? String(e)}`);
  }
  if (pointer) await manager.remove(pointer.target).catch(() => undefined);
}
