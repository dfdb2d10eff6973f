import * as tf from '@tensorflow/tfjs';
import { registerPenalty, type Penalty, type PenaltyContext } from '../engine/penalty';
import { describe, InvalidArgumentError } from '../errors';
import { checkOptions, optionKeys } from '../options';
import { Random } from '../random';
import { ensureSecondOrderGradients } from '../backends/second-order-gradients';
import { ganContext, outputOf, squaredNorms } from './gan-context';

/** Options of {@link gradientPenalty}. */
export interface GradientPenaltyOptions {
  /** λ, the penalty's weight in the critic's loss. @default 10, as in the paper */
  weight?: number;
  /** The gradient norm the penalty pulls towards. @default 1 (1-Lipschitz) */
  target?: number;
  /** Which discriminator output to differentiate. @default 0 */
  output?: number;
  /** Seeds the interpolation weights ε. @default unseeded */
  seed?: number;
  /** Name in the logs (`discriminator_${name}`). @default 'gp' */
  name?: string;
}

const GRADIENT_PENALTY_KEYS = optionKeys<GradientPenaltyOptions>()({ weight: true, target: true, output: true, seed: true, name: true });

/**
 * The WGAN-GP gradient penalty (Gulrajani et al. 2017), a penalty for the
 * critic: `λ mean((|∇x̂ D(x̂)|₂ - 1)²)` at random interpolates
 * `x̂ = ε x + (1 - ε) G(z)`, one `ε ~ U[0, 1]` per sample. It keeps the critic
 * close to 1-Lipschitz, which the Wasserstein loss needs.
 *
 * It differentiates D's gradient (a second-order gradient): D must use ops
 * whose backward kernels are differentiable in tfjs. Dense, Conv2D, ReLU,
 * LeakyReLU, SELU, sigmoid, tanh and BatchNormalization work (creating the
 * penalty patches tfjs for some of them, see `ensureSecondOrderGradients`);
 * pooling layers, ELU, UpSampling2D and depthwise convolutions do not, and
 * training then throws `MissingGradientError` naming the op. D sees the
 * interpolates through the `Model`'s DiffAugment, as it sees every sample.
 *
 * @example
 * model.compile({ loss: 'wasserstein', penalties: { discriminator: [penalties.gradientPenalty({ weight: 10 })] } });
 *
 * @param weight λ.
 * @param output The discriminator output it applies to.
 */
export function gradientPenalty(options: GradientPenaltyOptions = {}): Penalty {
  const fn = 'gradientPenalty';
  const { weight = 10, target = 1, output = 0, seed, name = 'gp' } = checkOptions(options, GRADIENT_PENALTY_KEYS, fn);
  checkNumber(weight, 'weight', fn);
  checkNumber(target, 'target', fn);
  ensureSecondOrderGradients();
  const random = new Random(seed);
  return {
    name,
    className: 'GandlfGradientPenalty',
    compute(ctx: PenaltyContext): tf.Scalar {
      const { real, fake, discriminate } = ganContext(ctx, fn);
      const b = real[0]!.shape[0] as number;
      const eps = tf.randomUniform([b], 0, 1, 'float32', random.nextSeed());
      const mixed = real.map((x, k) => {
        const e = tf.reshape(eps, [b, ...x.shape.slice(1).map(() => 1)]);
        return tf.add(tf.mul(e, x), tf.mul(tf.sub(1, e), fake[k]!));
      });
      const grads = tf.grads((...xs: tf.Tensor[]) => tf.sum(outputOf(discriminate(xs), output, fn)))(mixed);
      const norms = tf.sqrt(tf.add(squaredNorms(grads), 1e-12));
      return tf.mul(weight, tf.mean(tf.square(tf.sub(norms, target)))) as tf.Scalar;
    },
    getConfig: () => ({ weight, target, output, name, ...(seed === undefined ? {} : { seed }) }),
  };
}
registerPenalty('GandlfGradientPenalty', (c) => gradientPenalty(c as GradientPenaltyOptions));

/** Throws unless `value` is a finite number. */
export function checkNumber(value: unknown, arg: string, fn: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(`Option '${arg}' passed to '${fn}' must be a finite number. Received: ${arg}=${describe(value)}`);
  }
}
