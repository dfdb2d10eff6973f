// Shared checks of the examples' smoke tests: the losses move, no tensors leak, the files are there.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { History } from 'gandlf';
import { countLeaks } from './leaks';

export function tempOut(name: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `gandlf-example-${name.replace(/\W/g, '-')}-`));
}

/** Runs an example's `run` and checks what every GAN example claims: finite losses that change, no leaks, its files written. */
export async function expectGanRun<R extends { history: History; files: string[] }>(run: () => Promise<R>, lossKeys: readonly string[]): Promise<R> {
  const { result, leaked } = await countLeaks(run);
  expect(leaked).toBe(0);
  for (const key of lossKeys) {
    const series = result.history.history[key];
    expect(series, `history has ${key}`).toBeDefined();
    expect(series!.every(Number.isFinite), `${key} is finite`).toBe(true);
    expect(new Set(series).size, `${key} moves over ${series!.length} epochs`).toBeGreaterThan(1);
  }
  for (const f of result.files) expect(existsSync(f.replace(/^file:\/\//, '')), f).toBe(true);
  return result;
}
