import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError, UnknownNameError } from '../errors';
import { adamOptimizer } from './adam-optimizer';

// Keras defaults, with epsilon set explicitly: left unset, tfjs takes the
// backend's epsilon, which is 1e-4 on WebGL and 1e-7 elsewhere, so the same
// model would train differently per backend.
const OPTIMIZERS: Record<string, () => tf.Optimizer> = {
  adam: () => adamOptimizer(),
  sgd: () => tf.train.sgd(0.01),
  rmsprop: () => tf.train.rmsprop(0.001, 0.9, 0, 1e-7),
  adagrad: () => tf.train.adagrad(0.01),
  adadelta: () => tf.train.adadelta(0.001, 0.95, 1e-7),
  adamax: () => tf.train.adamax(0.002, 0.9, 0.999, 1e-7),
};

/** An optimizer given by name (`'adam'`, `'sgd'`, ...) or as a tfjs optimizer. */
export type OptimizerIdentifier = string | tf.Optimizer;

/** The optimizer names `compile` accepts. */
export function optimizerNames(): string[] {
  return Object.keys(OPTIMIZERS);
}

/** Resolves an optimizer name to a fresh instance; passes instances through. */
export function getOptimizer(id: OptimizerIdentifier, where: string): tf.Optimizer {
  // tfjs's instanceof check reads properties, so rule out null first.
  if (typeof id === 'object' && id !== null && id instanceof tf.Optimizer) return id;
  if (typeof id === 'string') {
    const make = OPTIMIZERS[id.toLowerCase()];
    if (make) return make();
    throw new UnknownNameError(`Unknown optimizer in ${where}. Expected a tf.Optimizer or one of: ${optimizerNames().join(', ')}. Received: ${describe(id)}`);
  }
  throw new InvalidArgumentError(`${where} must be an optimizer name or a tf.Optimizer. Received: ${describe(id)}`);
}

/** A new optimizer of the same class and settings, with fresh state. */
export function cloneOptimizer(opt: tf.Optimizer): tf.Optimizer {
  const ctor = opt.constructor as unknown as {
    fromConfig(cls: unknown, config: tf.serialization.ConfigDict): tf.Optimizer;
  };
  return ctor.fromConfig(ctor, opt.getConfig());
}

/**
 * Resolves one optimizer per player. The same instance may not serve two
 * players: tfjs optimizers key their slots by position in the var list, so a
 * shared Adam would mix one player's moments into the other's.
 */
export function resolvePlayerOptimizers(ids: readonly OptimizerIdentifier[], playerNames: readonly string[], fn: string): tf.Optimizer[] {
  const opts = ids.map((id, i) => getOptimizer(id, `'${fn}': playerOptimizers[${i}] (player '${playerNames[i]}')`));
  opts.forEach((o, i) => {
    const j = opts.indexOf(o);
    if (j !== i) {
      throw new InvalidArgumentError(
        `'${fn}': playerOptimizers[${j}] and playerOptimizers[${i}] are the same optimizer instance. ` +
          `Each player needs its own, because optimizer slots are keyed by position. Received: the same ${describe(o)} twice`,
      );
    }
  });
  return opts;
}
