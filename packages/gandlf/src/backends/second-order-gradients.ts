import * as tf from '@tensorflow/tfjs';

// Two gaps in tfjs 4.22's gradients of gradients, which the gradient penalty,
// R1 and Unrolled's second order (`engine/unroll-second-order.ts`) take:
//
// 1. Comparisons have no gradient. It is zero (they are piecewise constant),
//    and first-order gradients never need it, but the second order does:
//    LeakyReLU's gradient is `where(x > 0, dy, alpha dy)`, and
//    differentiating it again reaches `Greater`, which then throws.
// 2. Gradients that reuse a kernel's *output* lose the second-order term.
//    The engine saves a copy of the output before it records the kernel on the
//    tape, so the copy looks unconnected and is pruned: tanh'' comes out 0 and
//    `tf.grad(tf.grad(tf.tanh))` throws. Tanh, Sigmoid and Exp get gradients
//    that recompute the output from the saved input instead (same values,
//    one extra elementwise op in the backward pass).
//
// Other kernels whose gradients save outputs (Softmax, LogSoftmax, Pow, Max,
// Min, MaxPool, LRN, Elu) keep the gap; keep them off the path from the
// discriminator's input to the penalised output.
// LogicalAnd comes from clipByValue's gradient, which binary cross-entropy's
// clipping puts on the path; its inputs are bool, so their zeros are float32
// (the tape only sums float32 gradients).
const COMPARISONS = ['Greater', 'GreaterEqual', 'Less', 'LessEqual', 'Equal', 'NotEqual', 'LogicalAnd', 'LogicalOr'];

const FROM_INPUT: Record<string, (x: tf.Tensor, dy: tf.Tensor) => tf.Tensor> = {
  Tanh: (x, dy) => tf.mul(dy, tf.sub(1, tf.square(tf.tanh(x)))),
  Sigmoid: (x, dy) => {
    const s = tf.sigmoid(x);
    return tf.mul(dy, tf.mul(s, tf.sub(1, s)));
  },
  Exp: (x, dy) => tf.mul(dy, tf.exp(x)),
};

let done = false;

/**
 * Makes tfjs's second-order gradients usable for the gradient penalty, R1 and
 * `Unrolled({ secondOrder: true })`:
 * registers zero gradients for the comparison kernels that lack one, and
 * gradients of Tanh, Sigmoid and Exp that stay connected at second order.
 * First-order gradients are unchanged. The change is global and happens once,
 * when the first such penalty (or second-order Unrolled) is created.
 */
export function ensureSecondOrderGradients(): void {
  if (done) return;
  done = true;
  for (const kernelName of COMPARISONS) {
    if (tf.getGradient(kernelName)) continue;
    tf.registerGradient({
      kernelName,
      inputsToSave: ['a', 'b'],
      gradFunc: (_dy, saved) => {
        const [a, b] = saved as [tf.Tensor, tf.Tensor];
        return { a: () => tf.zeros(a.shape), b: () => tf.zeros(b.shape) };
      },
    });
  }
  for (const [kernelName, grad] of Object.entries(FROM_INPUT)) {
    tf.registerGradient({
      kernelName,
      inputsToSave: ['x'],
      gradFunc: (dy, saved) => ({ x: () => grad(saved[0] as tf.Tensor, dy as tf.Tensor) }),
    });
  }
}
