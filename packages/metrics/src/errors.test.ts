import { describe, expect, it } from 'vitest';
import { MetricsError } from './errors';

describe('MetricsError', () => {
  it("names itself and carries gandlf's brand, so it counts as a GandlfError (see gandlf's errors.test.ts)", () => {
    const e = new MetricsError('bad');
    expect(e.name).toBe('MetricsError');
    expect(e.message).toBe('bad');
    expect((e as unknown as Record<symbol, unknown>)[Symbol.for('gandlf.error')]).toBe(true);
  });
});
