import { describe, expect, it } from 'vitest';
import { Recovery } from './recovery';

describe('Recovery', () => {
  it('knows the latest checkpoint saved, and forgets it for a new run', () => {
    const r = new Recovery();
    expect(r.latest).toBeNull();
    r.saved('autosave', 10);
    r.saved('dcgan-step12', 12);
    expect(r.latest).toEqual({ slot: 'dcgan-step12', step: 12 });
    r.newRun();
    expect(r.latest).toBeNull();
  });

  it('stops restoring by itself when contexts are lost too often', () => {
    let t = 0;
    const r = new Recovery({ maxLosses: 2, windowMs: 1000, now: () => t });
    expect(r.lostContext()).toBe(true);
    t = 500;
    expect(r.lostContext()).toBe(true);
    t = 900;
    expect(r.lostContext()).toBe(false);
    // Losses older than the window no longer count.
    t = 5000;
    expect(r.lostContext()).toBe(true);
  });
});
