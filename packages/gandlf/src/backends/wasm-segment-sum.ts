/**
 * `UnsortedSegmentSum` for the tfjs `wasm` backend, which 4.22 lacks. It is the
 * gradient of `gather`, so of `tf.layers.embedding`: without it the first
 * training step of a model with an Embedding throws on wasm.
 *
 * A scatter-add over the values read out of wasm memory: n * d adds for n rows of
 * d values. A one-hot matmul would take numSegments * n * d multiply-adds and a
 * numSegments x n one-hot tensor, which grows with the vocabulary. Ids outside
 * [0, numSegments) are dropped, as tfjs's cpu and webgl kernels drop them; the
 * output dtype is `sumOutType(x.dtype)`, as on webgl (cpu returns float32 for int32).
 */
import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError, ShapeMismatchError } from '../errors';
import { scoped, type Info } from './kernel-scope';

const NAME = 'UnsortedSegmentSum';

/** The kernel: `out[s, ...] = sum of x[i, ...] over the i with segmentIds[i] = s`. */
export function unsortedSegmentSumWasm(args: Parameters<tf.KernelFunc>[0]): Info {
  return scoped(args.backend, NAME, (k) => {
    const x = args.inputs['x']!;
    const ids = args.inputs['segmentIds']!;
    const numSegments = (args.attrs ?? {})['numSegments'];
    if (typeof numSegments !== 'number' || !Number.isInteger(numSegments) || numSegments < 0) {
      throw new InvalidArgumentError(`'${NAME}' (gandlf wasm kernel) needs a non-negative integer numSegments. Received: numSegments=${describe(numSegments)}`);
    }
    if (x.dtype !== 'float32' && x.dtype !== 'int32' && x.dtype !== 'bool') {
      throw new InvalidArgumentError(`'${NAME}' (gandlf wasm kernel) sums float32, int32 or bool tensors. Received: x.dtype=${x.dtype}`);
    }
    // tfjs documents segmentIds as a 1-D tensor over x's first axis, and gather's gradient passes one.
    if (ids.shape.length !== 1 || x.shape.length === 0 || ids.shape[0] !== x.shape[0]) {
      throw new ShapeMismatchError(
        `'${NAME}' (gandlf wasm kernel) needs 1-D segmentIds as long as x's first axis. Received: x.shape=[${x.shape.join(',')}], segmentIds.shape=[${ids.shape.join(',')}]`,
      );
    }
    const inner = x.shape.slice(1);
    const d = inner.reduce((p, s) => p * s, 1);
    const values = k.values(x);
    const segment = k.values(ids);
    // Summed in float64, then rounded once, as the cpu kernel's Sum does.
    const acc = new Float64Array(numSegments * d);
    for (let i = 0; i < segment.length; i++) {
      const s = segment[i]!;
      if (s < 0 || s >= numSegments) continue;
      const from = i * d;
      const to = s * d;
      for (let j = 0; j < d; j++) acc[to + j] = acc[to + j]! + values[from + j]!;
    }
    const dtype = tf.sumOutType(x.dtype) === 'int32' ? 'int32' : 'float32';
    return k.write(dtype === 'int32' ? Int32Array.from(acc) : Float32Array.from(acc), [numSegments, ...inner], dtype);
  });
}
