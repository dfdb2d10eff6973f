import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError, type Model } from 'gandlf';

// The generator's manifold: a square grid of latents drawn through G, which
// the page draws as a warped mesh.

/** A grid of latents and its shape. */
export interface LatentGrid {
  readonly rows: number;
  readonly cols: number;
  /** `rows * cols` latents of `latentDim` values each, row by row. */
  readonly z: Float32Array;
}

/**
 * A `side` × `side` grid over the first two latent dimensions, each over
 * `[-span, span]` (columns run along the first, rows down the second, from
 * +span), with every other dimension 0: the whole latent space for a 2-D
 * latent, a slice through its mean for larger ones. A 1-D latent gives one row.
 *
 * @example latentGrid(3, 2).z // [-2, 2, 0, 2, 2, 2, -2, 0, 0, 0, 2, 0, -2, -2, 0, -2, 2, -2]
 * @param side Vertices per side, at least 2.
 * @param latentDim Size of the generator's noise input.
 * @param span Half the range of each of the two dimensions: ±2 holds 95% of N(0, 1). @default 2
 */
export function latentGrid(side: number, latentDim: number, span = 2): LatentGrid {
  if (!Number.isInteger(side) || side < 2) throw new InvalidArgumentError(`Argument 'side' passed to 'latentGrid' must be an integer of at least 2. Received: side=${side}`);
  if (!Number.isInteger(latentDim) || latentDim < 1) throw new InvalidArgumentError(`Argument 'latentDim' passed to 'latentGrid' must be a positive integer. Received: latentDim=${latentDim}`);
  const rows = latentDim >= 2 ? side : 1;
  const cols = side;
  const at = (i: number) => -span + (2 * span * i) / (side - 1);
  const z = new Float32Array(rows * cols * latentDim);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = (r * cols + c) * latentDim;
      z[i] = at(c);
      if (latentDim >= 2) z[i + 1] = at(side - 1 - r);
    }
  }
  return { rows, cols, z };
}

/**
 * G at every latent of a {@link latentGrid}, in one pass, through the same
 * network the panels sample from (the moving average with `compile({ ema })`).
 * A generator with a one-hot category input (gandlf's mixtureLatentGenerator)
 * gets category 0 for every vertex.
 *
 * @example const { rows, cols, mesh } = await manifoldMesh(model, 21);
 * @param model A gandlf `Model` whose generator makes 2-D points from noise (and a category).
 * @param side Vertices per side.
 * @returns The grid's shape and `x, y` per vertex, row by row.
 */
export async function manifoldMesh(model: Model, side: number): Promise<{ rows: number; cols: number; mesh: Float32Array }> {
  const [noise, ...rest] = model.generator.inputs;
  const latentDim = noise!.shape[1] as number;
  if (rest.length > 1 || (rest[0] && rest[0].shape.length !== 2)) {
    throw new InvalidArgumentError(
      `'manifoldMesh' supports a generator of noise and at most one one-hot category input. Received: input shapes ${JSON.stringify(model.generator.inputs.map((i) => i.shape))}`,
    );
  }
  const { rows, cols, z } = latentGrid(side, latentDim);
  const n = rows * cols;
  const out = tf.tidy(() => {
    const inputs = [tf.tensor2d(z, [n, latentDim]), ...rest.map((c) => tf.oneHot(tf.zeros([n], 'int32'), c.shape[1] as number).toFloat())];
    // One batch of all n vertices: one pass, not sample()'s default batches of 32.
    return model.sample(inputs, { batchSize: n }) as tf.Tensor;
  });
  try {
    if (out.size !== 2 * n) throw new InvalidArgumentError(`'manifoldMesh' needs a generator of 2-D points. Received: output shape [${out.shape.join(',')}]`);
    return { rows, cols, mesh: new Float32Array(await out.data()) };
  } finally {
    out.dispose();
  }
}
