import { describe, InvalidArgumentError } from '../errors';
import { listCheckpoints, removeCheckpoint } from '../checkpoint/checkpoint-store';
import { managerFor } from '../checkpoint/stores';
import { checkOptions, optionKeys, requireOptions } from '../options';
import type { Callback } from '../training/callbacks';

/** A model the checkpoint callback can save: `Model` or `AdversarialModel`. */
export interface Checkpointable {
  save(url: string, options?: { metadata?: Record<string, unknown> }): Promise<unknown>;
  /** Batches trained so far. */
  readonly step: number;
}

/** Options of {@link checkpoint}. */
export interface CheckpointOptions {
  /** The model to save. */
  model: Checkpointable;
  /** Prefix of the checkpoint names; each is `${url}/step-00000120`. */
  url: string;
  /** Save after this many steps, epochs or seconds (seconds are checked after each batch). */
  every: { steps?: number; epochs?: number; seconds?: number };
  /**
   * Checkpoints to keep under `url`; older ones are removed after each save.
   * @default 3
   */
  keep?: number;
  /** Passed to every save as `metadata`. @default {} */
  metadata?: Record<string, unknown>;
  /** The clock for `every.seconds`, replaceable in tests. @default performance.now */
  now?: () => number;
}

const CHECKPOINT_KEYS = optionKeys<CheckpointOptions>()({ model: true, url: true, every: true, keep: true, metadata: true, now: true });
const EVERY_KEYS = optionKeys<CheckpointOptions['every']>()({ steps: true, epochs: true, seconds: true });

/** The checkpoint callback, plus the names it has written. */
export interface CheckpointCallback extends Callback {
  /** Names saved by this callback that still exist, oldest first. */
  readonly saved: readonly string[];
}

/** The name of the checkpoint for a step: `${url}/step-00000120` (sorts by step). */
export function checkpointName(url: string, step: number): string {
  return `${url}/step-${String(step).padStart(8, '0')}`;
}

/**
 * Saves the run every so many steps, epochs or seconds, keeping the newest `keep`.
 *
 * @example
 * await model.fit(x, y, { callbacks: [callbacks.checkpoint({ model, url: 'indexeddb://run1', every: { epochs: 1 } })] });
 * const latest = (await io.listCheckpoints('indexeddb://run1/')).at(-1);
 */
export function checkpoint(options: CheckpointOptions): CheckpointCallback {
  const fn = 'checkpoint';
  const { model, url, every, keep = 3, metadata = {}, now = () => performance.now() } = requireOptions(options, CHECKPOINT_KEYS, fn);
  const { steps, epochs, seconds } = checkOptions(every, EVERY_KEYS, fn, 'every');
  for (const [k, v] of Object.entries({ steps, epochs, seconds })) {
    if (v !== undefined && !(typeof v === 'number' && v > 0 && (k === 'seconds' || Number.isInteger(v)))) {
      throw new InvalidArgumentError(`Option 'every.${k}' passed to '${fn}' must be a positive ${k === 'seconds' ? 'number' : 'integer'}. Received: every.${k}=${describe(v)}`);
    }
  }
  if (steps === undefined && epochs === undefined && seconds === undefined) {
    throw new InvalidArgumentError(`Option 'every' passed to '${fn}' must set steps, epochs or seconds. Received: every=${describe(every)}`);
  }
  if (!Number.isInteger(keep) || keep < 1) {
    throw new InvalidArgumentError(`Option 'keep' passed to '${fn}' must be a positive integer. Received: keep=${describe(keep)}`);
  }
  const saved: string[] = [];
  let lastStep = model.step;
  let lastTime = now();

  const save = async () => {
    const name = checkpointName(url, model.step);
    await model.save(name, { metadata });
    lastStep = model.step;
    lastTime = now();
    if (!saved.includes(name)) saved.push(name);
    // Prune by what the store holds, so checkpoints of an earlier session count too.
    const existing = managerFor(url) ? await listCheckpoints(`${url}/step-`) : [...saved];
    for (const old of existing.slice(0, Math.max(0, existing.length - keep))) {
      await removeCheckpoint(old);
      const i = saved.indexOf(old);
      if (i >= 0) saved.splice(i, 1);
    }
  };

  const callback: CheckpointCallback = {
    saved,
    ...(steps !== undefined || seconds !== undefined
      ? {
          async onBatchEnd() {
            const dueSteps = steps !== undefined && model.step - lastStep >= steps;
            const dueTime = seconds !== undefined && (now() - lastTime) / 1000 >= seconds;
            if (dueSteps || dueTime) await save();
          },
        }
      : {}),
    ...(epochs !== undefined
      ? {
          async onEpochEnd(epoch: number) {
            if ((epoch + 1) % epochs === 0 && model.step !== lastStep) await save();
          },
        }
      : {}),
  };
  return callback;
}
