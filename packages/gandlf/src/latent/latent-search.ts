import * as tf from '@tensorflow/tfjs';
import { assertPositiveInt, describe, InvalidArgumentError, ShapeMismatchError } from '../errors';
import { checkOptions, optionKeys } from '../options';
import { Random } from '../random';

/** Options of {@link latentSearch}. */
export interface LatentSearchOptions {
  /** Gradient steps. @default 200 */
  steps?: number;
  /** Adam's step size in latent space. @default 0.05 */
  learningRate?: number;
  /** Seeds the starting point `z0 ~ N(0, 1)` when `z0` is not given. @default unseeded */
  seed?: number;
  /** Where the search starts, `[n, ...latent]`. @default drawn from N(0, 1) */
  z0?: tf.Tensor;
  /** The generator's other inputs (e.g. class labels), one row per target. @default none */
  inputs?: readonly tf.Tensor[];
}

const LATENT_SEARCH_KEYS = optionKeys<LatentSearchOptions>()({ steps: true, learningRate: true, seed: true, z0: true, inputs: true });

/** What {@link latentSearch} found: the latents and the loss before each step. */
export interface LatentSearchResult {
  /** The latents that reproduce the targets best, `[n, ...latent]`; yours to dispose. */
  z: tf.Tensor;
  /** Mean squared error between `G(z)` and the targets before each step, then after the last. */
  losses: number[];
}

/**
 * Finds latents whose generated samples reproduce given targets, by gradient
 * descent on `mean((G(z) - target)²)` with respect to `z` only (the seed's
 * reversing GAN example). The generator's weights do not change. Losses are
 * read back once, at the end.
 *
 * @example
 * const { z, losses } = await latent.latentSearch(model.generator, images, { steps: 300, learningRate: 0.05, seed: 1 });
 *
 * @param generator Its first input is the latent; any further inputs come from `inputs`.
 * @param target Samples to reproduce, `[n, ...output]`.
 */
export async function latentSearch(generator: tf.LayersModel, target: tf.Tensor, options: LatentSearchOptions = {}): Promise<LatentSearchResult> {
  const fn = 'latentSearch';
  const { steps = 200, learningRate = 0.05, seed, z0, inputs = [] } = checkOptions(options, LATENT_SEARCH_KEYS, fn);
  assertPositiveInt(steps, 'steps', fn);
  if (typeof learningRate !== 'number' || !(learningRate > 0)) {
    throw new InvalidArgumentError(`Option 'learningRate' passed to '${fn}' must be a positive number. Received: learningRate=${describe(learningRate)}`);
  }
  if (inputs.length !== generator.inputs.length - 1) {
    throw new ShapeMismatchError(`'${fn}': the generator takes ${generator.inputs.length} inputs, so 'inputs' must hold ${generator.inputs.length - 1} besides the latent. Received: ${inputs.length}`);
  }
  const n = target.shape[0] as number;
  const latentShape = generator.inputs[0]!.shape.slice(1) as number[];
  const out = generator.outputs[0]!.shape.slice(1).join(',');
  if (target.shape.slice(1).join(',') !== out) {
    throw new ShapeMismatchError(`Argument 'target' passed to '${fn}' must be [n, ${out}] like the generator's output. Received: shape [${target.shape.join(',')}]`);
  }
  const start = z0 ?? tf.randomNormal([n, ...latentShape], 0, 1, 'float32', new Random(seed).nextSeed());
  if (start.shape.join(',') !== [n, ...latentShape].join(',')) {
    throw new ShapeMismatchError(`Option 'z0' passed to '${fn}' must be [${[n, ...latentShape].join(',')}]. Received: shape [${start.shape.join(',')}]`);
  }
  const z = tf.variable(start, true);
  if (!z0) start.dispose();
  // Explicit epsilon: left unset, tfjs takes the backend's (1e-4 on WebGL).
  const optimizer = tf.train.adam(learningRate, 0.9, 0.999, 1e-7);
  const loss = () =>
    tf.tidy(() => {
      const g = generator.apply([z, ...inputs], { training: false }) as tf.Tensor | tf.Tensor[];
      return tf.mean(tf.squaredDifference(Array.isArray(g) ? g[0]! : g, target)) as tf.Scalar;
    });
  const history: tf.Scalar[] = [];
  try {
    for (let i = 0; i < steps; i++) history.push(optimizer.minimize(loss, true, [z]) as tf.Scalar);
    history.push(loss());
    const stacked = tf.stack(history);
    const losses = Array.from(await stacked.data());
    stacked.dispose();
    return { z: tf.clone(z), losses };
  } finally {
    tf.dispose(history);
    optimizer.dispose();
    z.dispose();
  }
}
