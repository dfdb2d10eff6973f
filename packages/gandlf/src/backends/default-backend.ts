import * as tf from '@tensorflow/tfjs';
import { missingWasmKernels } from './wasm-conv';

// In Node, without tfjs-node (its install downloads a binary), the choice is
// wasm or cpu, and wasm is 10x to 450x faster when it has the kernels. So
// `gandlf/node` makes wasm the default, and compile() steps back to cpu for
// models wasm cannot train, but only when wasm was gandlf's choice, not the user's.

let chosenByGandlf = false;

/** `gandlf/node` made wasm the active backend by itself (see node/wasm-default.ts). */
export function noteWasmChosenByGandlf(): void {
  chosenByGandlf = true;
}

/**
 * Called by `compile`: when wasm is active because `gandlf/node` chose it,
 * and these models need a kernel wasm lacks, trains on cpu instead and says
 * so. Returns the warning, or null when nothing changed.
 */
export function ensureTrainableBackend(models: readonly tf.LayersModel[]): string | null {
  if (!chosenByGandlf || tf.getBackend() !== 'wasm') return null;
  const missing = missingWasmKernels(models);
  if (missing.length === 0) return null;
  // cpu starts synchronously: the switch is done when setBackend returns its promise.
  void tf.setBackend('cpu');
  chosenByGandlf = false;
  const warning = `gandlf: the wasm backend lacks ${missing.join(', ')} for these models; training on cpu instead (slower). Set a backend yourself to choose another.`;
  console.warn(warning);
  return warning;
}
