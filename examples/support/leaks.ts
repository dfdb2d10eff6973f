// For the smoke tests: runs an example and reports the tensors it left behind.
import * as tf from '@tensorflow/tfjs';

/** Runs `fn` and returns its result with the number of tensors still alive that were not before. */
export async function countLeaks<R>(fn: () => Promise<R>): Promise<{ result: R; leaked: number }> {
  const before = tf.memory().numTensors;
  const result = await fn();
  return { result, leaked: tf.memory().numTensors - before };
}
