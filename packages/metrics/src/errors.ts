import { describe as describeValue } from '@gandlf/describe';

/**
 * The one error class @gandlf/metrics throws on purpose. Messages name the
 * function and the argument, say what was expected and echo what was received.
 */
export class MetricsError extends Error {
  override name = 'MetricsError';

  constructor(message: string) {
    super(message);
    // gandlf's brand: `error instanceof GandlfError` holds, as for @gandlf/datasets' DatasetError.
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
