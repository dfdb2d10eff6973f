import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, formatLosses } from './progress';

function sink(): Writable & { text: string } {
  const s = new Writable({
    write(chunk, _enc, done) {
      s.text += String(chunk);
      done();
    },
  }) as Writable & { text: string };
  s.text = '';
  return s;
}

describe('createProgress', () => {
  const logs = { gan: { loss: 2, generator_loss: 0.693147, discriminator_loss: 1.386294 } };

  it('formats losses shortly, one run or several', () => {
    expect(formatLosses(logs)).toBe('g 0.693 d 1.39');
    expect(formatLosses({ a: { generator_loss: 1 }, b: { generator_loss: 2 } })).toBe('a: g 1.00 | b: g 2.00');
    expect(formatLosses(logs, ['discriminator_loss'])).toBe('d 1.39');
  });

  it('prints plain lines with steps/s when not a terminal', () => {
    const out = sink();
    let t = 0;
    const p = createProgress({ total: 40, stream: out, tty: false, lines: 4, now: () => (t += 100) });
    for (let s = 1; s <= 40; s++) p.step(s, logs);
    p.done();
    const lines = out.text.trim().split('\n');
    expect(lines.map((l) => l.split(' ')[1])).toEqual(['1/40', '10/40', '20/40', '30/40', '40/40']);
    expect(lines[4]).toBe('step 40/40  10.00 steps/s  g 0.693 d 1.39');
  });

  it('redraws one bar in place on a terminal, at most 10 times a second, always the last step', () => {
    const out = sink();
    let t = 0;
    const p = createProgress({ total: 10, stream: out, tty: true, now: () => (t += 20) });
    for (let s = 1; s <= 10; s++) p.step(s, logs, 3.5);
    p.done();
    const frames = out.text.split('\r\x1b[K').filter((f) => f);
    expect(frames.length).toBeLessThan(10);
    expect(frames[frames.length - 1]).toBe('[########################] step 10/10  3.50 steps/s  g 0.693 d 1.39\n');
  });
});
