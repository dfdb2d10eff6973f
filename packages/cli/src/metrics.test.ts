import { describe, expect, it } from 'vitest';
import type { View } from '@gandlf/demo-shell/protocol';
import { runMetrics } from './metrics';

const image: View = { kind: 'image', width: 1, height: 1, pixels: new Uint8ClampedArray(4) };

describe('runMetrics', () => {
  it("writes the trainer's own quality values under its run, saying what was measured on how many samples", () => {
    const m = runMetrics(image, { values: { frechet: 12.5, digits: 9, confidence: 0.8 }, runKeys: ['bigan'] });
    expect(m.runs).toEqual({ bigan: { frechet: 12.5, digits: 9, confidence: 0.8 } });
    expect(m.kind).toContain('mnistQuality of 1000 generated digits');
    expect(m.missing).toBeUndefined();
  });

  it('scores a points view by mixtureQuality when the trainer measures nothing', () => {
    const view: View = {
      kind: 'points',
      extent: 2,
      centers: new Float32Array([1, 1, -1, -1]),
      std: 0.1,
      real: new Float32Array(0),
      panels: [{ key: 'a', label: 'A', points: new Float32Array([1, 1, 1.05, 1, -1, -1, 0, 0]), caption: '' }],
    };
    const m = runMetrics(view, { values: {}, runKeys: ['a'] });
    expect(m.runs).toEqual({ a: expect.objectContaining({ modesCovered: 2, points: 4 }) });
    expect(m.kind).toContain('mixtureQuality');
  });

  it('names what is missing, and why: no metric for image demos without one, or the failure', () => {
    const none = runMetrics(image, { values: {}, runKeys: ['gan'] });
    expect(none).toEqual({ kind: 'none', runs: {}, missing: expect.stringContaining('its trainer measures none') });
    const failed = runMetrics(image, { values: {}, runKeys: ['gan'], failed: 'out of memory' });
    expect(failed.missing).toBe("the trainer's quality() failed: out of memory");
  });
});
