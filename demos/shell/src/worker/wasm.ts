import * as tf from '@tensorflow/tfjs';
import { backends } from 'gandlf';
// The binaries, emitted by Vite next to the bundle (no CDN: demos must work offline).
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

let pathsSet = false;

/**
 * Starts tfjs's wasm backend (XNNPACK) with gandlf's conv gradients, so conv
 * GANs train on it. Resolves to what runs it ('XNNPACK, SIMD, 2 threads'), or
 * to the reason it could not start.
 */
export async function startWasm(): Promise<{ detail: string } | string> {
  // Its own chunk: pages that never need wasm never load it.
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  if (!pathsSet) {
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlain,
      'tfjs-backend-wasm-simd.wasm': wasmSimd,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
    });
    pathsSet = true;
  }
  backends.registerWasmConvGradients();
  // tfjs's threaded build spawns its pthreads from glue code that fails inside
  // a module worker ("e is not defined"); the single-threaded SIMD build runs.
  if (insideWorker()) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (!(await tf.setBackend('wasm'))) return 'tf.setBackend returned false';
  await tf.ready();
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = wasm.getThreadsCount();
  // Threads need SharedArrayBuffer, which needs the COOP/COEP headers the demo servers send.
  const isolation = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated ? '' : ', not cross-origin isolated';
  return { detail: `XNNPACK${simd ? ', SIMD' : ''}, ${threads} thread${threads === 1 ? '' : 's'}${isolation}` };
}

function insideWorker(): boolean {
  return typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
}
