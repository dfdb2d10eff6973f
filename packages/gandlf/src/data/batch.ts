import type * as tf from '@tensorflow/tfjs';

/** One batch: the model inputs and, per player, the targets of each output. */
export interface Batch {
  readonly inputs: tf.Tensor[];
  /** `targets[player][output]`. */
  readonly targets: tf.Tensor[][];
}
