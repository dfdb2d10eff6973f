import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError, ShapeMismatchError } from '../errors';
import { checkOptions, optionKeys } from '../options';

/** Options of {@link interpolateLatents}. */
export interface InterpolateOptions {
  /** Spherical interpolation (slerp), which keeps Gaussian latents at a typical norm; linear otherwise. @default false */
  spherical?: boolean;
}

const INTERPOLATE_KEYS = optionKeys<InterpolateOptions>()({ spherical: true });

/**
 * `steps` latents from `z0` to `z1` inclusive, stacked as `[steps, ...latent]`:
 * linear `(1 - t) z0 + t z1`, or spherical
 * `sin((1 - t) Ω) / sin Ω · z0 + sin(t Ω) / sin Ω · z1` with Ω the angle between
 * them (White 2016), which falls back to linear when they are parallel.
 *
 * @example const path = latent.interpolateLatents(zA, zB, 8, { spherical: true }); model.sample([path]);
 *
 * @param z0 The start, `[...latent]` or `[1, ...latent]`.
 * @param z1 The end, the same shape.
 * @param steps How many latents, at least 2.
 */
export function interpolateLatents(z0: tf.Tensor, z1: tf.Tensor, steps: number, options: InterpolateOptions = {}): tf.Tensor {
  const fn = 'interpolateLatents';
  const { spherical = false } = checkOptions(options, INTERPOLATE_KEYS, fn);
  if (!Number.isInteger(steps) || steps < 2) {
    throw new InvalidArgumentError(`Argument 'steps' passed to '${fn}' must be an integer >= 2. Received: steps=${describe(steps)}`);
  }
  if (z0.shape.join(',') !== z1.shape.join(',')) {
    throw new ShapeMismatchError(`Arguments 'z0' and 'z1' passed to '${fn}' must have one shape. Received: [${z0.shape.join(',')}] and [${z1.shape.join(',')}]`);
  }
  const shape = z0.shape[0] === 1 && z0.rank > 1 ? z0.shape.slice(1) : z0.shape;
  const ts = Array.from({ length: steps }, (_, i) => i / (steps - 1));
  return tf.tidy(() => {
    const a = tf.reshape(z0, [1, -1]);
    const b = tf.reshape(z1, [1, -1]);
    let wa = ts.map((t) => 1 - t);
    let wb = ts;
    if (spherical) {
      const cos = tf.sum(tf.mul(a, b)).dataSync()[0]! / (tf.norm(a).dataSync()[0]! * tf.norm(b).dataSync()[0]! || 1);
      const omega = Math.acos(Math.min(1, Math.max(-1, cos)));
      if (Math.sin(omega) > 1e-6) {
        wa = ts.map((t) => Math.sin((1 - t) * omega) / Math.sin(omega));
        wb = ts.map((t) => Math.sin(t * omega) / Math.sin(omega));
      }
    }
    const path = tf.add(tf.mul(tf.tensor2d(wa, [steps, 1]), a), tf.mul(tf.tensor2d(wb, [steps, 1]), b));
    return tf.reshape(path, [steps, ...shape]);
  });
}
