import { InvalidArgumentError, Random } from 'gandlf';
import { describe, expect, it } from 'vitest';
import { BatchStream } from './batch-stream';

const take = (s: BatchStream, batches: number, n: number) => Array.from({ length: batches }, () => Array.from(s.rows(n)));

describe('BatchStream', () => {
  it('serves each epoch as one permutation of the rows, a fresh one per epoch', () => {
    const s = new BatchStream({ seed: 3, count: 10 });
    const first = [...s.rows(10)];
    expect([...first].sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
    expect(s.epoch).toBe(0);
    const second = [...s.rows(10)];
    expect(s.epoch).toBe(1);
    expect([...second].sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
    expect(second).not.toEqual(first);
    // The first epoch is the seed's permutation, as the demos drew it before the kit.
    expect(first).toEqual([...new Random(3).permutation(10)]);
  });

  it('batches run across epoch ends', () => {
    const rows = take(new BatchStream({ seed: 1, count: 5 }), 3, 4).flat();
    expect(new Set(rows.slice(0, 5)).size).toBe(5);
    expect(new Set(rows.slice(5, 10)).size).toBe(5);
  });

  it('continues exactly from its state: the same rows and draws as a stream that never stopped', () => {
    for (const cut of [0, 1, 3, 7, 12]) {
      const whole = new BatchStream({ seed: 9, count: 7 });
      const part = new BatchStream({ seed: 9, count: 7 });
      for (let i = 0; i < cut; i++) {
        whole.rows(3);
        part.rows(3);
        whole.uniform();
        part.uniform();
      }
      // Through JSON, as a checkpoint stores it.
      const restored = new BatchStream({ seed: 9, count: 7, state: JSON.parse(JSON.stringify(part.state())) });
      expect(restored.epoch, `cut ${cut}`).toBe(whole.epoch);
      const a = [...take(whole, 6, 3), whole.uniform()];
      const b = [...take(restored, 6, 3), restored.uniform()];
      expect(b, `cut ${cut}`).toEqual(a);
    }
  });

  it('gathers the rows it serves', () => {
    const source = Float32Array.from({ length: 12 }, (_, i) => i);
    const s = new BatchStream({ seed: 2, count: 4 });
    const { values, rows } = s.gather(source, 3, 2);
    expect(Array.from(values)).toEqual(Array.from(rows).flatMap((r) => [3 * r, 3 * r + 1, 3 * r + 2]));
  });

  it('uniform draws continue across a restore; reset starts a new permutation of new data', () => {
    const s = new BatchStream({ seed: 5 });
    s.uniform();
    const copy = new BatchStream({ seed: 5, state: s.state() });
    expect(copy.uniform()).toBe(s.uniform());
    s.reset(3);
    expect([...s.rows(3)].sort()).toEqual([0, 1, 2]);
  });

  it('rejects bad options and states, naming them', () => {
    expect(() => new BatchStream({ seed: 1, count: -1 })).toThrow(/'count'.*Received: count=-1/);
    expect(() => new BatchStream({ seed: Number.NaN })).toThrow(InvalidArgumentError);
    expect(() => new BatchStream({ seed: 1, size: 3 } as never)).toThrow(/Unknown option 'size'/);
    expect(() => new BatchStream({ seed: 1 }).rows(2)).toThrow(/count 0/);
    expect(() => new BatchStream({ seed: 1, count: 4, state: { epoch: 0, cursor: 9, order: 1, random: 2 } })).toThrow(/past the data's 4 rows/);
    expect(() => new BatchStream({ seed: 1, count: 4, state: { epoch: 0 } as never })).toThrow(/Received: state=/);
  });
});
