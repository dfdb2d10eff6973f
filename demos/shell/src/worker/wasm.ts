import * as tf from '@tensorflow/tfjs';
import { backends } from 'gandlf';
// The binaries, emitted by Vite next to the bundle (no CDN: demos must work offline).
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { withThreads } from './wasm-threads';

let pathsSet = false;

/**
 * Starts tfjs's wasm backend (XNNPACK) with gandlf's conv gradients, so conv
 * GANs train on it, on `threads` threads where the page is cross-origin
 * isolated (default: every core). Resolves to what runs it ('XNNPACK, SIMD,
 * 2 threads'), or to the reason it could not start.
 */
export async function startWasm(threads = navigator.hardwareConcurrency): Promise<{ detail: string } | string> {
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
  // By default every core: the page's own thread mostly waits on the worker.
  wasm.setThreadsCount(threads);
  if (!(await withThreads(threads, () => tf.setBackend('wasm')))) return 'tf.setBackend returned false';
  await tf.ready();
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const running = wasm.getThreadsCount();
  // Threads need SharedArrayBuffer, which needs the COOP/COEP headers the demo servers send.
  const isolation = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated ? '' : ', not cross-origin isolated';
  return { detail: `XNNPACK${simd ? ', SIMD' : ''}, ${running} thread${running === 1 ? '' : 's'}${isolation}` };
}
