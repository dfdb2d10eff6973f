// @ts-check
// Framework overhead (issue 6): gandlf's Model against the hand-written tfjs loop
// (optimizer.minimize for D, then for G, with var lists: GAN Lab, the tfjs examples)
// on the same networks, batch 64, Adam, alternated in one process per runtime.
// Also the memory soak: tensors and bytes over 2,000 steps, and one step's peak bytes.
//
//   node bench/overhead.mjs                     everything; writes results/overhead.json,
//                                               results/memory.json and the README tables
//   node bench/overhead.mjs --only=node-wasm-mlp,chromium-webgl-mlp   a subset (merged into the JSON)
//   node bench/overhead.mjs --only=chromium-webgl-dcgan --rounds=4     more rounds than the case's default
//
// Cases: node-{cpu,wasm}-{small,mlp}, node-wasm-dcgan, chromium-{webgl,webgpu}-{small,mlp,dcgan};
// node-cpu-dcgan is recorded as skipped (tfjs cpu's Conv2DBackpropFilter: minutes a step).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { updateTable } from './readme-table.mjs';
import { chromiumLaunchOptions } from '../e2e/support/find-chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const flags = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k ?? '', v ?? 'true'];
  }),
);

/** @typedef {{ warmup: number, steps: number, rounds: number, trainers?: string }} Counts */
/** Steps per round are sized so a round takes seconds; SwiftShader DCGAN steps take a minute, so one step, two rounds. */
/** @type {Record<string, Counts>} */
const CASES = {
  'node-cpu-small': { warmup: 5, steps: 20, rounds: 15 },
  'node-wasm-small': { warmup: 5, steps: 20, rounds: 15 },
  'node-cpu-mlp': { warmup: 1, steps: 1, rounds: 9 },
  'node-wasm-mlp': { warmup: 2, steps: 2, rounds: 15 },
  'node-wasm-dcgan': { warmup: 1, steps: 1, rounds: 9 },
  'chromium-webgl-small': { warmup: 5, steps: 10, rounds: 15 },
  'chromium-webgpu-small': { warmup: 5, steps: 5, rounds: 11 },
  'chromium-webgl-mlp': { warmup: 2, steps: 1, rounds: 11 },
  'chromium-webgpu-mlp': { warmup: 1, steps: 1, rounds: 7 },
  'chromium-webgl-dcgan': { warmup: 1, steps: 1, rounds: 2 },
  'chromium-webgpu-dcgan': { warmup: 1, steps: 1, rounds: 2 },
};
const SKIPPED = {
  'node-cpu-dcgan': 'tfjs cpu takes about 12 minutes a DCGAN step here (Conv2DBackpropFilter alone is about 100 s a call), so 2 x 11 steps would take hours',
};

/** Load averages (1, 5, 15 min): two other engineers share these 2 cores. */
const load = () => os.loadavg().map((x) => Number(x.toFixed(2)));

/** @param {number[]} xs */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
}

/**
 * Steps/s per trainer (from the median seconds per step), and gandlf's speed
 * relative to the hand-written loop: the median over rounds of hand time / gandlf
 * time, so each ratio compares runs made seconds apart.
 * @param {Record<string, number[]>} perStep
 */
function ratios(/** @type {Record<string, number[]>} */ perStep) {
  const hand = perStep['hand'] ?? [];
  /** @type {Record<string, number>} */
  const stepsPerSec = {};
  /** @type {Record<string, number>} */
  const speedup = {};
  for (const [k, times] of Object.entries(perStep)) {
    stepsPerSec[k] = Number((1 / median(times)).toFixed(3));
    if (k !== 'hand') speedup[k] = Number(median(times.map((t, i) => (hand[i] ?? NaN) / t)).toFixed(3));
  }
  return { stepsPerSec, speedup };
}

/**
 * Wall-time figures, and in Node the same from CPU time (`cpuStepsPerSec`,
 * `cpuSpeedup`): with other jobs on the cores, CPU time is the steadier measure.
 * @param {{ perStep: Record<string, number[]>, cpuPerStep?: Record<string, number[]> }} r
 */
function summarize({ perStep, cpuPerStep }) {
  const wall = ratios(perStep);
  if (!cpuPerStep) return wall;
  const c = ratios(cpuPerStep);
  return { ...wall, cpuStepsPerSec: c.stepsPerSec, cpuSpeedup: c.speedup };
}

// ---- Node ----

async function nodeCase(/** @type {string} */ name, /** @type {Counts} */ counts) {
  const [, backend, arch] = name.split('-');
  const tf = await import('@tensorflow/tfjs');
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const { backends } = await import('gandlf');
  const { alternate, gandlfTrainer, handTrainer } = await import('./overhead-models.mjs');
  wasm.setWasmPaths(join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/');
  tf.env().set('PROD', true);
  // The conv gradients wasm lacks (tfjs 8474); the hand-written loop gets them too.
  backends.registerWasmConvGradients();
  if (!(await tf.setBackend(/** @type {string} */ (backend)))) throw new Error(`no ${backend} backend`);
  const a = /** @type {import('./overhead-models.mjs').Arch} */ (arch);
  const names = (counts.trainers ?? 'alternating,simultaneous,hand').split(',');
  /** @type {Record<string, import('./overhead-models.mjs').Trainer>} */
  const trainers = {};
  for (const n of names) trainers[n] = n === 'hand' ? handTrainer(a) : gandlfTrainer(a, /** @type {'alternating' | 'simultaneous'} */ (n));
  const before = load();
  const timed = await alternate(trainers, counts);
  for (const t of Object.values(trainers)) t.dispose();
  return { runtime: `Node ${process.version}`, backend, arch, ...counts, ...timed, ...summarize(timed), load: { before, after: load() } };
}

/** 2,000 steps of the small GAN, gandlf and the hand loop alternating every 100; tensors and bytes after each 100. */
async function memory(/** @type {number} */ steps) {
  const tf = await import('@tensorflow/tfjs');
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const { gandlfTrainer, handTrainer } = await import('./overhead-models.mjs');
  wasm.setWasmPaths(join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/');
  await tf.setBackend('wasm');
  /** @type {Record<string, unknown>} */
  const out = { runtime: `Node ${process.version}`, backend: 'wasm', steps, load: { before: load() } };
  for (const arch of /** @type {const} */ (['small'])) {
    for (const [name, make] of /** @type {const} */ ([
      ['alternating', () => gandlfTrainer(arch, 'alternating')],
      ['simultaneous', () => gandlfTrainer(arch, 'simultaneous')],
      ['hand', () => handTrainer(arch)],
    ])) {
      const t = make();
      await t.step(); // optimizer slots are created on the first step
      /** @type {{ step: number, tensors: number, bytes: number }[]} */
      const samples = [];
      for (let s = 1; s <= steps; s++) {
        await t.step();
        if (s % 100 === 0) samples.push({ step: s, tensors: tf.memory().numTensors, bytes: tf.memory().numBytes });
      }
      const first = /** @type {{ tensors: number, bytes: number }} */ (samples[0]);
      const last = /** @type {{ tensors: number, bytes: number }} */ (samples[samples.length - 1]);
      out[name] = { tensorsGrowth: last.tensors - first.tensors, bytesGrowth: last.bytes - first.bytes, samples };
      t.dispose();
    }
  }
  // Peak bytes of one step of the full-size GANs (tf.profile tracks the engine's peak).
  /** @type {Record<string, Record<string, number>>} */
  const peak = {};
  for (const arch of /** @type {const} */ (['mlp', 'dcgan'])) {
    peak[arch] = {};
    for (const [name, make] of /** @type {const} */ ([
      ['alternating', () => gandlfTrainer(arch, 'alternating')],
      ['simultaneous', () => gandlfTrainer(arch, 'simultaneous')],
      ['hand', () => handTrainer(arch)],
    ])) {
      const t = make();
      await t.step();
      const base = tf.memory().numBytes;
      const p = await tf.profile(async () => {
        await t.step();
        return [];
      });
      /** @type {Record<string, number>} */ (peak[arch])[name] = p.peakBytes - base;
      t.dispose();
    }
  }
  out['peakBytesAboveResident'] = peak;
  /** @type {Record<string, unknown>} */ (out['load'])['after'] = load();
  return out;
}

// ---- Chromium ----

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };

/** Serves the built bench pages. @param {string} dist */
function serve(dist) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = join(dist, normalize(url.pathname === '/' ? 'index.html' : url.pathname));
    if (!existsSync(path) || !statSync(path).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': MIME[/** @type {keyof typeof MIME} */ (extname(path))] ?? 'application/octet-stream' });
    createReadStream(path).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** @param {string[]} names */
async function chromiumCases(names) {
  const { build } = await import('vite');
  await build({ configFile: join(here, 'browser', 'vite.config.mjs') });
  const { chromium } = await import('@playwright/test');
  const server = /** @type {import('node:http').Server} */ (await serve(join(here, 'browser', 'dist')));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  /** @type {Record<string, unknown>} */
  const results = {};
  try {
    for (const name of names) {
      const [, backend, arch] = /** @type {[string, 'webgl' | 'webgpu', string]} */ (name.split('-'));
      const counts = /** @type {Counts} */ (CASES[name]);
      const browser = await chromium.launch(chromiumLaunchOptions(backend));
      const page = await browser.newPage();
      const before = load();
      try {
        const query = new URLSearchParams({
          backend,
          arch,
          warmup: String(counts.warmup),
          steps: String(counts.steps),
          rounds: String(counts.rounds),
          ...(counts.trainers ? { trainers: counts.trainers } : {}),
        });
        await page.goto(`http://127.0.0.1:${port}/overhead.html?${query}`);
        await page.waitForFunction(() => document.body.dataset['status'] !== 'loading', null, { timeout: 60 * 60_000, polling: 1000 });
        const r = /** @type {Record<string, unknown>} */ (await page.evaluate(() => /** @type {{ __bench?: unknown }} */ (window).__bench));
        if ('error' in r) throw new Error(String(r['error']));
        const perStep = /** @type {Record<string, number[]>} */ (r['perStep']);
        results[name] = { runtime: `Chromium ${browser.version()}`, ...r, arch, ...summarize({ perStep }), load: { before, after: load() } };
      } catch (e) {
        results[name] = { error: String(e) };
      } finally {
        await browser.close();
      }
      console.log(name, JSON.stringify(results[name]).slice(0, 400));
    }
  } finally {
    server.close();
  }
  return results;
}

// ---- main ----

const only = flags['only'] ? String(flags['only']).split(',') : null;
// --rounds=N times more rounds of the chosen cases (two-round cases carry the most noise).
if (flags['rounds']) for (const c of Object.values(CASES)) c.rounds = Number(flags['rounds']);
const wanted = (/** @type {string} */ n) => !only || only.includes(n);
const resultsPath = join(here, 'results', 'overhead.json');
/** Only this run's cases; see the merge below. */
const results = { cases: /** @type {Record<string, unknown>} */ ({}) };
const started = new Date().toISOString();
for (const name of Object.keys(CASES).filter((n) => n.startsWith('node-') && wanted(n))) {
  console.log(`${name}…`);
  results.cases[name] = { ...(await nodeCase(name, /** @type {Counts} */ (CASES[name]))), at: new Date().toISOString() };
  console.log(name, JSON.stringify(/** @type {{ stepsPerSec: unknown, speedup: unknown }} */ (results.cases[name]).speedup));
}
for (const [name, why] of Object.entries(SKIPPED)) if (wanted(name)) results.cases[name] = { skipped: why };
const browserCases = Object.keys(CASES).filter((n) => n.startsWith('chromium-') && wanted(n));
if (browserCases.length) for (const [k, v] of Object.entries(await chromiumCases(browserCases))) results.cases[k] = { .../** @type {object} */ (v), at: new Date().toISOString() };
Object.assign(results, {
  description:
    'gandlf Model.trainOnBatch (Alternating: D then G, as the hand loop; Simultaneous: both players at the same weights) against a hand-written tfjs loop (optimizer.minimize(f, true, varList) for D, then G), same networks, batch 64, Adam(2e-4, 0.5), BCE, losses read back every step. speedup = median over rounds of (hand s/step) / (gandlf s/step): above 1 means gandlf is faster.',
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, gpu: 'none lent this session: webgl and webgpu ran on SwiftShader (a CPU rasterizer)' },
  lastRun: started,
});
// Merged into what is on disk now: a subset run may have finished meanwhile.
const onDisk = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : { cases: {} };
writeFileSync(resultsPath, JSON.stringify({ ...onDisk, ...results, cases: { ...onDisk.cases, ...results.cases } }, null, 2) + '\n');
if (wanted('memory')) {
  const steps = Number(flags['memory-steps'] ?? 2000);
  console.log(`memory over ${steps} steps…`);
  const m = await memory(steps);
  writeFileSync(join(here, 'results', 'memory.json'), JSON.stringify({ ...m, at: new Date().toISOString() }, null, 2) + '\n');
}
updateTable();
