import { expect } from 'vitest';
import { GandlfError } from '../errors';

/**
 * Runs `f` and accepts only two endings: success, or a GandlfError with a
 * message. A TypeError, a RangeError or a tfjs assertion is a bug: it means
 * bad input got past the public boundary.
 */
export async function expectCleanOutcome(f: () => unknown): Promise<'ok' | GandlfError> {
  try {
    await f();
    return 'ok';
  } catch (e) {
    if (!(e instanceof GandlfError)) {
      throw new Error(`expected success or a GandlfError, got ${(e as Error)?.name}: ${(e as Error)?.message}`);
    }
    expect(e.message.length).toBeGreaterThan(20);
    return e;
  }
}
