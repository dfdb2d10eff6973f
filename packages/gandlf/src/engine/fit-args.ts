import { describe, InvalidArgumentError } from '../errors';
import { checkOptions, optionKeys, type KeyRecord } from '../options';
import type { Callback } from '../training/callbacks';
import { checkDivergenceOptions, type DivergenceOptions } from './divergence';
import type { InputsSpec, TargetsSpec } from '../data/data';

/**
 * When `fit` hands control back to the page: after every batch, every epoch,
 * never, on a time budget in milliseconds, or `'auto'` (a 25 ms budget).
 */
export type YieldEvery = 'auto' | 'batch' | 'epoch' | 'never' | number;

/** Options of `AdversarialModel.fit`. */
export interface FitArgs {
  /** Epoch index to stop before. @default 1 */
  epochs?: number;
  /** Samples per batch; the last batch of an epoch may be smaller. @default 32 */
  batchSize?: number;
  /** Reshuffle the samples every epoch. @default true */
  shuffle?: boolean;
  /** Epoch to start counting from, to continue a history. @default 0 */
  initialEpoch?: number;
  /** Hooks called during training. @default [] */
  callbacks?: readonly Callback[];
  /** `[x, y]` scored after every epoch and logged as `val_*`. @default none */
  validationData?: readonly [InputsSpec, TargetsSpec];
  /** When to hand control back to the page. @default 'auto' (every 25 ms) */
  yieldEvery?: YieldEvery;
  /** Seeds shuffling and drawn inputs, for runs that repeat exactly. @default unseeded */
  seed?: number;
  /** Sample count when every input and target is drawn rather than given. @default from the data */
  numSamples?: number;
  /**
   * Stops (or rolls back) when a loss or weight turns NaN or Infinity, with one
   * small read-back every `checkEvery` steps; `false` turns the guard off.
   * @default { checkEvery: 20 }: stop with TrainingDivergedError
   */
  divergence?: DivergenceOptions | false;
  /**
   * Prints a Keras-style progress bar (`Epoch 1/10`, then
   * `12/50 [=====>....] - ETA: 3s`, and each epoch's losses) to
   * `process.stdout`; `progressBar` writes to another stream.
   * @default true in Node when stdout is a terminal; false in a browser and when stdout is piped
   */
  verbose?: boolean | 0 | 1;
}

/** The keys of `FitArgs`, as a record (`Model.fit` builds its list from it). */
export const FIT_ARGS_KEY_RECORD: KeyRecord<FitArgs> = {
  epochs: true,
  batchSize: true,
  shuffle: true,
  initialEpoch: true,
  callbacks: true,
  validationData: true,
  yieldEvery: true,
  seed: true,
  numSamples: true,
  divergence: true,
  verbose: true,
};
const FIT_ARGS_KEYS = optionKeys<FitArgs>()(FIT_ARGS_KEY_RECORD);

/** Checks `fit`'s options before anything is bound or trained: unknown keys, the divergence guard's options and `verbose`. */
export function checkFitArgs<T extends Pick<FitArgs, 'divergence' | 'verbose'>>(args: T | undefined, fn: string, keys: readonly string[] = FIT_ARGS_KEYS): T {
  const checked = checkOptions(args, keys, fn);
  checkDivergenceOptions(checked.divergence, fn);
  const { verbose } = checked;
  if (verbose !== undefined && verbose !== true && verbose !== false && verbose !== 0 && verbose !== 1) {
    throw new InvalidArgumentError(`Argument 'verbose' passed to '${fn}' must be true, false, 0 or 1. Received: verbose=${describe(verbose)}`);
  }
  return checked;
}
