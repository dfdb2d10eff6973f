// @ts-check
// `pnpm bench:threads`: seconds per training step of the gan-mnist demo as a user's
// browser runs it (the built page, its module worker, tfjs wasm) with 1 thread and
// with every core, for the full DCGAN, the preset a page without a GPU starts and the
// MLP GAN, beside PyTorch's step of the same DCGAN and MLP GAN (wasm-conv.py, on every
// core) in the same run. Writes results/wasm-threads.json.
//
//   node bench/wasm-threads.mjs [--presets=dcgan,dcgan-small,mlp] [--threads=1,2] [--rounds=2] [--steps=20]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bodyData, launchChromium, serveDemoBuild, waitForStep } from './demo-page.mjs';
import { wasmConvPy } from './pytorch.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const flags = Object.fromEntries(process.argv.slice(2).map((a) => /** @type {[string, string]} */ ([a.replace(/^--/, '').split('=')[0] ?? '', a.split('=')[1] ?? 'true'])));
const PRESETS = (flags['presets'] ?? 'dcgan,dcgan-small,mlp').split(',');
const THREADS = (flags['threads'] ?? `1,${os.cpus().length}`).split(',').map(Number);
const ROUNDS = Number(flags['rounds'] ?? 2);
/** Steps timed per page, after WARMUP steps (the first ones compile and grow the heap); more, STEPS at a time, until MIN_SECONDS have passed. */
const STEPS = Number(flags['steps'] ?? 20);
const MIN_SECONDS = 10;
/** The PyTorch network (wasm-conv.py --model) of each preset that has one. */
const TORCH_MODEL = /** @type {Record<string, 'dcgan' | 'mlp'>} */ ({ dcgan: 'dcgan', mlp: 'mlp' });
const WARMUP = 5;

const loadavg = () => os.loadavg().map((x) => Number(x.toFixed(2)));

/**
 * Opens the demo on wasm with `threads` and times STEPS steps after WARMUP.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {string} preset
 * @param {number} threads
 */
async function timeDemo(browser, url, preset, threads) {
  const page = await browser.newPage();
  try {
    // No autosave or quality checks: they pause training, and this times the steps.
    await page.goto(`${url}?backend=wasm&preset=${preset}&threads=${threads}&autosave=0&quality=0`);
    const from = await waitForStep(page, WARMUP, 10 * 60_000);
    const t0 = performance.now();
    let to = await waitForStep(page, from + STEPS, 20 * 60_000);
    while (performance.now() - t0 < MIN_SECONDS * 1000) to = await waitForStep(page, to + STEPS, 20 * 60_000);
    const seconds = (performance.now() - t0) / 1000;
    return { secondsPerStep: seconds / (to - from), steps: to - from, detail: await bodyData(page, 'backendDetail') };
  } finally {
    await page.close();
  }
}

/** @param {'dcgan' | 'mlp'} model */
function pytorchStep(model) {
  try {
    const r = wasmConvPy({ model, steps: model === 'mlp' ? 100 : 10, threads: os.cpus().length });
    return { secondsPerStep: r['median'], threads: r['threads'], torch: r['torch'] };
  } catch (e) {
    return { error: String(e instanceof Error ? e.message : e) };
  }
}

const server = await serveDemoBuild('gan-mnist');
const browser = await launchChromium();
/** @type {Record<string, { runs: unknown[], median?: number }>} */
const cases = {};
/** @type {Record<string, unknown[]>} */
const pytorch = {};
const loadBefore = loadavg();
try {
  // Rounds alternate the cases, so that load from other jobs falls on all of them.
  for (let round = 0; round < ROUNDS; round++) {
    for (const preset of PRESETS) {
      for (const threads of THREADS) {
        const key = `${preset}, ${threads} thread${threads === 1 ? '' : 's'}`;
        const before = loadavg();
        const r = await timeDemo(browser, server.url, preset, threads);
        (cases[key] ??= { runs: [] }).runs.push({ ...r, load: { before, after: loadavg() } });
        console.log(`round ${round + 1}: ${key}: ${r.secondsPerStep.toFixed(3)} s/step (${r.detail})`);
      }
    }
    for (const model of new Set(PRESETS.flatMap((p) => TORCH_MODEL[p] ?? []))) {
      const before = loadavg();
      (pytorch[model] ??= []).push({ ...pytorchStep(model), load: { before, after: loadavg() } });
      console.log(`round ${round + 1}: PyTorch ${model}: ${JSON.stringify(pytorch[model]?.at(-1))}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (const c of Object.values(cases)) c.median = median(c.runs.map((r) => /** @type {{ secondsPerStep: number }} */ (r).secondsPerStep));
/** PyTorch's median step by model. */
const torch = Object.fromEntries(
  Object.entries(pytorch).map(([model, runs]) => [
    model,
    median(runs.flatMap((r) => (typeof (/** @type {{ secondsPerStep?: number }} */ (r).secondsPerStep) === 'number' ? [/** @type {{ secondsPerStep: number }} */ (r).secondsPerStep] : []))),
  ]),
);
const result = {
  benchmark: 'gan-mnist demo step in headless Chromium (built page, module worker, tfjs wasm), by preset and thread count; PyTorch: the same DCGAN and MLP GAN steps (wasm-conv.py)',
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?' },
  load: { before: loadBefore, after: loadavg() },
  note: 'a demo step includes what the page shows: a sample grid every 20 steps (sampleEvery), losses read back every step',
  cases,
  pytorch: Object.fromEntries(Object.entries(pytorch).map(([model, runs]) => [model, { runs, median: torch[model] }])),
};
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'wasm-threads.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify({ cases: Object.fromEntries(Object.entries(cases).map(([k, c]) => [k, c.median])), pytorch: torch }));

// The table in bench/README.md, between its wasm-threads markers.
const readme = join(here, 'README.md');
const text = readFileSync(readme, 'utf8');
const [start, end] = ['<!-- wasm-threads:table:start -->', '<!-- wasm-threads:table:end -->'];
const fmt = (/** @type {number[]} */ l) => l.map((x) => x.toFixed(1)).join(' / ');
const rows = Object.entries(cases).map(([key, c]) => {
  const oneThread = cases[key.replace(/, \d+ threads?$/, ', 1 thread')]?.median;
  const speedup = oneThread && c.median ? (oneThread / c.median).toFixed(2) : '-';
  const reference = torch[TORCH_MODEL[key.split(',')[0] ?? ''] ?? ''];
  const vsTorch = reference && c.median ? `${(c.median / reference).toFixed(1)}x` : '';
  const runs = c.runs.map((r) => /** @type {{ secondsPerStep: number }} */ (r).secondsPerStep.toFixed(3)).join(', ');
  return `| ${key} | ${c.median?.toFixed(3)} | ${runs} | ${speedup}x | ${vsTorch} |`;
});
const table = [
  `Run of ${result.date.slice(0, 16).replace('T', ' ')} UTC, ${ROUNDS} rounds, ${STEPS} steps timed per page after ${WARMUP}, load (1 min) ${fmt(result.load.before)} before, ${fmt(result.load.after)} after. PyTorch on ${os.cpus().length} threads, s a step: ${Object.entries(
    torch,
  )
    .map(([model, t]) => `${model === 'mlp' ? 'MLP GAN' : 'DCGAN'} ${t?.toFixed(4)}`)
    .join(', ')}.`,
  '',
  '| gan-mnist preset, wasm threads | s / step (median) | each round | vs 1 thread | vs PyTorch |',
  '|---|---|---|---|---|',
  ...rows,
].join('\n');
const i = text.indexOf(start);
const j = text.indexOf(end);
if (i >= 0 && j > i) writeFileSync(readme, `${text.slice(0, i + start.length)}\n${table}\n${text.slice(j)}`);
