// @ts-check
// Times the DCGAN preset in the browser. Query: ?backend=webgl|wasm&threads=N&warmup=1&steps=3.
// Exposes the result as window.__bench and body[data-status] ('done' or 'error') for wasm-conv.mjs.
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { backends } from 'gandlf';
import { dcgan, timeSteps } from '../dcgan.mjs';

const q = new URLSearchParams(location.search);
const backend = q.get('backend') ?? 'wasm';
const status = (/** @type {string} */ s) => (document.body.dataset.status = s);

async function main() {
  setWasmPaths('/wasm/'); // the server maps this to tfjs-backend-wasm's dist
  const threads = Number(q.get('threads') ?? 0);
  if (threads > 0) {
    setThreadsCount(threads);
    // tfjs-backend-wasm caps its pool at hardwareConcurrency / 2 (it assumes two hyperthreads
    // per core), so on 2 cores it never uses 2 threads. Reporting twice the threads asked for
    // lifts that cap; it must happen before the wasm module starts.
    Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 2 * threads });
  }
  backends.registerWasmConvGradients();
  if (!(await tf.setBackend(backend))) throw new Error(`could not set backend ${backend}`);
  const gan = dcgan();
  const r = await timeSteps(gan.step, { warmup: Number(q.get('warmup') ?? 1), steps: Number(q.get('steps') ?? 3) });
  // Where a wasm step's time goes, by kernel (one more step, profiled; too slow on webgl here).
  const kernels = backend === 'wasm' ? topKernels(await tf.profile(() => gan.step())) : null;
  gan.dispose();
  const result = {
    ...r,
    backend: tf.getBackend(),
    crossOriginIsolated: self.crossOriginIsolated,
    threads: backend === 'wasm' ? getThreadsCount() : null,
    threadsAsked: threads || null,
    wasmMultithreadSupport: await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
    hardwareConcurrency: navigator.hardwareConcurrency,
    userAgent: navigator.userAgent,
    kernels,
  };
  Object.assign(window, { __bench: result });
  /** @type {HTMLElement} */ (document.getElementById('out')).textContent = JSON.stringify(result, null, 2);
  status('done');
}

/**
 * Kernel times of a profiled step, summed by kernel name, slowest first.
 * @param {{ kernels: { name: string, kernelTimeMs: unknown }[] }} profile
 */
function topKernels(profile) {
  /** @type {Map<string, { ms: number, calls: number }>} */
  const by = new Map();
  for (const k of profile.kernels) {
    const e = by.get(k.name) ?? { ms: 0, calls: 0 };
    e.ms += Number(k.kernelTimeMs);
    e.calls++;
    by.set(k.name, e);
  }
  return [...by]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 10)
    .map(([name, e]) => ({ name, calls: e.calls, ms: Math.round(e.ms) }));
}

main().catch((e) => {
  Object.assign(window, { __bench: { error: String(e?.stack ?? e) } });
  status('error');
});
