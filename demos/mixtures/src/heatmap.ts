import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError, type Model } from 'gandlf';

// The discriminator's view of the plane: D(x) over a grid of cell centres,
// computed in the worker between steps; the page only colours it.

/**
 * Centres of `side`² square cells covering `[-extent, extent]²`, `x, y` per
 * cell, row by row from the top-left cell (x = -extent, y = +extent): the
 * order of an image's pixels, so the page can put them straight into one.
 *
 * @example planeGrid(2, 1) // [-0.5, 0.5, 0.5, 0.5, -0.5, -0.5, 0.5, -0.5]
 * @param side Cells per side.
 * @param extent Half the side of the square covered, centred on the origin.
 */
export function planeGrid(side: number, extent: number): Float32Array {
  if (!Number.isInteger(side) || side < 1) throw new InvalidArgumentError(`Argument 'side' passed to 'planeGrid' must be a positive integer. Received: side=${side}`);
  if (!(extent > 0)) throw new InvalidArgumentError(`Argument 'extent' passed to 'planeGrid' must be a positive number. Received: extent=${extent}`);
  const cell = (2 * extent) / side;
  const grid = new Float32Array(2 * side * side);
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) {
      const i = 2 * (row * side + col);
      grid[i] = -extent + (col + 0.5) * cell;
      grid[i + 1] = extent - (row + 0.5) * cell;
    }
  }
  return grid;
}

/**
 * D's output at every point of `grid` (`x, y, ...`), in one batched forward
 * pass in inference mode: a training call would advance state such as
 * spectral normalisation's power iteration, and the view must not change the run.
 *
 * @example const values = await discriminatorHeatmap(model.discriminator, planeGrid(48, 3.5));
 * @param discriminator A network of one 2-D input and one output per point.
 * @param grid Points `x0, y0, x1, y1, ...`, e.g. from {@link planeGrid}.
 */
export async function discriminatorHeatmap(discriminator: tf.LayersModel, grid: Float32Array): Promise<Float32Array> {
  const n = grid.length / 2;
  const d = tf.tidy(() => discriminator.apply(tf.tensor2d(grid, [n, 2]), { training: false }) as tf.Tensor);
  try {
    if (d.size !== n) throw new InvalidArgumentError(`'discriminatorHeatmap' needs one output per point. Received: output shape [${d.shape.join(',')}] for ${n} points`);
    return new Float32Array(await d.data());
  } finally {
    d.dispose();
  }
}

/** One grid cell of a heatmap, with D evaluated again at its centre on its own. */
export interface ProbeCell {
  readonly row: number;
  readonly col: number;
  /** The cell's centre, exactly as the grid holds it (float32). */
  readonly x: number;
  readonly y: number;
  /** The heatmap's value for the cell. */
  readonly heatmap: number;
  /** D at (x, y), from a separate `Model.predict` on these cells alone. */
  readonly d: number;
}

/** A few cells of a `side`² grid to check: the corners and two inner cells. */
export function probeCells(side: number): number[] {
  const last = side - 1;
  const cells = [0, last, last * side, last * side + last, Math.floor(side / 2) * side + Math.floor(side / 3), Math.floor(side / 4) * side + Math.floor((3 * side) / 4)];
  return [...new Set(cells)];
}

/**
 * The heatmap's values at a few cells beside D evaluated separately at exactly
 * those cells' centres (gandlf's `Model.predict`, not the grid's pass): what an
 * end-to-end test compares with the pixels drawn.
 *
 * @param model The run whose discriminator drew the heatmap.
 * @param grid The heatmap's points (see {@link planeGrid}).
 * @param heatmap Its values, one per point.
 * @param side Cells per side of the grid.
 */
export async function heatmapProbe(model: Model, grid: Float32Array, heatmap: Float32Array, side: number): Promise<ProbeCell[]> {
  const cells = probeCells(side);
  const xy = new Float32Array(cells.flatMap((c) => [grid[2 * c]!, grid[2 * c + 1]!]));
  const d = tf.tidy(() => model.predict(tf.tensor2d(xy, [cells.length, 2])) as tf.Tensor);
  const values = await d.data();
  d.dispose();
  return cells.map((c, k) => ({ row: Math.floor(c / side), col: c % side, x: xy[2 * k]!, y: xy[2 * k + 1]!, heatmap: heatmap[c]!, d: values[k]! }));
}
