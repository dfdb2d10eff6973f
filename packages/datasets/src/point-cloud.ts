import { assertKnownOptions, DatasetError, describe } from './errors';
import { sampleAround, type Mixture } from './mixtures';

/** Options for {@link pointCloud}. */
export interface PointCloudOptions {
  /**
   * Per-axis standard deviation of the Gaussian noise added to each point drawn.
   * 0 draws the given points exactly.
   * @default 0.05 (the gap the demo's drawing tool leaves between points along a
   * stroke: enough noise to fill a stroke into a line, well inside `modeRadius`)
   */
  jitter?: number;
  /**
   * Radius of the greedy cover that describes the modes: a point farther than
   * this from every centre so far starts a new one. `std` is a third of it, so
   * `mixtureQuality`'s 3-std ring is the cover's radius.
   * @default 0.25 (a mode per quarter unit of a stroke: a ring of the 2-unit
   * radius `ringMixture` drawn by hand gets about 50)
   */
  modeRadius?: number;
}

/** A {@link Mixture} made of a user's own points, drawn or loaded. */
export interface PointCloud extends Mixture {
  /** The points it samples from, `n * 2` coordinates (a copy of the input). */
  readonly points: Float32Array;
}

/**
 * A 2-D distribution from a set of points: each draw picks one of them
 * uniformly and adds Gaussian noise of `jitter`. Its `centers` and `std`
 * describe its modes for {@link mixtureQuality}: a greedy cover of the points
 * at `modeRadius` (in their order, each point joins the nearest centre within
 * the radius or starts a new one), each centre then moved to the mean of its
 * members, and `std = modeRadius / 3`.
 *
 * @example const cloud = pointCloud(new Float32Array([0, 0, 1, 0, 2, 0])); const batch = cloud.sample(128);
 * @param points `n * 2` finite coordinates, `x0, y0, x1, y1, ...`.
 * @param options See {@link PointCloudOptions}.
 */
export function pointCloud(points: Float32Array, options: PointCloudOptions = {}): PointCloud {
  const fn = 'pointCloud';
  if (!(points instanceof Float32Array) || points.length === 0 || points.length % 2 !== 0) {
    throw new DatasetError(`${fn}: 'points' must be a non-empty Float32Array of n * 2 coordinates. Received: points=${describe(points)}`);
  }
  const bad = points.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new DatasetError(`${fn}: every coordinate must be finite. Received: points[${bad}]=${describe(points[bad])}`);
  assertKnownOptions(options, ['jitter', 'modeRadius'], fn);
  const { jitter = 0.05, modeRadius = 0.25 } = options;
  if (typeof jitter !== 'number' || !Number.isFinite(jitter) || jitter < 0) {
    throw new DatasetError(`${fn}: 'jitter' must be a non-negative finite number. Received: jitter=${describe(jitter)}`);
  }
  if (typeof modeRadius !== 'number' || !Number.isFinite(modeRadius) || modeRadius <= 0) {
    throw new DatasetError(`${fn}: 'modeRadius' must be a positive finite number. Received: modeRadius=${describe(modeRadius)}`);
  }
  const own = points.slice();
  return {
    points: own,
    centers: greedyCover(own, modeRadius),
    std: modeRadius / 3,
    sample: sampleAround(own, jitter, 'PointCloud.sample'),
  };
}

/**
 * The greedy cover of the points at `radius`, each centre the mean of its
 * members. Seeds are bucketed in cells of side `radius`, so a point looks at
 * the 3 × 3 cells around it only: linear in the points, not points × centres.
 */
function greedyCover(points: Float32Array, radius: number): Float32Array {
  const seeds: number[] = [];
  const sums: number[] = [];
  const counts: number[] = [];
  const cells = new Map<string, number[]>();
  const cellOf = (v: number) => Math.floor(v / radius);
  const r2 = radius * radius;
  for (let i = 0; i < points.length; i += 2) {
    const x = points[i]!;
    const y = points[i + 1]!;
    const cx = cellOf(x);
    const cy = cellOf(y);
    let best = -1;
    let bestD2 = Infinity;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const c of cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          const d2 = (x - seeds[2 * c]!) ** 2 + (y - seeds[2 * c + 1]!) ** 2;
          if (d2 < bestD2) [best, bestD2] = [c, d2];
        }
      }
    }
    if (best < 0 || bestD2 > r2) {
      best = counts.length;
      seeds.push(x, y);
      sums.push(0, 0);
      counts.push(0);
      const key = `${cx},${cy}`;
      const list = cells.get(key);
      if (list) list.push(best);
      else cells.set(key, [best]);
    }
    sums[2 * best] = sums[2 * best]! + x;
    sums[2 * best + 1] = sums[2 * best + 1]! + y;
    counts[best] = counts[best]! + 1;
  }
  return Float32Array.from(sums, (s, j) => s / counts[j >> 1]!);
}
