import { describe, expect, it } from 'vitest';
import { BatchStream } from './batch-stream';
import { trainerContext } from './context';

describe('trainerContext', () => {
  it('hands a trainer one batch stream and keeps it, for the shell to save its position', () => {
    const { context, stream } = trainerContext();
    expect(stream()).toBeNull();
    const s = context.batches({ seed: 1, count: 5 });
    expect(stream()).toBe(s);
    expect(() => context.batches({ seed: 1, count: 5 })).toThrow(/one batch stream/);
    expect(context.restored).toBeUndefined();
  });

  it('continues a restored stream from the saved position', () => {
    const original = new BatchStream({ seed: 4, count: 6 });
    original.rows(4);
    const state = original.state();
    const { context } = trainerContext({ models: {}, batches: state });
    expect(context.restored).toEqual({});
    expect(Array.from(context.batches({ seed: 4, count: 6 }).rows(5))).toEqual(Array.from(original.rows(5)));
  });

  it('keeps a restored run whose data no longer fits the saved position, and says so', () => {
    const lines: string[] = [];
    const { context } = trainerContext({ models: {}, batches: { epoch: 0, cursor: 40, order: 1, random: 2 } }, (m) => lines.push(m));
    const s = context.batches({ seed: 4, count: 6 });
    expect(Array.from(s.rows(6)).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(lines).toEqual([expect.stringMatching(/does not fit this data .*past the data's 6 rows.*fresh order/)]);
  });
});
