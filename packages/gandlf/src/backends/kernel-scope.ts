/**
 * Lets a kernel run other kernels of its backend directly, as tfjs's own kernels
 * do, and free what it made: nothing is recorded on the gradient tape or tracked
 * by the engine.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError } from '../errors';

export const WASM = 'wasm';
export type Info = tf.TensorInfo;

/** The part of a tfjs backend these kernels use: free intermediates, read and write small tensors. */
type DisposingBackend = Pick<tf.KernelBackend, 'disposeData' | 'readSync' | 'write'>;

function isDisposingBackend(b: unknown): b is DisposingBackend {
  const m = b as Partial<Record<keyof DisposingBackend, unknown>> | null;
  return typeof m === 'object' && m !== null && ['disposeData', 'readSync', 'write'].every((f) => typeof m[f as keyof DisposingBackend] === 'function');
}

/**
 * Runs other wasm kernels directly (as tfjs's own kernels do), so nothing is
 * recorded on the gradient tape or tracked by the engine, and frees every
 * intermediate it made except the result.
 */
export class KernelScope {
  private readonly made: Info[] = [];
  constructor(private readonly backend: DisposingBackend) {}

  /** Runs the wasm kernel registered under `kernelName`. */
  run(kernelName: string, inputs: Record<string, Info>, attrs: tf.NamedAttrMap = {}): Info {
    return this.call(tf.getKernel(kernelName, WASM).kernelFunc, inputs, attrs);
  }

  /** Runs a kernel function (e.g. the one a gandlf kernel replaced). */
  call(kernelFunc: tf.KernelFunc, inputs: Record<string, Info>, attrs: tf.NamedAttrMap = {}): Info {
    const out = kernelFunc({ inputs, backend: this.backend, attrs });
    const info = Array.isArray(out) ? out[0]! : out;
    this.made.push(info);
    return info;
  }

  /** `run` with a list of inputs (Pack, Concat). */
  runList(kernelName: string, inputs: Info[], attrs: tf.NamedAttrMap): Info {
    return this.run(kernelName, inputs as unknown as Record<string, Info>, attrs);
  }

  /** The values of a (small) float32 tensor. */
  read(t: Info): Float32Array {
    return this.backend.readSync(t.dataId) as Float32Array;
  }

  /** The values of a (small) tensor of any numeric dtype. */
  values(t: Info): tf.TypedArray {
    return this.backend.readSync(t.dataId) as tf.TypedArray;
  }

  /** A new tensor holding `values`, freed with the intermediates unless it is the result. */
  write(values: Float32Array | Int32Array, shape: number[], dtype: 'float32' | 'int32' = 'float32'): Info {
    const info: Info = { dataId: this.backend.write(values, shape, dtype), shape, dtype };
    this.made.push(info);
    return info;
  }

  /** Frees everything `run` made except `result`, and returns `result`. */
  finish(result: Info): Info {
    for (const t of this.made) if (t !== result) this.backend.disposeData(t.dataId);
    return result;
  }

  /** Frees everything `run` made (on the error path). */
  abandon(): void {
    for (const t of this.made) this.backend.disposeData(t.dataId);
  }
}

/** Wraps a kernel body so that a throw still frees the intermediates. */
export function scoped(backend: unknown, kernelName: string, body: (k: KernelScope) => Info): Info {
  if (!isDisposingBackend(backend)) {
    throw new InvalidArgumentError(`'${kernelName}' (gandlf wasm kernel) needs a tfjs backend. Received: backend=${describe(backend)}`);
  }
  const k = new KernelScope(backend);
  try {
    return k.finish(body(k));
  } catch (e) {
    k.abandon();
    throw e;
  }
}
