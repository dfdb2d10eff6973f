import { describe, expect, it } from 'vitest';
import { metricNames } from './metrics';

describe('metric charts', () => {
  it('charts every name any run reports, once, in the order they first appear', () => {
    expect(metricNames({})).toEqual([]);
    expect(metricNames({ simultaneous: { modes: 2, highQuality: 0.4 }, unrolled: { modes: 8, reverseKL: 0.1 } })).toEqual(['modes', 'highQuality', 'reverseKL']);
  });
});
