import { InvalidArgumentError } from 'gandlf';
import { BatchStream, type BatchStreamOptions, type BatchStreamState } from './batch-stream';
import type { RunModel } from './run-model';

/** What `create` gets besides the knobs. */
export interface CreateContext {
  /** Models loaded from a checkpoint, by run key: train these instead of fresh ones. */
  readonly restored?: Readonly<Record<string, RunModel>>;
  /** Shows a line in the status bar, e.g. while data downloads. */
  progress(message: string): void;
  /**
   * The trainer's seeded source of real batches (one per trainer). Its position
   * is saved with every checkpoint, and a restored run's stream continues from
   * it, so the run sees exactly the batches it would have seen.
   */
  batches(options: Omit<BatchStreamOptions, 'state'>): BatchStream;
}

/** What a checkpoint gives back besides the knobs: the runs, and where the batch stream stood. */
export interface Restored {
  readonly models: Readonly<Record<string, RunModel>>;
  /** The batch stream's `state()` at the save; absent in checkpoints from before it was saved. */
  readonly batches?: BatchStreamState | undefined;
}

/**
 * The context a trainer is built with, and the batch stream it asks for, so
 * its position can be saved beside the models (the shell; the trainers' tests).
 */
export function trainerContext(restored?: Restored, progress: (message: string) => void = () => {}): { readonly context: CreateContext; stream(): BatchStream | null } {
  let stream: BatchStream | null = null;
  const context: CreateContext = {
    ...(restored ? { restored: restored.models } : {}),
    progress,
    batches(options: Omit<BatchStreamOptions, 'state'>) {
      if (stream) throw new Error('A trainer takes one batch stream: its position is what a checkpoint saves.');
      try {
        stream = new BatchStream({ ...options, state: restored?.batches });
      } catch (e) {
        // The data changed under the checkpoint (files dropped before the save are not saved): keep the run, say so.
        if (!(e instanceof InvalidArgumentError) || !restored?.batches) throw e;
        progress(`The saved batch position does not fit this data (${e.message}); the batches start a fresh order.`);
        stream = new BatchStream(options);
      }
      return stream;
    },
  };
  return { context, stream: () => stream };
}
