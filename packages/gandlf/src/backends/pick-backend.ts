/**
 * Chooses a tfjs backend that can train the given models, in the caller's order
 * of preference. gandlf never imports a backend package: import the ones you
 * want (`@tensorflow/tfjs-backend-wasm`, `-webgpu`) before calling.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError } from '../errors';
import { checkOptions, optionKeys } from '../options';
import { canTrainOnWasm, registerWasmConvGradients } from './wasm-conv';

/** Options of `pickBackend`. */
export interface PickBackendOptions {
  /**
   * Backends to try, best first. Names with no registered backend are skipped.
   * The default suits Node and machines without a GPU: wasm (XNNPACK, SIMD) is
   * 10x to 100x faster than cpu when it can train the models.
   * @default ['wasm', 'cpu']
   */
  prefer?: readonly string[];
  /** Models that will be trained: `wasm` is skipped when it lacks a kernel they need. @default [] (no check) */
  models?: readonly tf.LayersModel[];
}

const PICK_BACKEND_KEYS = optionKeys<PickBackendOptions>()({ prefer: true, models: true });

/**
 * Sets the first backend in `prefer` that is registered, initializes, and (for
 * `wasm`) has every kernel `models` need, after registering gandlf's wasm conv
 * kernels. Resolves to its name.
 *
 * @example
 * import '@tensorflow/tfjs-backend-wasm';
 * const backend = await backends.pickBackend({ models: [generator, discriminator] }); // 'wasm'
 *
 * @param options which backends to try, and the models to check them against.
 */
export async function pickBackend(options: PickBackendOptions = {}): Promise<string> {
  const { prefer = ['wasm', 'cpu'], models = [] } = checkOptions(options, PICK_BACKEND_KEYS, 'pickBackend');
  if (!Array.isArray(prefer) || prefer.length === 0 || !prefer.every((p) => typeof p === 'string')) {
    throw new InvalidArgumentError(`Argument 'prefer' passed to 'pickBackend' must be a non-empty array of backend names. Received: prefer=${describe(prefer)}`);
  }
  const before = tf.engine().backendName as string | null;
  for (const name of prefer) {
    if (!tf.findBackendFactory(name)) continue;
    if (name === 'wasm') registerWasmConvGradients();
    if (!(await tf.setBackend(name))) continue;
    // Checked once wasm is active: the check runs the models' training step, and there it
    // takes the kernels training will take (fast ones, where cpu would run conv gradients slowly).
    if (name === 'wasm' && models.length > 0 && !canTrainOnWasm(models)) continue;
    return name;
  }
  if (before && tf.getBackend() !== before) await tf.setBackend(before);
  throw new InvalidArgumentError(
    `'pickBackend' could not set any of the backends in 'prefer' (not registered, failed to start, or missing kernels the models need). Received: prefer=${describe(prefer)}`,
  );
}
