import { describe, expect, it } from 'vitest';
import { formatStep, playerNames, STEP_LOG_SIZE, StepLog } from './step-log';

const runs = [
  { key: 'simultaneous', label: 'Simultaneous' },
  { key: 'alternating', label: 'Alternating' },
  { key: 'unrolled', label: 'Unrolled (5)' },
];

describe('step log', () => {
  it('writes one line per step: runs by label, players by initial, counts above one', () => {
    const moves = {
      simultaneous: { discriminator: 1, generator: 1 },
      alternating: { discriminator: 5, generator: 1 },
      unrolled: { discriminator: 1, generator: 1 },
    };
    expect(formatStep({ step: 41, moves }, runs)).toBe('step 41 · Simultaneous: D, G · Alternating: D×5, G · Unrolled (5): D, G');
  });

  it('leaves out players that did not move, and shows — for a run that moved nobody', () => {
    const moves = { simultaneous: { discriminator: 1, generator: 0 }, alternating: { discriminator: 0, generator: 0 }, unrolled: {} };
    expect(formatStep({ step: 3, moves }, runs)).toBe('step 3 · Simultaneous: D · Alternating: — · Unrolled (5): —');
  });

  it('lists a run the runs event did not name by its key, after the others, and a named run that sent nothing as —', () => {
    expect(formatStep({ step: 0, moves: { extra: { generator: 2 } } }, runs.slice(0, 1))).toBe('step 0 · Simultaneous: — · extra: G×2');
    expect(formatStep({ step: 9, moves: {} }, [])).toBe('step 9');
  });

  it('names players in full when their initials clash', () => {
    expect(playerNames(['discriminator', 'generator', 'encoder'])).toEqual(['D', 'G', 'E']);
    expect(playerNames(['generator', 'gradientPenalty'])).toEqual(['generator', 'gradientPenalty']);
    expect(formatStep({ step: 1, moves: { a: { generator: 1, gradientPenalty: 3 } } }, [])).toBe('step 1 · a: generator, gradientPenalty×3');
  });

  it(`keeps the latest ${STEP_LOG_SIZE} steps, oldest first`, () => {
    const log = new StepLog();
    log.push(Array.from({ length: 15 }, (_, step) => ({ step, moves: {} })));
    log.push(Array.from({ length: 10 }, (_, i) => ({ step: 15 + i, moves: { a: { generator: 1 } } })));
    expect(log.latest.map((e) => e.step)).toEqual(Array.from({ length: STEP_LOG_SIZE }, (_, i) => 5 + i));
    log.clear();
    expect(log.latest).toEqual([]);
  });
});
