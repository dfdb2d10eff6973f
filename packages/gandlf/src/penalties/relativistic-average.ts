import type * as tf from '@tensorflow/tfjs';
import { registerPenalty, type Penalty, type PenaltyContext } from '../engine/penalty';
import { describe, InvalidArgumentError } from '../errors';
import { checkKind, relativisticAverageDiscriminatorLoss, relativisticAverageGeneratorLoss, type RelativisticKind } from '../losses/relativistic';
import { checkOptions, optionKeys } from '../options';
import { ganContext, outputOf } from './gan-context';

/** Options of {@link relativisticAverage}. */
export interface RelativisticAverageOptions {
  /** The base loss on the relative scores. @default 'bce' (RaSGAN) */
  kind?: RelativisticKind;
  /** Which discriminator output holds the scores (logits). @default 0 */
  output?: number;
}

const RELATIVISTIC_AVERAGE_KEYS = optionKeys<RelativisticAverageOptions>()({ kind: true, output: true });

/** One player's relativistic average loss as a penalty; see {@link relativisticAverage}. */
export function relativisticAverageLoss(role: 'generator' | 'discriminator', options: RelativisticAverageOptions = {}): Penalty {
  const fn = 'relativisticAverage';
  const { kind = 'bce', output = 0 } = checkOptions(options, RELATIVISTIC_AVERAGE_KEYS, fn);
  if (role !== 'generator' && role !== 'discriminator') {
    throw new InvalidArgumentError(`Argument 'role' passed to '${fn}' must be 'generator' or 'discriminator'. Received: role=${describe(role)}`);
  }
  const loss = role === 'generator' ? relativisticAverageGeneratorLoss : relativisticAverageDiscriminatorLoss;
  checkKind(kind, fn);
  return {
    name: 'ra_loss',
    className: 'GandlfRelativisticAverage',
    compute(ctx: PenaltyContext): tf.Scalar {
      const { dReal, dFake } = ganContext(ctx, fn);
      return loss(outputOf(dReal, output, fn), outputOf(dFake, output, fn), kind);
    },
    getConfig: () => ({ role, kind, output }),
  };
}
registerPenalty('GandlfRelativisticAverage', ({ role, ...options }) => relativisticAverageLoss(role as 'generator', options as RelativisticAverageOptions));

/**
 * The relativistic average GAN (Jolicoeur-Martineau 2018) for a gandlf
 * `Model`. Its losses compare real and generated scores with each other, so
 * they are not functions of one output's `(yTrue, yPred)`: they are penalties
 * that see both. Weigh the ordinary output losses 0 and add these; they are
 * logged as `generator_ra_loss` and `discriminator_ra_loss`. The targets of
 * `fit` are then ignored (any constants do).
 *
 * @example
 * model.compile({ loss: 'binaryCrossentropyFromLogits', lossWeights: 0, penalties: penalties.relativisticAverage({ kind: 'hinge' }) });
 * await model.fit(['normal', x], [0, 1]);
 *
 * @param kind `'bce'` (RaSGAN), `'lsgan'` (RaLSGAN) or `'hinge'` (RaHingeGAN).
 * @param output The discriminator output holding the scores.
 */
export function relativisticAverage(options: RelativisticAverageOptions = {}): { generator: Penalty[]; discriminator: Penalty[] } {
  return { generator: [relativisticAverageLoss('generator', options)], discriminator: [relativisticAverageLoss('discriminator', options)] };
}
