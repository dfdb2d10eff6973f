import * as tf from '@tensorflow/tfjs';
import { checkOptions, optionKeys } from '../options';
import { checkNumber } from './keras-optimizer';

/** Options of {@link adamOptimizer}. */
export interface AdamOptimizerOptions {
  /** @default 0.001 */
  learningRate?: number;
  /** Decay of the first-moment estimate. @default 0.9 */
  beta1?: number;
  /** Decay of the second-moment estimate. @default 0.999 */
  beta2?: number;
  /** @default 1e-7 (Keras's `K.epsilon()`) */
  epsilon?: number;
}

const KEYS = optionKeys<AdamOptimizerOptions>()({ learningRate: true, beta1: true, beta2: true, epsilon: true });

/**
 * tfjs's own `AdamOptimizer`, with epsilon always set: left unset, tfjs takes
 * the backend's epsilon, which is 1e-4 on WebGL and 1e-7 elsewhere (tfjs issue
 * 6980), so the same model would train differently per backend. `compile`'s
 * `'adam'` is this with the defaults; Keras 2's decaying Adam is `train.adam`.
 *
 * @example model.compile({ optimizer: [adamOptimizer({ learningRate: 2e-4, beta1: 0.5 }), 'adam'], loss })
 */
export function adamOptimizer(options: AdamOptimizerOptions = {}): tf.AdamOptimizer {
  const fn = 'adamOptimizer';
  const { learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7 } = checkOptions(options, KEYS, fn);
  checkNumber(learningRate, 'learningRate', fn, 0);
  checkNumber(beta1, 'beta1', fn, 0, 1);
  checkNumber(beta2, 'beta2', fn, 0, 1);
  checkNumber(epsilon, 'epsilon', fn, 0);
  return tf.train.adam(learningRate, beta1, beta2, epsilon);
}
