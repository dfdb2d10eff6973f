import * as tf from '@tensorflow/tfjs';

/**
 * When a backward pass throws (e.g. a kernel without a gradient, or one the
 * backend lacks), tfjs 4.22 leaves its tape behind with the tensors it saved
 * for the backward pass; free them so a failed step leaks nothing.
 */
export function disposeStaleTape(): void {
  const state = tf.engine().state as unknown as { gradientDepth: number; activeTape: { saved?: tf.Tensor[] }[] | null };
  if (state.gradientDepth !== 0 || !state.activeTape) return;
  for (const node of state.activeTape) for (const t of node.saved ?? []) t.dispose();
  state.activeTape = null;
}
