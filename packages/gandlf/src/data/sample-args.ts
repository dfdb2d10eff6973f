import { describe, InvalidArgumentError } from '../errors';
import { optionKeys } from '../options';

/** Options of `Model.sample`, `Model.predict` and `AdversarialModel.predict`. */
export interface SampleArgs {
  /** How many samples to draw when no input is a tensor. @default the tensors' length */
  numSamples?: number;
  /** Batch size of the forward passes (Keras's `batch_size`). @default 32 */
  batchSize?: number;
  /** Seeds the drawn inputs, so the same seed gives the same latent batch; the model's own random stream, which `fit` draws from, is left alone. @default unseeded */
  seed?: number;
}

export const SAMPLE_ARGS_KEYS = optionKeys<SampleArgs>()({ numSamples: true, batchSize: true, seed: true });

/** Throws `InvalidArgumentError` unless `seed` is undefined or a finite number. */
export function assertSeed(seed: unknown, fn: string): void {
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isFinite(seed))) {
    throw new InvalidArgumentError(`Argument 'seed' passed to '${fn}' must be a finite number. Received: seed=${describe(seed)}`);
  }
}
