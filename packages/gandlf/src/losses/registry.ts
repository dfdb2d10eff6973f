import { describe, UnknownNameError } from '../errors';
import { binaryCrossentropy, binaryCrossentropyFromLogits, hinge, maximize, meanSquaredError, minimize, negativeBinaryCrossentropy, squaredHinge, type LossFn } from './losses';
import { categoricalCrossentropy, categoricalHinge } from './categorical';
import { parseSmoothLabels, withSmoothedTargets } from './label-smoothing';
import { parseRbfMomentMatching, rbfMomentMatching } from './moment-matching';
import { kullbackLeiblerDivergence, poisson } from './probabilistic';
import { cosineProximity, logcosh, meanAbsoluteError, meanAbsolutePercentageError, meanSquaredLogarithmicError } from './regression';
import { wasserstein } from './wasserstein';

/**
 * The loss names `compile` accepts, with Keras's snake_case spellings and
 * short aliases (`keras/losses.py`: mse, mae, mape, msle, kld, cosine). A
 * function's first name here is the one checkpoints store.
 */
const LOSSES: Record<string, LossFn> = {
  binaryCrossentropy,
  binaryCrossentropyFromLogits,
  meanSquaredError,
  mse: meanSquaredError,
  lsgan: meanSquaredError,
  wasserstein,
  categoricalCrossentropy,
  categorical_crossentropy: categoricalCrossentropy,
  hinge,
  squaredHinge,
  negativeBinaryCrossentropy,
  maximize,
  minimize,
  binary_crossentropy: binaryCrossentropy,
  mean_squared_error: meanSquaredError,
  squared_hinge: squaredHinge,
  negative_binary_crossentropy: negativeBinaryCrossentropy,
  negative_xent: negativeBinaryCrossentropy, // gandlf's alias
  MSE: meanSquaredError,
  meanAbsoluteError,
  mean_absolute_error: meanAbsoluteError,
  mae: meanAbsoluteError,
  MAE: meanAbsoluteError,
  meanAbsolutePercentageError,
  mean_absolute_percentage_error: meanAbsolutePercentageError,
  mape: meanAbsolutePercentageError,
  MAPE: meanAbsolutePercentageError,
  meanSquaredLogarithmicError,
  mean_squared_logarithmic_error: meanSquaredLogarithmicError,
  msle: meanSquaredLogarithmicError,
  MSLE: meanSquaredLogarithmicError,
  kullbackLeiblerDivergence,
  kullback_leibler_divergence: kullbackLeiblerDivergence,
  kl_divergence: kullbackLeiblerDivergence,
  kld: kullbackLeiblerDivergence,
  KLD: kullbackLeiblerDivergence,
  logcosh,
  log_cosh: logcosh,
  poisson,
  cosineProximity,
  cosine_proximity: cosineProximity,
  cosine: cosineProximity,
  categoricalHinge,
  categorical_hinge: categoricalHinge,
  rbfMomentMatching,
  rbf_moment_matching: rbfMomentMatching,
  gmmn: rbfMomentMatching, // gandlf's aliases
  GMMN: rbfMomentMatching,
};

/** A loss given by name or as a function. */
export type LossIdentifier = string | LossFn;

/** The names `getLoss` knows. */
export function lossNames(): string[] {
  return Object.keys(LOSSES);
}

/**
 * Resolves a loss name or function.
 * @param where Names the caller and argument for the error message, e.g. `compile: loss for output 'yFake'`.
 */
export function getLoss(id: LossIdentifier, where: string): LossFn {
  if (typeof id === 'function') return id;
  if (typeof id === 'string' && Object.prototype.hasOwnProperty.call(LOSSES, id)) {
    return LOSSES[id] as LossFn;
  }
  const smoothed = typeof id === 'string' ? parseSmoothLabels(id) : undefined;
  if (smoothed) return smoothLabels(getLoss(smoothed.loss, where), smoothed.amount);
  const mmd = typeof id === 'string' ? parseRbfMomentMatching(id) : undefined;
  if (mmd) return mmd;
  throw new UnknownNameError(`Unknown loss in ${where}. Expected a function or one of: ${Object.keys(LOSSES).join(', ')}. Received: ${describe(id)}`);
}

/** The registered name of a loss function, or undefined for user functions. */
export function lossName(fn: LossFn): string | undefined {
  return Object.keys(LOSSES).find((k) => LOSSES[k] === fn);
}

/**
 * A loss with its targets pulled towards 0.5 by `amount`:
 * `y' = y (1 - 2 amount) + amount`, so 1 becomes `1 - amount` and 0 becomes
 * `amount`. Given to the discriminator's real output only, it is one-sided
 * label smoothing (Salimans et al. 2016): the discriminator gains nothing from
 * ever more confident scores on real data.
 *
 * In a gandlf `Model` trained with `fit(['normal', x], ['zeros', 'ones'])`,
 * real data has target 0 ('zeros' names real, 'ones' fake), so smoothing the
 * `real` mode turns its target into `amount`. A constant target does the same
 * without a wrapper: `fit(['normal', x], { gen: 0, real: 0.1, fake: 1 })`.
 *
 * The result is named `smoothLabels(binaryCrossentropy,0.1)`; checkpoints
 * store that name and `getLoss` resolves it again.
 *
 * @example model.compile({ loss: { real: losses.smoothLabels('binaryCrossentropy', 0.1), gen_fake: 'binaryCrossentropy' } })
 *
 * @param loss A registered loss, by name or as the function.
 * @param amount How far targets move towards 0.5, in [0, 0.5).
 */
export function smoothLabels(loss: LossIdentifier, amount: number): LossFn {
  const fn = getLoss(loss, "'smoothLabels': argument 'loss'");
  return withSmoothedTargets(fn, amount, lossName(fn) ?? fn.name);
}
