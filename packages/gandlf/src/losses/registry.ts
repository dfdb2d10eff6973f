import { describe, UnknownNameError } from '../errors';
import {
  binaryCrossentropy,
  binaryCrossentropyFromLogits,
  hinge,
  maximize,
  meanSquaredError,
  minimize,
  negativeBinaryCrossentropy,
  squaredHinge,
  type LossFn,
} from './losses';

/** The loss names `compile` accepts, with the Keras snake_case spellings as aliases. */
const LOSSES: Record<string, LossFn> = {
  binaryCrossentropy,
  binaryCrossentropyFromLogits,
  meanSquaredError,
  mse: meanSquaredError,
  hinge,
  squaredHinge,
  negativeBinaryCrossentropy,
  maximize,
  minimize,
  binary_crossentropy: binaryCrossentropy,
  mean_squared_error: meanSquaredError,
  squared_hinge: squaredHinge,
  negative_binary_crossentropy: negativeBinaryCrossentropy,
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
  throw new UnknownNameError(
    `Unknown loss in ${where}. Expected a function or one of: ${Object.keys(LOSSES).join(', ')}. Received: ${describe(id)}`,
  );
}

/** The registered name of a loss function, or undefined for user functions. */
export function lossName(fn: LossFn): string | undefined {
  return Object.keys(LOSSES).find((k) => LOSSES[k] === fn);
}
