import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError } from '../errors';
import { checkOptions, optionKeys } from '../options';
import { checkNumber, CLIP_KEYS, KerasOptimizer, type KerasClipOptions } from './keras-optimizer';

/** Options of {@link sgd}, in Keras 2's spelling (`keras.optimizers.SGD`). */
export interface SgdOptions extends KerasClipOptions {
  /** Learning rate before decay. @default 0.01 */
  lr?: number;
  /** Momentum; 0 is plain SGD and keeps no slots. @default 0 */
  momentum?: number;
  /** Time-based decay: step `t` (from 0) uses `lr / (1 + decay · t)`. @default 0 */
  decay?: number;
  /** Nesterov momentum. @default false */
  nesterov?: boolean;
}

const SGD_KEYS = optionKeys<SgdOptions>()({ ...CLIP_KEYS, lr: true, momentum: true, decay: true, nesterov: true });

/**
 * Keras 2's SGD as a tfjs optimizer (see {@link sgd}). Keras's velocity form
 * `v = momentum · v - lr_t · g`, `p += v` (or `p += momentum · v - lr_t · g`
 * with Nesterov), where tfjs's momentum optimizer keeps `a = momentum · a + g`
 * and steps `-lr · a`: the same while `lr` is constant, but only Keras's form
 * keeps each past step at the rate it was taken with once `lr` decays.
 */
export class KerasSGD extends KerasOptimizer {
  static className = 'GandlfKerasSGD';
  readonly momentum: number;
  readonly nesterov: boolean;

  constructor(options: SgdOptions = {}) {
    const fn = 'sgd';
    const { lr = 0.01, momentum = 0, decay = 0, nesterov = false, ...clip } = checkOptions(options, SGD_KEYS, fn);
    super(lr, decay, fn, clip);
    checkNumber(momentum, 'momentum', fn, 0);
    if (typeof nesterov !== 'boolean') throw new InvalidArgumentError(`Option 'nesterov' passed to '${fn}' must be true or false. Received: nesterov=${describe(nesterov)}`);
    this.momentum = momentum;
    this.nesterov = nesterov;
  }

  protected override get slotNames(): readonly string[] {
    return this.momentum > 0 ? ['momentum'] : [];
  }

  protected override update(value: tf.Variable, gradient: tf.Tensor, slots: readonly tf.Variable[], lr: number): void {
    const step = tf.mul(gradient, -lr);
    const m = slots[0];
    if (!m) {
      value.assign(tf.add(value, step));
      return;
    }
    const v = tf.add(tf.mul(m, this.momentum), step);
    m.assign(v);
    value.assign(tf.add(value, this.nesterov ? tf.add(tf.mul(v, this.momentum), step) : v));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { lr: this.learningRate, momentum: this.momentum, decay: this.decay, nesterov: this.nesterov, ...this.clipConfig() };
  }
}
tf.serialization.registerClass(KerasSGD);

/**
 * Stochastic gradient descent as Keras 1/2 users write it,
 * `SGD(lr=0.01, momentum=0., decay=0., nesterov=False)`, with Keras's
 * learning-rate decay, which tfjs lacks: step `t` uses `lr / (1 + decay · t)`.
 * A tfjs optimizer, so it goes wherever one does (`playerOptimizers`,
 * `train.clipWeights`), and checkpoints restore it with its step count.
 *
 * @example gan.compile({ adversarialOptimizer, playerOptimizers: [train.sgd({ lr: 0.01, momentum: 0.9, decay: 1e-6, nesterov: true }), 'adam'], loss })
 */
export function sgd(options: SgdOptions = {}): KerasSGD {
  return new KerasSGD(options);
}
