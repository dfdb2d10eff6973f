import { afterEach, describe, expect, it, vi } from 'vitest';
import { Every } from './every';

describe('Every', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is due once its period has passed since the last restart, and never at 0', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const every = new Every(2);
    every.restart();
    vi.advanceTimersByTime(1999);
    expect(every.due).toBe(false);
    vi.advanceTimersByTime(1);
    expect(every.due).toBe(true);
    every.restart();
    expect(every.due).toBe(false);
    every.set(0);
    vi.advanceTimersByTime(60_000);
    expect(every.due).toBe(false);
  });
});
