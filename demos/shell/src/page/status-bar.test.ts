import { describe, expect, it } from 'vitest';
import { formatQuality, formatRate } from './status-bar';

describe('status bar', () => {
  it('shows slow rates with two significant digits, others with one decimal', () => {
    expect(formatRate(0)).toBe('0.0');
    expect(formatRate(12.345)).toBe('12.3');
    expect(formatRate(0.0123)).toBe('0.012');
  });

  it('writes a quality measurement as one line, integers as they are', () => {
    expect(formatQuality(40, { modes: 8, reverseKL: 0.123456 })).toBe('at step 40: modes 8, reverseKL 0.123');
  });
});
