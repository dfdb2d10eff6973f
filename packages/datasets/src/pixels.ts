import { DatasetError, describe } from './errors';

/**
 * The interval bytes 0..255 are mapped onto, linearly. `[0, 1]` suits sigmoid
 * outputs and viewing; `[-1, 1]` suits a generator ending in `tanh`.
 */
export type PixelRange = readonly [low: number, high: number];

/** Returns `{ scale, offset }` so that `byte * scale + offset` lands in `range`. */
export function pixelScale(range: unknown, fn: string): { scale: number; offset: number } {
  if (!Array.isArray(range) || range.length !== 2 || !range.every((v) => typeof v === 'number' && Number.isFinite(v)) || !(range[0] < range[1])) {
    throw new DatasetError(`${fn}: 'range' must be two finite numbers [low, high] with low < high, such as [0, 1] or [-1, 1]. Received: range=${describe(range)}`);
  }
  const [low, high] = range as [number, number];
  return { scale: (high - low) / 255, offset: low };
}
