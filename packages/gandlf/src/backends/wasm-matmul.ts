/**
 * Dense layers' backward pass on wasm: tfjs-backend-wasm 4.22 sends every
 * `BatchMatMul` with `transposeA` or `transposeB` to a plain C++ loop (1 to 2
 * GFLOP/s), while untransposed ones run on XNNPACK (about 25 GFLOP/s). A dense
 * layer's weight gradient is `x^T dy`, its input gradient `dy W^T`. Transposing
 * the operand first costs one copy and takes the fast path.
 */
import * as tf from '@tensorflow/tfjs';
import { scoped, type Info } from './kernel-scope';

const swapLastTwo = (rank: number): number[] => [...Array(rank - 2).keys(), rank - 1, rank - 2];
const batchOf = (shape: readonly number[]): number => shape.slice(0, -2).reduce((p, d) => p * d, 1);

/**
 * A `BatchMatMul` kernel for wasm that transposes operands explicitly and then
 * calls `original` (wasm's own kernel) without transposes. Batched products
 * (batch > 1) take wasm's loop either way and go to `original` unchanged.
 *
 * @param original wasm's `BatchMatMul` kernel function.
 */
export function batchMatMulWasm(original: tf.KernelFunc): tf.KernelFunc {
  return (args) => {
    const { a, b } = args.inputs as { a: Info; b: Info };
    const attrs = args.attrs ?? {};
    const transposeA = attrs['transposeA'] === true;
    const transposeB = attrs['transposeB'] === true;
    if ((!transposeA && !transposeB) || batchOf(a.shape) !== 1 || batchOf(b.shape) !== 1) return original(args);
    return scoped(args.backend, 'BatchMatMul', (k) => {
      const a2 = transposeA ? k.run('Transpose', { x: a }, { perm: swapLastTwo(a.shape.length) }) : a;
      const b2 = transposeB ? k.run('Transpose', { x: b }, { perm: swapLastTwo(b.shape.length) }) : b;
      return k.call(original, { a: a2, b: b2 }, { ...attrs, transposeA: false, transposeB: false });
    });
  };
}
