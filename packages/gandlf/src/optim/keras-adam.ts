import * as tf from '@tensorflow/tfjs';
import { checkOptions, optionKeys } from '../options';
import { checkNumber, CLIP_KEYS, KerasOptimizer, type KerasClipOptions } from './keras-optimizer';

/** Options of {@link adam}, in Keras 2's spelling (`keras.optimizers.Adam`). */
export interface AdamOptions extends KerasClipOptions {
  /** Learning rate before decay. @default 0.001 */
  lr?: number;
  /** Decay of the first-moment estimate (Keras's `beta_1`). @default 0.9 */
  beta1?: number;
  /** Decay of the second-moment estimate (Keras's `beta_2`). @default 0.999 */
  beta2?: number;
  /**
   * Added to the root of the second moment. Keras 2's `None` means `K.epsilon()`, 1e-7;
   * it is fixed here, where tfjs would take the backend's (1e-4 on WebGL). Keras 1 used 1e-8.
   * @default 1e-7
   */
  epsilon?: number;
  /** Time-based decay: step `t` (from 0) uses `lr / (1 + decay · t)`. @default 0 */
  decay?: number;
}

const ADAM_KEYS = optionKeys<AdamOptions>()({ ...CLIP_KEYS, lr: true, beta1: true, beta2: true, epsilon: true, decay: true });

/**
 * Keras 2's Adam as a tfjs optimizer (see {@link adam}):
 * `lr_t = lr / (1 + decay · (t - 1)) · sqrt(1 - beta2^t) / (1 - beta1^t)` and
 * `p -= lr_t · m_t / (sqrt(v_t) + epsilon)`. tfjs's Adam divides by
 * `sqrt(v̂_t) + epsilon` instead, which scales epsilon differently; with
 * epsilon small the two agree to about epsilon. `beta^t` comes from the step
 * count, not running products, so a restored run continues bit for bit.
 */
export class KerasAdam extends KerasOptimizer {
  static className = 'GandlfKerasAdam';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;

  constructor(options: AdamOptions = {}) {
    const fn = 'adam';
    const { lr = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7, decay = 0, ...clip } = checkOptions(options, ADAM_KEYS, fn);
    super(lr, decay, fn, clip);
    checkNumber(beta1, 'beta1', fn, 0, 1);
    checkNumber(beta2, 'beta2', fn, 0, 1);
    checkNumber(epsilon, 'epsilon', fn, 0);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  protected override get slotNames(): readonly string[] {
    return ['m', 'v'];
  }

  protected override update(value: tf.Variable, gradient: tf.Tensor, [m, v]: readonly tf.Variable[], lr: number, t: number): void {
    const lrT = (lr * Math.sqrt(1 - this.beta2 ** t)) / (1 - this.beta1 ** t);
    const mT = tf.add(tf.mul(m!, this.beta1), tf.mul(gradient, 1 - this.beta1));
    const vT = tf.add(tf.mul(v!, this.beta2), tf.mul(tf.square(gradient), 1 - this.beta2));
    m!.assign(mT);
    v!.assign(vT);
    value.assign(tf.sub(value, tf.mul(tf.div(mT, tf.add(tf.sqrt(vT), this.epsilon)), lrT)));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { lr: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon, decay: this.decay, ...this.clipConfig() };
  }
}
tf.serialization.registerClass(KerasAdam);

/**
 * Adam as Keras 1/2 users write it,
 * `Adam(lr=0.001, beta_1=0.9, beta_2=0.999, epsilon=None, decay=0.)`, with
 * Keras's learning-rate decay, which tfjs lacks: step `t` uses
 * `lr / (1 + decay · t)`. A tfjs optimizer; checkpoints restore it with its
 * step count, so the decay continues where it stopped.
 *
 * @example gan.compile({ adversarialOptimizer, playerOptimizers: [train.adam({ lr: 1e-4, beta1: 0.5, decay: 1e-5 }), train.adam({ lr: 1e-3, beta1: 0.5 })], loss })
 */
export function adam(options: AdamOptions = {}): KerasAdam {
  return new KerasAdam(options);
}
