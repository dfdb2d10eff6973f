/**
 * Errors thrown by gandlf. Every message names the function and the argument,
 * says what was expected and echoes what was received.
 */

import { describe as describeValue } from '@gandlf/describe';

/**
 * Errors of gandlf's helper packages that must not depend on gandlf (e.g.
 * `DatasetError` of @gandlf/datasets) carry this brand, and count as a
 * `GandlfError` for `instanceof`.
 */
export const GANDLF_ERROR_BRAND: unique symbol = Symbol.for('gandlf.error') as never;

/** Base class of every error gandlf and its packages throw on purpose. */
export class GandlfError extends Error {
  // Spelled out: minifiers rename classes, and users match on `error.name`.
  override name = 'GandlfError';

  /** `x instanceof GandlfError` also holds for branded errors; subclasses keep the usual check. */
  static override [Symbol.hasInstance](x: unknown): boolean {
    if (this === GandlfError && typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[GANDLF_ERROR_BRAND] === true) return true;
    return Function.prototype[Symbol.hasInstance].call(this, x);
  }
}

/** An argument has the wrong type, range or form. */
export class InvalidArgumentError extends GandlfError {
  override name = 'InvalidArgumentError';
}

/** Tensor shapes (or counts of tensors) do not fit the model. */
export class ShapeMismatchError extends GandlfError {
  override name = 'ShapeMismatchError';
}

/** A loss, optimizer or other component was named but no such name exists. */
export class UnknownNameError extends GandlfError {
  override name = 'UnknownNameError';
}

/** A method that needs `compile()` was called before it. */
export class NotCompiledError extends GandlfError {
  override name = 'NotCompiledError';
}

/** Input data holds NaN or Infinity. */
export class NonFiniteDataError extends GandlfError {
  override name = 'NonFiniteDataError';
}

/**
 * Formats a value for an error message: short, one line, never throws. One
 * implementation for gandlf, @gandlf/datasets and @gandlf/metrics, bundled
 * from packages/describe (private); declared here with a plain type so that
 * no emitted .d.ts names that package.
 */
export const describe: (value: unknown) => string = describeValue;

/** Throws `InvalidArgumentError` unless `value` is a positive integer. */
export function assertPositiveInt(value: unknown, arg: string, fn: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new InvalidArgumentError(`Argument '${arg}' passed to '${fn}' must be a positive integer. Received: ${arg}=${describe(value)}`);
  }
}

/** A checkpoint cannot be read: missing, corrupt, or written by a newer gandlf. */
export class CheckpointError extends GandlfError {
  override name = 'CheckpointError';
}

/** A checkpoint's contents are damaged or incomplete. */
export class CorruptCheckpointError extends CheckpointError {
  override name = 'CorruptCheckpointError';
}

/** A checkpoint was written by a newer format version than this gandlf reads. */
export class CheckpointVersionError extends CheckpointError {
  override name = 'CheckpointVersionError';
}

/** A save failed; the previous checkpoint of that name is left as it was. */
export class CheckpointSaveError extends CheckpointError {
  override name = 'CheckpointSaveError';
  constructor(
    message: string,
    /** True when the store reported that its quota is full. */
    readonly quotaExceeded: boolean,
    /** The error the store raised. */
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/**
 * A gradient that training needs has no implementation in tfjs, typically a
 * second-order gradient (gradient penalty, R1) through an op whose backward
 * kernel has no gradient of its own, such as `MaxPoolGrad`.
 */
export class MissingGradientError extends GandlfError {
  override name = 'MissingGradientError';
  constructor(
    message: string,
    /** The tfjs kernel without a gradient, e.g. `'MaxPoolGrad'`. */
    readonly op: string = 'unknown',
  ) {
    super(message);
  }
}

/** The tfjs message for a kernel without a registered gradient, e.g. 'gradient function not found for MaxPoolGrad'. */
const MISSING_GRADIENT = /gradient function not found for (\w+)/;

/** The op named by a tfjs "gradient function not found" error, or undefined for other errors. */
export function missingGradientOp(error: unknown): string | undefined {
  return error instanceof Error ? MISSING_GRADIENT.exec(error.message)?.[1] : undefined;
}

/** Training produced NaN or Infinity; names where and when it was first seen. */
export class TrainingDivergedError extends GandlfError {
  override name = 'TrainingDivergedError';
  constructor(
    message: string,
    /** The player whose loss or weight went non-finite. */
    readonly player: string | undefined,
    /** The output (for a loss) or weight (for a weight) that went non-finite. */
    readonly output: string | undefined,
    /** The step at which it was first seen. */
    readonly step: number,
  ) {
    super(message);
  }
}

/**
 * An options object holds a key the function does not know, e.g. Keras's
 * `nb_epoch` or `batch_size`. Such keys used to be ignored, silently.
 */
export class UnknownOptionError extends InvalidArgumentError {
  override name = 'UnknownOptionError';
  constructor(
    message: string,
    /** The key that is not an option, e.g. `'nb_epoch'`. */
    readonly key: string,
    /** The options the function accepts. */
    readonly allowed: readonly string[],
    /** The accepted option the key most likely meant, e.g. `'epochs'`. */
    readonly suggestion?: string,
  ) {
    super(message);
  }
}
