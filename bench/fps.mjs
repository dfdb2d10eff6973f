// @ts-check
// Responsiveness (issue 6): the page's frame rate while a demo trains in its worker.
// Builds a demo for production (into a temporary folder), serves it with vite preview,
// opens it in headless Chromium with ?preset=&backend=, and counts requestAnimationFrame
// callbacks on the main thread for 10 s once training runs, and for 10 s while paused.
//
//   node bench/fps.mjs [--seconds=10]      writes results/fps.json and the README table
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { updateTable } from './readme-table.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const flags = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const SECONDS = Number(flags['seconds'] ?? 10);
/** Demo, preset, backend. The shell's worker trains; the page only draws the views and the chart. */
const CASES = /** @type {const} */ ([
  ['mixtures', 'ring', 'webgl'],
  ['mixtures', 'ring', 'webgpu'],
  ['gan-mnist', 'mlp', 'webgl'],
]);

const load = () => os.loadavg().map((x) => Number(x.toFixed(2)));

/** @param {'webgl' | 'webgpu'} backend */
function launchOptions(backend) {
  // The flags of e2e/support/browser.ts.
  const args = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
  if (backend === 'webgpu') args.push('--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader', '--enable-features=Vulkan');
  return { executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined, args };
}

/** requestAnimationFrame callbacks in `seconds`, and the longest gap between two frames. @param {import('@playwright/test').Page} page */
function countFrames(page, seconds = SECONDS) {
  return page.evaluate(
    (ms) =>
      new Promise((resolve) => {
        let frames = 0;
        let longest = 0;
        const t0 = performance.now();
        let last = t0;
        const tick = (/** @type {number} */ now) => {
          frames++;
          longest = Math.max(longest, now - last);
          last = now;
          if (now - t0 < ms) requestAnimationFrame(tick);
          else resolve({ fps: Number(((frames * 1000) / (now - t0)).toFixed(1)), frames, longestFrameMs: Number(longest.toFixed(1)) });
        };
        requestAnimationFrame(tick);
      }),
    seconds * 1000,
  );
}

const { build, preview } = await import('vite');
const { chromium } = await import('@playwright/test');
/** @type {Record<string, unknown>} */
const cases = {};
for (const [demo, preset, backend] of CASES) {
  const root = join(here, '..', 'demos', demo);
  const outDir = mkdtempSync(join(os.tmpdir(), `gandlf-fps-${demo}-`));
  const key = `${demo}/${preset} ${backend}`;
  try {
    await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const server = await preview({ root, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
    const url = server.resolvedUrls?.local[0];
    const browser = await chromium.launch(launchOptions(backend));
    try {
      const page = await browser.newPage();
      await page.goto(`${url}?preset=${preset}&backend=${backend}`);
      // Training for real: a few steps done, so the first (shader-compiling) ones are behind.
      await page.waitForFunction(() => document.body.dataset['status'] === 'error' || Number(document.body.dataset['step'] ?? 0) >= 5, null, { timeout: 600_000, polling: 500 });
      const before = load();
      const stepBefore = Number(await page.evaluate(() => document.body.dataset['step']));
      const t0 = Date.now();
      const training = await countFrames(page);
      const stepAfter = Number(await page.evaluate(() => document.body.dataset['step']));
      const stepsPerSec = Number((((stepAfter - stepBefore) * 1000) / (Date.now() - t0)).toFixed(2));
      await page.click('[data-role="pause"]');
      await page.waitForFunction(() => document.body.dataset['status'] === 'paused', null, { timeout: 600_000 });
      const paused = await countFrames(page);
      const status = await page.evaluate(() => ({ backend: document.body.dataset['backend'], detail: document.body.dataset['backendDetail'], error: document.body.dataset['error'] }));
      cases[key] = { demo, preset, backend, training, paused, stepsPerSec, page: status, load: { before, after: load() } };
    } finally {
      await browser.close();
      await new Promise((r) => server.httpServer.close(r));
    }
  } catch (e) {
    cases[key] = { error: String(e) };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  console.log(key, JSON.stringify(cases[key]));
}
const path = join(here, 'results', 'fps.json');
writeFileSync(
  path,
  JSON.stringify(
    {
      description: `Main-thread frame rate (requestAnimationFrame callbacks over ${SECONDS} s) of a demo page in headless Chromium while its worker trains, and while paused. Target: 50 fps or more while training.`,
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, gpu: 'none lent this session: SwiftShader' },
      cases,
    },
    null,
    2,
  ) + '\n',
);
updateTable();
