import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import type { Callback } from './callbacks';
import { defaultVerbose, nodeStdout, progressBar, type ProgressStream } from './progress-bar';

/** A stream that records what is written; `isTTY` as given. */
function fakeStream(isTTY: boolean): ProgressStream & { text: () => string; writes: string[] } {
  const writes: string[] = [];
  return { isTTY, writes, write: (s: string) => writes.push(s), text: () => writes.join('') };
}

/** A clock the test moves by hand, in ms. */
function fakeClock() {
  let t = 1000;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

/** Runs the callback through one epoch of `steps` batches, `msPerStep` apart, as fit calls it. */
async function epoch(cb: Callback, clock: ReturnType<typeof fakeClock>, index: number, steps: number, msPerStep: number, logs: Record<string, number>) {
  await cb.onEpochBegin?.(index);
  for (let b = 0; b < steps; b++) {
    await cb.onBatchBegin?.(b, { batch: b, size: 8 });
    clock.advance(msPerStep);
  }
  await cb.onEpochEnd?.(index, logs);
}

describe('progressBar', () => {
  it('on a terminal: Epoch i/n, bars redrawn in place with \\r and an ETA, then the epoch line and a newline', async () => {
    const stream = fakeStream(true);
    const clock = fakeClock();
    const cb = progressBar({ epochs: 2, steps: 4, stream, now: clock.now });
    expect(cb.onBatchEnd).toBeUndefined(); // it must not make fit read losses back every batch
    await epoch(cb, clock, 0, 4, 1500, { loss: 0.693147, generator_loss: 0.00012345, val_loss: 0.5 });
    expect(stream.writes).toEqual([
      'Epoch 1/2\n',
      // After 1 step of 1.5 s, 3 remain: 4.5 s.
      '\r1/4 [======>.......................] - ETA: 4s',
      '\r2/4 [==============>...............] - ETA: 3s',
      // Keras fills int(30 * 3/4) = 22 cells: 21 '=' and the head.
      '\r3/4 [=====================>........] - ETA: 1s',
      // 6 s for 4 steps; values as Keras prints them ('%.4f', or '%.4e' when small).
      '\r4/4 [==============================] - 6s 2s/step - loss: 0.6931 - generator_loss: 1.2345e-04 - val_loss: 0.5000\n',
    ]);
    await epoch(cb, clock, 1, 4, 1500, { loss: 0.5 });
    expect(stream.text()).toContain('Epoch 2/2\n');
    expect(stream.text().endsWith('4/4 [==============================] - 6s 2s/step - loss: 0.5000\n')).toBe(true);
  });

  it('redraws at most once per interval (100 ms: ~10 a second)', async () => {
    const stream = fakeStream(true);
    const clock = fakeClock();
    const cb = progressBar({ epochs: 1, steps: 200, stream, now: clock.now });
    await epoch(cb, clock, 0, 200, 5, { loss: 1 }); // 200 steps in 1 s
    const redraws = stream.writes.filter((w) => w.startsWith('\r') && !w.endsWith('\n'));
    expect(redraws.length).toBeGreaterThan(5);
    expect(redraws.length).toBeLessThanOrEqual(10);
    expect(stream.writes.at(-1)).toMatch(/^\r200\/200 \[=+\] - 1s 5ms\/step - loss: 1\.0000\n$/);
  });

  it('blanks what a longer line left behind', async () => {
    const stream = fakeStream(true);
    const clock = fakeClock();
    const cb = progressBar({ epochs: 1, steps: 3, stream, now: clock.now, interval: 0 });
    await cb.onEpochBegin?.(0);
    await cb.onBatchBegin?.(0);
    clock.advance(3_700_000);
    await cb.onBatchBegin?.(1); // 3,700 s a step, 2 to go
    clock.advance(10);
    await cb.onBatchBegin?.(2); // 1,850 s a step, 1 to go
    expect(stream.writes.slice(1)).toEqual(['\r1/3 [=========>....................] - ETA: 2:03:20', '\r2/3 [===================>..........] - ETA: 30:50  ']);
  });

  it("on a stream that is not a terminal: only each epoch's two lines, no \\r", async () => {
    const stream = fakeStream(false);
    const clock = fakeClock();
    const cb = progressBar({ epochs: 1, steps: 50, stream, now: clock.now });
    await epoch(cb, clock, 0, 50, 200, { loss: Number.NaN });
    expect(stream.writes).toEqual(['Epoch 1/1\n', '50/50 [==============================] - 10s 200ms/step - loss: nan\n']);
  });

  it('writes nothing, and does not throw, without a stream (a browser)', async () => {
    const clock = fakeClock();
    const cb = progressBar({ epochs: 1, steps: 3, now: clock.now, stream: undefined });
    await expect(epoch(cb, clock, 0, 3, 200, { loss: 1 })).resolves.toBeUndefined();
  });

  it('checks its options, echoing the value', () => {
    expect(() => progressBar({ epochs: 0, steps: 1 })).toThrowError(InvalidArgumentError);
    expect(() => progressBar({ epochs: 1, steps: 1.5 })).toThrowError(/Option 'steps' passed to 'progressBar'.*Received: steps=1.5/);
    expect(() => progressBar({ epochs: 1, steps: 1, stream: {} as ProgressStream })).toThrowError(/'stream'/);
  });
});

describe('nodeStdout and defaultVerbose', () => {
  it('find process.stdout only where it exists, and are on only for a terminal', () => {
    const tty = fakeStream(true);
    expect(nodeStdout({ process: { stdout: tty } })).toBe(tty);
    expect(defaultVerbose({ process: { stdout: tty } })).toBe(true);
    expect(defaultVerbose({ process: { stdout: fakeStream(false) } })).toBe(false); // piped
    expect(nodeStdout({})).toBeUndefined(); // a browser
    expect(defaultVerbose({})).toBe(false);
    const throwing = Object.defineProperty({}, 'process', {
      get: () => {
        throw new Error('no process here');
      },
    });
    expect(nodeStdout(throwing)).toBeUndefined();
  });
});
