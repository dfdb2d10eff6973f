import { DatasetError, describe } from './errors';

/** Options for {@link mixtureQuality}. */
export interface MixtureQualityOptions {
  /**
   * A point is high quality if it lies within `radius * std` of its nearest
   * centre (Euclidean distance).
   * @default 3 (the Unrolled GAN / VEEGAN / PacGAN convention)
   */
  radius?: number;
  /**
   * A mode is covered when at least `max(1, ceil(minShare * n))` high-quality
   * points are assigned to it, so a few stray points do not count as capturing it.
   * @default 0.01
   */
  minShare?: number;
}

/** Mode-collapse scores of a set of 2-D points against a mixture. */
export interface MixtureQuality {
  /** Number of modes with enough high-quality points (see `minShare`). */
  modesCovered: number;
  /** Share of all points that are high quality, in [0, 1]. */
  highQualityShare: number;
  /**
   * `KL(p || u) = Σ p_i log(k p_i)` in nats, where `p` is `perMode`
   * normalised to sum to 1 and `u` is uniform over the `k` modes (PacGAN's
   * reverse KL). 0 for perfectly balanced modes, `log k` when every
   * high-quality point sits on one mode, `Infinity` when no point is high quality.
   */
  reverseKL: number;
  /** High-quality points assigned to each mode, in the order of `centers`. */
  perMode: number[];
}

/**
 * Scores generated 2-D points against a mixture: how many modes they cover,
 * how many land near any mode, and how evenly they spread over modes. Each
 * point is assigned to its nearest centre; only high-quality points count
 * towards a mode. Non-finite points count as low quality.
 *
 * @example const { modesCovered, reverseKL } = mixtureQuality(generated, ringMixture()); // 8 and ~0 when healthy
 * @param points `n * 2` coordinates, `x0, y0, x1, y1, ...`.
 * @param mixture Its `centers` and `std` (any {@link Mixture}).
 * @param options See {@link MixtureQualityOptions}.
 */
export function mixtureQuality(points: Float32Array, mixture: { centers: Float32Array; std: number }, options: MixtureQualityOptions = {}): MixtureQuality {
  const fn = 'mixtureQuality';
  const { radius = 3, minShare = 0.01 } = options;
  if (!(points instanceof Float32Array) || points.length === 0 || points.length % 2 !== 0) {
    throw new DatasetError(`${fn}: 'points' must be a non-empty Float32Array of n * 2 coordinates. Received: points=${describe(points)}`);
  }
  const { centers, std } = mixture ?? {};
  if (!(centers instanceof Float32Array) || centers.length === 0 || centers.length % 2 !== 0) {
    throw new DatasetError(`${fn}: 'mixture.centers' must be a non-empty Float32Array of k * 2 coordinates. Received: centers=${describe(centers)}`);
  }
  if (typeof std !== 'number' || !(std > 0) || !Number.isFinite(std)) {
    throw new DatasetError(`${fn}: 'mixture.std' must be a positive number. Received: std=${describe(std)}`);
  }
  if (typeof radius !== 'number' || !(radius > 0)) {
    throw new DatasetError(`${fn}: 'radius' must be a positive number. Received: radius=${describe(radius)}`);
  }
  if (typeof minShare !== 'number' || !(minShare >= 0 && minShare <= 1)) {
    throw new DatasetError(`${fn}: 'minShare' must be a number in [0, 1]. Received: minShare=${describe(minShare)}`);
  }

  const n = points.length / 2;
  const k = centers.length / 2;
  const limit2 = (radius * std) ** 2;
  const perMode = new Array<number>(k).fill(0);
  let highQuality = 0;
  for (let i = 0; i < n; i++) {
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    let best = -1;
    let bestD2 = Infinity;
    for (let m = 0; m < k; m++) {
      const dx = x - centers[2 * m]!;
      const dy = y - centers[2 * m + 1]!;
      const d2 = dx * dx + dy * dy;
      if (d2 < bestD2) {
        bestD2 = d2;
        best = m;
      }
    }
    // NaN distances never compare below Infinity, so `best` stays -1 for non-finite points.
    if (best >= 0 && bestD2 <= limit2) {
      perMode[best] += 1;
      highQuality += 1;
    }
  }

  const needed = Math.max(1, Math.ceil(minShare * n));
  const modesCovered = perMode.filter((c) => c >= needed).length;
  let reverseKL = Infinity;
  if (highQuality > 0) {
    reverseKL = 0;
    for (const c of perMode) {
      if (c > 0) reverseKL += (c / highQuality) * Math.log((k * c) / highQuality);
    }
  }
  return { modesCovered, highQualityShare: highQuality / n, reverseKL, perMode };
}
