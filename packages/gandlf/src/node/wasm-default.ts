import * as tf from '@tensorflow/tfjs';
import { noteWasmChosenByGandlf } from '../backends/default-backend';
import { registerWasmConvGradients } from '../backends/wasm-conv';

/**
 * Makes `wasm` the active backend when `@tensorflow/tfjs-backend-wasm` is
 * installed and nothing chose a backend yet (one set earlier, by the user or a
 * test setup, stays). `gandlf/node` calls it once on import, so a script's
 * first tensor already lives on wasm. Resolves to the backend it set, or null.
 */
export async function preferWasmByDefault(): Promise<string | null> {
  if (tf.engine().backendName) return null;
  try {
    await import('@tensorflow/tfjs-backend-wasm');
  } catch {
    return null; // not installed: tfjs takes cpu when first used
  }
  registerWasmConvGradients();
  if (!(await tf.setBackend('wasm'))) return null;
  noteWasmChosenByGandlf();
  return 'wasm';
}
