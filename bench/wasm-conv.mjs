// @ts-check
// Times one DCGAN step (batch 64, Adam, one D step plus one G step; see dcgan.mjs) on
// every runtime of issue 8, one after the other on this machine, and writes
// results/wasm-conv.json. Each runtime runs in its own process or browser.
//
//   node wasm-conv.mjs                      all runtimes
//   node wasm-conv.mjs --only=node-wasm,pytorch --steps=5 --rounds=3
//   node wasm-conv.mjs --model=mlp          the MLP GAN of PLATFORM.md instead (node-wasm and
//                                           pytorch only; writes results/wasm-conv-mlp.json)
//   --torch-threads=2                       PyTorch's threads (default: its own default)
//   --out=wasm-conv-node.json               the results file's name, in results/
//
// Runtimes: node-wasm, node-cpu (one step, no warm-up: it takes minutes), pytorch
// (/usr/bin/python3 with Debian's python3-torch, installed with apt when missing),
// chromium-webgl (SwiftShader), chromium-wasm (no threads), chromium-wasm-threads
// (cross-origin isolated page: the threaded build, tfjs's default pool of
// hardwareConcurrency / 2 = 1 thread here), chromium-wasm-threads2 (2 threads).
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '../e2e/support/find-chromium.mjs';
import { wasmConvPy } from './pytorch.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const wasmDist = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');

const flags = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k ?? '', v ?? 'true'];
  }),
);
const STEPS = Number(flags['steps'] ?? 5);
/** Rounds of the wasm/PyTorch pair (see main). */
const ROUNDS = Number(flags['rounds'] ?? 3);
const ALL = ['node-wasm', 'pytorch', 'chromium-wasm', 'chromium-wasm-threads', 'chromium-wasm-threads2', 'chromium-webgl', 'node-cpu'];
/** 'dcgan' (dcgan.mjs) or 'mlp' (overhead-models.mjs's MLP GAN, the same in wasm-conv.py). */
const MODEL = flags['model'] ?? 'dcgan';
if (MODEL !== 'dcgan' && MODEL !== 'mlp') throw new Error(`--model: expected dcgan or mlp. Received: ${MODEL}`);

/** Load averages (1, 5, 15 min) and the busiest other processes, so readers can judge the noise. */
function load() {
  let top = '';
  try {
    top = execFileSync('ps', ['-eo', 'pcpu,comm', '--sort=-pcpu', '--no-headers'], { encoding: 'utf8' })
      .split('\n')
      .slice(0, 5)
      .map((l) => l.trim())
      .join('; ');
  } catch {
    top = 'ps unavailable';
  }
  return { loadavg: os.loadavg().map((x) => Number(x.toFixed(2))), top };
}

// ---- runtimes in this process (run as children, so each starts clean) ----

/** @param {'wasm' | 'cpu'} backend */
async function nodeChild(backend) {
  const tf = await import('@tensorflow/tfjs');
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const { backends } = await import('gandlf');
  const { BATCH, dcgan, timeSteps } = await import('./dcgan.mjs');
  const { mlpDiscriminator, mlpGenerator } = await import('./overhead-models.mjs');
  wasm.setWasmPaths(wasmDist + '/');
  backends.registerWasmConvGradients();
  if (!(await tf.setBackend(backend))) throw new Error(`could not set backend ${backend}`);
  const gan = MODEL === 'mlp' ? dcgan({ g: mlpGenerator(), d: mlpDiscriminator(), shape: [BATCH, 784] }) : dcgan();
  // cpu: one step only, without warm-up (it takes minutes; first-call costs are negligible there).
  const counts = backend === 'cpu' ? { warmup: 0, steps: 1 } : { warmup: 1, steps: STEPS };
  const r = await timeSteps(gan.step, counts);
  /** @type {Record<string, unknown>} */
  const out = { ...r, ...counts, backend: tf.getBackend() };
  if (backend === 'wasm') {
    out['threads'] = wasm.getThreadsCount();
    // Where a step's time goes, by kernel (one more step, profiled).
    const profile = await tf.profile(() => gan.step());
    /** @type {Map<string, { ms: number, calls: number }>} */
    const byKernel = new Map();
    for (const k of profile.kernels) {
      const e = byKernel.get(k.name) ?? { ms: 0, calls: 0 };
      e.ms += Number(k.kernelTimeMs);
      e.calls++;
      byKernel.set(k.name, e);
    }
    out['kernels'] = [...byKernel.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 10)
      .map(([name, e]) => ({ name, calls: e.calls, ms: Math.round(e.ms) }));
  }
  gan.dispose();
  process.stdout.write(`\nRESULT ${JSON.stringify(out)}\n`);
}

/** @param {string} runtime */
function runNode(runtime) {
  const backend = runtime === 'node-cpu' ? 'cpu' : 'wasm';
  const p = spawnSync(process.execPath, [fileURLToPath(import.meta.url), `--child=${backend}`, `--steps=${STEPS}`, `--model=${MODEL}`], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    timeout: 30 * 60_000,
  });
  const line = p.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`${runtime} failed (status ${p.status}): ${p.stderr.slice(-2000)}`);
  return { ...JSON.parse(line.slice(7)), node: process.version };
}

// ---- PyTorch ----

function runPytorch() {
  const threads = flags['torch-threads'];
  return { ...wasmConvPy({ model: /** @type {'dcgan' | 'mlp'} */ (MODEL), steps: STEPS, ...(threads ? { threads } : {}) }), warmup: 1, steps: STEPS };
}

// ---- Chromium ----

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.map': 'application/json' };

/**
 * Serves the built page, and /wasm/ from tfjs-backend-wasm's dist. Pages asked for
 * with ?coi=1 get COOP/COEP headers: cross-origin isolation, which wasm threads need.
 * @param {string} dist
 */
function serve(dist) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const isolated = url.searchParams.get('coi') === '1' || (req.headers.referer ?? '').includes('coi=1');
    const path = url.pathname.startsWith('/wasm/') ? join(wasmDist, normalize(url.pathname.slice(6))) : join(dist, normalize(url.pathname === '/' ? 'index.html' : url.pathname));
    if (!existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end();
      return;
    }
    /** @type {Record<string, string>} */
    const headers = { 'content-type': MIME[/** @type {keyof typeof MIME} */ (extname(path))] ?? 'application/octet-stream' };
    if (isolated) {
      headers['cross-origin-opener-policy'] = 'same-origin';
      headers['cross-origin-embedder-policy'] = 'require-corp';
    }
    res.writeHead(200, headers);
    createReadStream(path).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** @param {string[]} runtimes */
async function runChromium(runtimes) {
  const { build } = await import('vite');
  await build({ configFile: join(here, 'browser', 'vite.config.mjs') });
  const { chromium } = await import('@playwright/test');
  const server = /** @type {import('node:http').Server} */ (await serve(join(here, 'browser', 'dist')));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch(chromiumLaunchOptions('webgl'));
  /** @type {Record<string, unknown>} */
  const results = {};
  try {
    for (const runtime of runtimes) {
      /** @type {Record<string, Record<string, string>>} */
      const params = {
        'chromium-wasm': { backend: 'wasm' },
        // Cross-origin isolated: the threaded build, with tfjs's default pool (1 thread on 2 cores) ...
        'chromium-wasm-threads': { backend: 'wasm', coi: '1' },
        // ... and with 2 threads (main.mjs lifts tfjs's hardwareConcurrency / 2 cap).
        'chromium-wasm-threads2': { backend: 'wasm', coi: '1', threads: '2' },
        // webgl on SwiftShader takes tens of seconds a step: fewer steps.
        'chromium-webgl': { backend: 'webgl', steps: String(Math.min(STEPS, 2)) },
      };
      const query = new URLSearchParams({ warmup: '1', steps: String(STEPS), ...params[runtime] });
      const page = await browser.newPage();
      const loadBefore = load();
      try {
        await page.goto(`http://127.0.0.1:${port}/?${query}`);
        await page.waitForFunction(() => document.body.dataset['status'] !== 'loading', null, { timeout: 20 * 60_000, polling: 1000 });
        const r = /** @type {Record<string, unknown>} */ (await page.evaluate(() => /** @type {{ __bench?: unknown }} */ (window).__bench));
        if ('error' in r) throw new Error(String(r['error']));
        results[runtime] = { ...r, browser: browser.version(), load: { before: loadBefore, after: load() } };
      } catch (e) {
        results[runtime] = { error: String(e) };
      } finally {
        await page.close();
      }
      console.log(runtime, JSON.stringify(results[runtime]).slice(0, 300));
    }
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}

// ---- main ----

/** @param {number[]} xs */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
}

/**
 * One result from several rounds of a runtime: all timed steps pooled, medians over
 * them, and each round's medians and load kept.
 * @param {Record<string, unknown>[]} rs
 */
function pool(rs) {
  const times = rs.flatMap((r) => /** @type {number[]} */ (r['times'] ?? []));
  const cpuTimes = rs.flatMap((r) => /** @type {number[]} */ (r['cpuTimes'] ?? []));
  const { load: _load, ...first } = rs[0] ?? {};
  return {
    ...first,
    times,
    median: median(times),
    ...(cpuTimes.length ? { cpuTimes, cpuMedian: median(cpuTimes) } : {}),
    rounds: rs.map((r) => ({ median: r['median'], cpuMedian: r['cpuMedian'], load: r['load'] })),
    load: rs[0]?.['load'],
  };
}

async function main() {
  const only = flags['only'] ? String(flags['only']).split(',') : MODEL === 'mlp' ? ['node-wasm', 'pytorch'] : ALL;
  if (MODEL === 'mlp' && only.some((r) => r !== 'node-wasm' && r !== 'pytorch')) throw new Error(`--model=mlp runs node-wasm and pytorch only. Received --only=${only.join(',')}`);
  /** @type {Record<string, unknown>} */
  const runtimes = {};
  // wasm and PyTorch, the pair the 2x target compares, alternate over ROUNDS rounds so that
  // a burst of load from other jobs falls on both; their steps are pooled.
  /** @type {Record<string, Record<string, unknown>[]>} */
  const rounds = {};
  const paired = only.filter((r) => r === 'node-wasm' || r === 'pytorch');
  for (let round = 0; round < ROUNDS; round++) {
    for (const runtime of paired) {
      const before = load();
      console.log(`${runtime} (round ${round + 1}/${ROUNDS}) ...`);
      try {
        const r = runtime === 'pytorch' ? runPytorch() : runNode(runtime);
        (rounds[runtime] ??= []).push({ ...r, load: { before, after: load() } });
      } catch (e) {
        runtimes[runtime] = { error: String(e) };
      }
    }
  }
  for (const [runtime, rs] of Object.entries(rounds)) {
    runtimes[runtime] = pool(rs);
    console.log(runtime, JSON.stringify(runtimes[runtime]).slice(0, 300));
  }
  for (const runtime of only.filter((r) => r === 'node-cpu')) {
    const before = load();
    console.log(`${runtime} ...`);
    try {
      runtimes[runtime] = { ...runNode(runtime), load: { before, after: load() } };
    } catch (e) {
      runtimes[runtime] = { error: String(e) };
    }
    console.log(runtime, JSON.stringify(runtimes[runtime]).slice(0, 300));
  }
  const browserRuntimes = only.filter((r) => r.startsWith('chromium'));
  if (browserRuntimes.length) Object.assign(runtimes, await runChromium(browserRuntimes));

  const medianOf = (/** @type {string} */ k) => /** @type {{ median?: number } | undefined} */ (runtimes[k])?.median;
  const wasm = medianOf('node-wasm');
  const torch = medianOf('pytorch');
  const cpu = medianOf('node-cpu');
  const cpuMedian = (/** @type {string} */ k) => /** @type {{ cpuMedian?: number } | undefined} */ (runtimes[k])?.cpuMedian;
  const wasmCpu = cpuMedian('node-wasm');
  const torchCpu = cpuMedian('pytorch');
  const result = {
    benchmark:
      MODEL === 'mlp'
        ? 'MLP GAN step (G 100-256-512-784, D 784-512-256-1): batch 64, Adam, one D step + one G step (bench/overhead-models.mjs, bench/wasm-conv.py --model=mlp)'
        : 'DCGAN step: batch 64, Adam, one D step + one G step (bench/dcgan.mjs, bench/wasm-conv.py)',
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    load: { note: 'other engineers ran tests on this 2-core machine during the run: compare within one run only', end: load() },
    runtimes,
    targets: {
      wasmOverPytorch: wasm && torch ? Number((wasm / torch).toFixed(2)) : null,
      wasmWithin2xOfPytorch: wasm && torch ? wasm <= 2 * torch : null,
      wasmOverPytorchCpuTime: wasmCpu && torchCpu ? Number((wasmCpu / torchCpu).toFixed(2)) : null,
      cpuOverWasm: wasm && cpu ? Number((cpu / wasm).toFixed(1)) : null,
      wasm10xFasterThanCpu: wasm && cpu ? cpu >= 10 * wasm : null,
    },
  };
  mkdirSync(join(here, 'results'), { recursive: true });
  const file = join(here, 'results', flags['out'] ?? (MODEL === 'mlp' ? 'wasm-conv-mlp.json' : 'wasm-conv.json'));
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`wrote ${file}`);
  if (only.length === ALL.length) writeTable(result);
  console.log(JSON.stringify(result.targets));
}

const LABELS = {
  'node-wasm': 'gandlf, Node, wasm',
  pytorch: 'PyTorch, CPU',
  'chromium-wasm': 'gandlf, Chromium, wasm (no threads)',
  'chromium-wasm-threads': 'gandlf, Chromium, wasm threaded build (tfjs default pool)',
  'chromium-wasm-threads2': 'gandlf, Chromium, wasm threaded build, 2 threads',
  'chromium-webgl': 'gandlf, Chromium, webgl (SwiftShader)',
  'node-cpu': 'gandlf, Node, cpu',
};

/**
 * Rewrites the table between the wasm-conv markers of README.md (a full run only).
 * @param {{ date: string, runtimes: Record<string, unknown> }} result
 */
function writeTable(result) {
  const readme = join(here, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const torch = /** @type {{ median?: number }} */ (result.runtimes['pytorch'] ?? {}).median;
  const rows = ALL.map((k) => {
    const r = /** @type {{ median?: number, cpuMedian?: number, times?: number[], threads?: number | null, error?: string, load?: { before?: { loadavg: number[] } } }} */ (result.runtimes[k] ?? {});
    const label = LABELS[/** @type {keyof typeof LABELS} */ (k)];
    if (r.median === undefined)
      return `| ${label} | | failed: ${String(r.error ?? 'not run')
        .slice(0, 80)
        .replace(/\|/g, '/')} | | | | |`;
    const ratio = torch ? `${(r.median / torch).toFixed(1)}x` : '';
    const cpuTime = r.cpuMedian === undefined ? '' : `${r.cpuMedian.toFixed(2)} s`;
    return `| ${label} | ${r.threads ?? '-'} | ${r.median.toFixed(2)} s | ${cpuTime} | ${r.times?.length ?? 0} | ${ratio} | ${r.load?.before?.loadavg[0] ?? ''} |`;
  });
  const table = [
    `Run of ${result.date.slice(0, 16).replace('T', ' ')} UTC (\`pnpm bench:wasm\`):`,
    '',
    '| runtime | threads | wall time per step (median) | CPU time per step (median) | steps timed | wall vs PyTorch | load (1 min) before |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  const start = '<!-- wasm-conv:table:start -->';
  const end = '<!-- wasm-conv:table:end -->';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`README.md has no ${start} ... ${end} section`);
  writeFileSync(readme, `${text.slice(0, i + start.length)}\n${table}\n${text.slice(j)}`);
  console.log(`updated the table in ${readme}`);
}

if (flags['child'] === 'wasm' || flags['child'] === 'cpu') await nodeChild(flags['child']);
else await main();
