import { describe as describeValue } from '@gandlf/describe';

/**
 * The one error class this package throws on purpose. Messages name the
 * function and the argument, say what was expected and echo what was received.
 */
export class DatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
    // gandlf's brand: `error instanceof GandlfError` holds, without this package depending on gandlf.
    Object.defineProperty(this, Symbol.for('gandlf.error'), { value: true });
  }
}

/**
 * Formats a value for an error message: short, one line, never throws. The
 * same as gandlf's: packages/describe, a private workspace package that this
 * package's build bundles (no runtime dependency); declared with a plain type
 * so that no emitted .d.ts names it.
 */
export const describe: (value: unknown) => string = describeValue;

/** Throws unless `value` is a positive integer. */
export function assertPositiveInt(value: unknown, arg: string, fn: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new DatasetError(`${fn}: '${arg}' must be a positive integer. Received: ${arg}=${describe(value)}`);
  }
}

/** Returns the bytes as a Uint8Array view, or throws naming `fn` and `arg`. */
export function toBytes(value: unknown, arg: string, fn: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw new DatasetError(`${fn}: '${arg}' must be a Uint8Array or an ArrayBuffer. Received: ${arg}=${describe(value)}`);
}

/** Throws unless `options` is an object whose keys are all in `known`, naming the first unknown one and the accepted ones. */
export function assertKnownOptions(options: unknown, known: readonly string[], fn: string): asserts options is Record<string, unknown> {
  if (options === null || typeof options !== 'object') throw new DatasetError(`${fn}: 'options' must be an object. Received: options=${describe(options)}`);
  const unknown = Object.keys(options).find((k) => !known.includes(k));
  if (unknown !== undefined) {
    throw new DatasetError(`${fn}: unknown option '${unknown}'; the options are ${known.map((k) => `'${k}'`).join(', ')}. Received: options=${describe(options)}`);
  }
}
