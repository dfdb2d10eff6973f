import { DatasetError, assertPositiveInt, describe } from './errors';

/** A uniform random source on [0, 1), like `Math.random`; inject a seeded one for repeatable draws. */
export type Uniform = () => number;

/** An equal-weight mixture of isotropic 2-D Gaussians. */
export interface Mixture {
  /** `k * 2` coordinates: centre i is `(centers[2i], centers[2i + 1])`. */
  centers: Float32Array;
  /** Standard deviation of every component, per axis. */
  std: number;
  /**
   * Draws `n` points, `n * 2` coordinates interleaved as `x0, y0, x1, y1, ...`.
   * Each point picks a centre uniformly, then adds Gaussian noise (Box–Muller).
   * @param rand The uniform source; three draws per point. @default Math.random
   */
  sample(n: number, rand?: Uniform): Float32Array;
}

/** Options for {@link ringMixture}. */
export interface RingMixtureOptions {
  /**
   * Number of components, evenly spaced on the circle.
   * @default 8 (the ring of Unrolled GAN, VEEGAN and PacGAN)
   */
  modes?: number;
  /**
   * Circle radius.
   * @default 2
   */
  radius?: number;
  /**
   * Per-axis standard deviation of each component; small, so modes are far apart.
   * @default 0.02
   */
  std?: number;
}

/** Options for {@link gridMixture}. */
export interface GridMixtureOptions {
  /**
   * Components per row and column (`side * side` in all).
   * @default 5 (the 25-mode grid of VEEGAN and PacGAN)
   */
  side?: number;
  /**
   * Distance between neighbouring centres; the grid is centred on the origin.
   * @default 2 (coordinates -4, -2, 0, 2, 4)
   */
  spacing?: number;
  /**
   * Per-axis standard deviation of each component.
   * @default 0.05
   */
  std?: number;
}

/**
 * Gaussians evenly spaced on a circle, centre i at angle `2πi / modes`: the
 * standard toy problem for spotting mode collapse.
 *
 * @example const points = ringMixture().sample(512); // 512 points near 8 centres on a radius-2 circle
 * @param options See {@link RingMixtureOptions}.
 */
export function ringMixture(options: RingMixtureOptions = {}): Mixture {
  const fn = 'ringMixture';
  const { modes = 8, radius = 2, std = 0.02 } = options;
  assertPositiveInt(modes, 'modes', fn);
  assertPositive(radius, 'radius', fn);
  assertPositive(std, 'std', fn);
  const centers = new Float32Array(modes * 2);
  for (let i = 0; i < modes; i++) {
    const angle = (2 * Math.PI * i) / modes;
    centers[2 * i] = radius * Math.cos(angle);
    centers[2 * i + 1] = radius * Math.sin(angle);
  }
  return makeMixture(centers, std);
}

/**
 * Gaussians on a `side x side` grid centred on the origin, row by row
 * (x varies fastest).
 *
 * @example const points = gridMixture().sample(2500); // 25 modes at -4, -2, 0, 2, 4 on each axis
 * @param options See {@link GridMixtureOptions}.
 */
export function gridMixture(options: GridMixtureOptions = {}): Mixture {
  const fn = 'gridMixture';
  const { side = 5, spacing = 2, std = 0.05 } = options;
  assertPositiveInt(side, 'side', fn);
  assertPositive(spacing, 'spacing', fn);
  assertPositive(std, 'std', fn);
  const centers = new Float32Array(side * side * 2);
  const mid = (side - 1) / 2;
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) {
      const i = row * side + col;
      centers[2 * i] = (col - mid) * spacing;
      centers[2 * i + 1] = (row - mid) * spacing;
    }
  }
  return makeMixture(centers, std);
}

function makeMixture(centers: Float32Array, std: number): Mixture {
  return { centers, std, sample: sampleAround(centers, std, 'Mixture.sample') };
}

/**
 * Draws of `n` points, each one of `anchors` picked uniformly plus isotropic
 * Gaussian noise of `std` per axis (Box–Muller: three draws per point): a
 * mixture's centres, or a point cloud's own points. `fn` names it in errors.
 */
export function sampleAround(anchors: Float32Array, std: number, fn: string): Mixture['sample'] {
  const k = anchors.length / 2;
  return (n: number, rand: Uniform = Math.random): Float32Array => {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      throw new DatasetError(`${fn}: 'n' must be a non-negative integer. Received: n=${describe(n)}`);
    }
    if (typeof rand !== 'function') {
      throw new DatasetError(`${fn}: 'rand' must be a function returning [0, 1). Received: rand=${describe(rand)}`);
    }
    const out = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) {
      const m = Math.min(k - 1, Math.floor(rand() * k));
      // Box–Muller: 1 - u lies in (0, 1], so the log never sees 0.
      const r = std * Math.sqrt(-2 * Math.log(1 - rand()));
      const theta = 2 * Math.PI * rand();
      out[2 * i] = anchors[2 * m]! + r * Math.cos(theta);
      out[2 * i + 1] = anchors[2 * m + 1]! + r * Math.sin(theta);
    }
    return out;
  };
}

function assertPositive(value: unknown, arg: string, fn: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new DatasetError(`${fn}: '${arg}' must be a positive finite number. Received: ${arg}=${describe(value)}`);
  }
}
