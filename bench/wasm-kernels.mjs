// @ts-check
// The DCGAN's convolution kernels one at a time on Node wasm (issue 19): for each of the
// two conv geometries of dcgan.mjs, the forward Conv2D (tfjs wasm runs it through
// XNNPACK) against the two gradients gandlf registers on wasm (registerWasmConvGradients:
// Conv2DBackpropInput, which is also conv2dTranspose's forward, and
// Conv2DBackpropFilter), in GFLOP/s, with PyTorch's same three ops on the same shapes as
// the reference (wasm-kernels.py, 1 thread, as Node's wasm is). Writes
// results/wasm-kernels.json and prints the table for bench/README.md.
//
//   node wasm-kernels.mjs [--reps=10]
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const flags = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const REPS = Number(flags['reps'] ?? 15);
const WARMUP = 5;

/**
 * The DCGAN's strided convs as (big input x, small output y): D's two layers, and the
 * same two geometries transposed in G (G's 7 -> 14 layer is D's 14 -> 7 conv read
 * backwards, G's 14 -> 28 is D's 28 -> 14), batch 64, kernel 5, stride 2, 'same'.
 */
export const SHAPES = [
  { name: '28x28x1 -> 14x14x64 (D1, G2)', x: [64, 28, 28, 1], w: [5, 5, 1, 64] },
  { name: '14x14x64 -> 7x7x128 (D2, G1)', x: [64, 14, 14, 64], w: [5, 5, 64, 128] },
];
/** Multiply-adds times 2 of one conv: the same count for its forward and its two gradients. */
const flops = (/** @type {number[]} */ x, /** @type {number[]} */ w) => 2 * x[0] * (x[1] / 2) * (x[2] / 2) * w[0] * w[1] * w[2] * w[3];

async function tfjs() {
  const tf = await import('@tensorflow/tfjs');
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const { backends } = await import('gandlf');
  wasm.setWasmPaths(join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/');
  backends.registerWasmConvGradients();
  await tf.setBackend('wasm');
  const attrs = { strides: 2, pad: 'same', dataFormat: 'NHWC' };
  /** @type {Record<string, Record<string, number>>} */
  const out = {};
  for (const { name, x: xs, w: ws } of SHAPES) {
    const x = tf.randomNormal(/** @type {[number, number, number, number]} */ (xs));
    const w = tf.randomNormal(/** @type {[number, number, number, number]} */ (ws));
    const dy = tf.randomNormal([xs[0], xs[1] / 2, xs[2] / 2, ws[3]]);
    /** @type {Record<string, () => import('@tensorflow/tfjs').Tensor>} */
    const kernels = {
      Conv2D: () => tf.conv2d(/** @type {import('@tensorflow/tfjs').Tensor4D} */ (x), /** @type {import('@tensorflow/tfjs').Tensor4D} */ (w), 2, 'same'),
      Conv2DBackpropInput: () => tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: w }, { ...attrs, inputShape: xs }),
      Conv2DBackpropFilter: () => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: ws }),
    };
    out[name] = {};
    for (const [kernel, run] of Object.entries(kernels)) {
      // XNNPACK operator creation and the wasm heap growing happen in the first calls.
      for (let i = 0; i < WARMUP; i++) run().dispose();
      const times = [];
      for (let i = 0; i < REPS; i++) {
        const t = performance.now();
        const y = run();
        await y.data();
        times.push(performance.now() - t);
        y.dispose();
      }
      times.sort((a, b) => a - b);
      out[name][kernel] = times[Math.floor(times.length / 2)];
    }
    tf.dispose([x, w, dy]);
  }
  return { backend: tf.getBackend(), threads: wasm.getThreadsCount(), ms: out };
}

function pytorch() {
  const p = spawnSync('/usr/bin/python3', [join(here, 'wasm-kernels.py'), `--reps=${REPS}`], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1' }, timeout: 10 * 60_000 });
  const line = p.stdout.trim().split('\n').pop() ?? '';
  if (p.status !== 0 || !line.startsWith('{')) return { error: `pytorch failed (status ${p.status}): ${p.stderr.slice(-500)}` };
  return JSON.parse(line);
}

const before = os.loadavg();
const gandlf = await tfjs();
const torch = pytorch();
const load = { before: before.map((v) => Number(v.toFixed(2))), after: os.loadavg().map((v) => Number(v.toFixed(2))) };
const rows = [];
for (const { name, x, w } of SHAPES) {
  const f = flops(x, w);
  const forward = gandlf.ms[name]['Conv2D'];
  for (const kernel of ['Conv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter']) {
    const ms = gandlf.ms[name][kernel];
    const ref = 'ms' in torch ? torch.ms[name]?.[kernel] : undefined;
    rows.push({
      shape: name,
      kernel,
      mflop: Number((f / 1e6).toFixed(1)),
      ms: Number(ms.toFixed(2)),
      gflops: Number((f / ms / 1e6).toFixed(2)),
      vsForward: Number((forward / ms).toFixed(2)),
      ...(ref ? { pytorchMs: Number(ref.toFixed(2)), pytorchGflops: Number((f / ref / 1e6).toFixed(2)) } : {}),
    });
  }
}
const result = {
  date: new Date().toISOString(),
  node: process.version,
  reps: REPS,
  load,
  wasm: { threads: gandlf.threads },
  pytorch: 'error' in torch ? torch : { version: torch.version, threads: torch.threads },
  rows,
};
writeFileSync(join(here, 'results', 'wasm-kernels.json'), JSON.stringify(result, null, 2) + '\n');
console.log(`Run of ${result.date.slice(0, 16).replace('T', ' ')} UTC, Node ${process.version} wasm (${gandlf.threads} thread), load ${load.before[0]} -> ${load.after[0]}, median of ${REPS}:\n`);
console.log('| conv (batch 64, k5, s2) | kernel | MFLOP | wasm ms | wasm GFLOP/s | vs forward | PyTorch 1 thread ms | PyTorch GFLOP/s |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.shape} | ${r.kernel} | ${r.mflop} | ${r.ms} | ${r.gflops} | ${r.vsForward}x | ${r.pytorchMs ?? '-'} | ${r.pytorchGflops ?? '-'} |`);
