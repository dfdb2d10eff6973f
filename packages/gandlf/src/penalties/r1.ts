import * as tf from '@tensorflow/tfjs';
import { registerPenalty, type Penalty, type PenaltyContext } from '../engine/penalty';
import { ensureSecondOrderGradients } from '../backends/second-order-gradients';
import { ganContext, outputOf, squaredNorms } from './gan-context';
import { checkNumber } from './gradient-penalty';
import { checkOptions, optionKeys } from '../options';

/** Options of {@link r1Penalty}. */
export interface R1Options {
  /** γ: the penalty is `γ / 2 · mean |∇x D(x)|²`. @default 10 */
  gamma?: number;
  /** Which discriminator output to differentiate; use the logits. @default 0 */
  output?: number;
  /** Name in the logs (`discriminator_${name}`). @default 'r1' */
  name?: string;
}

const R1_KEYS = optionKeys<R1Options>()({ gamma: true, output: true, name: true });

/**
 * R1 regularisation (Mescheder et al. 2018), a penalty for the
 * discriminator: `γ / 2 · mean |∇x D(x)|²` on real data only. It penalises the
 * discriminator for a steep surface around the data, which makes GAN training
 * converge locally. Apply it to an unsquashed output (logits, with
 * `binaryCrossentropyFromLogits`).
 *
 * Like `gradientPenalty` it needs second-order gradients; see there for the
 * layers that support them.
 *
 * @example
 * model.compile({ loss: 'binaryCrossentropyFromLogits', penalties: { discriminator: [penalties.r1Penalty({ gamma: 10 })] } });
 *
 * @param gamma γ.
 * @param output The discriminator output it applies to.
 */
export function r1Penalty(options: R1Options = {}): Penalty {
  const fn = 'r1Penalty';
  const { gamma = 10, output = 0, name = 'r1' } = checkOptions(options, R1_KEYS, fn);
  checkNumber(gamma, 'gamma', fn);
  ensureSecondOrderGradients();
  return {
    name,
    className: 'GandlfR1',
    compute(ctx: PenaltyContext): tf.Scalar {
      const { real, discriminate } = ganContext(ctx, fn);
      const grads = tf.grads((...xs: tf.Tensor[]) => tf.sum(outputOf(discriminate(xs), output, fn)))([...real]);
      return tf.mul(gamma / 2, tf.mean(squaredNorms(grads))) as tf.Scalar;
    },
    getConfig: () => ({ gamma, output, name }),
  };
}
registerPenalty('GandlfR1', (c) => r1Penalty(c as R1Options));
