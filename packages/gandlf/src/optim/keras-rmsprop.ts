import * as tf from '@tensorflow/tfjs';
import { checkOptions, optionKeys } from '../options';
import { checkNumber, CLIP_KEYS, KerasOptimizer, type KerasClipOptions } from './keras-optimizer';

/** Options of {@link rmsprop}, in Keras 2's spelling (`keras.optimizers.RMSprop`). */
export interface RmspropOptions extends KerasClipOptions {
  /** Learning rate before decay. @default 0.001 */
  lr?: number;
  /** Decay of the mean square of the gradients (tfjs's `decay`; Keras's `rho`). @default 0.9 */
  rho?: number;
  /**
   * Added to the root of the mean square. Keras 2's `None` means `K.epsilon()`, 1e-7;
   * it is fixed here, where tfjs would take the backend's (1e-4 on WebGL). Keras 1 used 1e-8.
   * @default 1e-7
   */
  epsilon?: number;
  /** Time-based decay of the learning rate (not tfjs's `decay`, which is `rho`): step `t` (from 0) uses `lr / (1 + decay · t)`. @default 0 */
  decay?: number;
}

const RMSPROP_KEYS = optionKeys<RmspropOptions>()({ ...CLIP_KEYS, lr: true, rho: true, epsilon: true, decay: true });

/**
 * Keras 2's RMSprop as a tfjs optimizer (see {@link rmsprop}):
 * `a = rho · a + (1 - rho) · g²`, `p -= lr_t · g / (sqrt(a) + epsilon)`.
 * tfjs's RMSProp takes `sqrt(a + epsilon)` and keeps a momentum slot even at
 * momentum 0; this keeps Keras's one accumulator per variable.
 */
export class KerasRMSprop extends KerasOptimizer {
  static className = 'GandlfKerasRMSprop';
  readonly rho: number;
  readonly epsilon: number;

  constructor(options: RmspropOptions = {}) {
    const fn = 'rmsprop';
    const { lr = 0.001, rho = 0.9, epsilon = 1e-7, decay = 0, ...clip } = checkOptions(options, RMSPROP_KEYS, fn);
    super(lr, decay, fn, clip);
    checkNumber(rho, 'rho', fn, 0, 1);
    checkNumber(epsilon, 'epsilon', fn, 0);
    this.rho = rho;
    this.epsilon = epsilon;
  }

  protected override get slotNames(): readonly string[] {
    return ['rms'];
  }

  protected override update(value: tf.Variable, gradient: tf.Tensor, [a]: readonly tf.Variable[], lr: number): void {
    const aT = tf.add(tf.mul(a!, this.rho), tf.mul(tf.square(gradient), 1 - this.rho));
    a!.assign(aT);
    value.assign(tf.sub(value, tf.div(tf.mul(gradient, lr), tf.add(tf.sqrt(aT), this.epsilon))));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { lr: this.learningRate, rho: this.rho, epsilon: this.epsilon, decay: this.decay, ...this.clipConfig() };
  }
}
tf.serialization.registerClass(KerasRMSprop);

/**
 * RMSprop as Keras 1/2 users write it,
 * `RMSprop(lr=0.001, rho=0.9, epsilon=None, decay=0.)`, with Keras's
 * learning-rate decay, which tfjs lacks: step `t` uses `lr / (1 + decay · t)`.
 * Keras's `decay` is this decay; the mean square's decay is `rho`.
 *
 * @example model.compile({ optimizer: [train.rmsprop({ lr: 5e-5, decay: 1e-4 }), train.rmsprop({ lr: 5e-5 })], loss: 'wasserstein' })
 */
export function rmsprop(options: RmspropOptions = {}): KerasRMSprop {
  return new KerasRMSprop(options);
}
