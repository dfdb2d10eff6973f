// @ts-check
// Responsiveness (issue 6): the page's frame rate while a demo trains in its worker.
// Builds a demo for production (into a temporary folder), serves it with vite preview,
// opens it in headless Chromium with ?preset=&backend=, sets a case's knobs in the page's
// knob form, and counts requestAnimationFrame callbacks on the main thread for 10 s once
// training runs, and for 10 s while paused.
//
//   node bench/fps.mjs [--seconds=10]      writes results/fps.json and the README table
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { updateTable } from './readme-table.mjs';
import { chromiumLaunchOptions } from '../e2e/support/find-chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const flags = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const SECONDS = Number(flags['seconds'] ?? 10);
const ALL_ON = { heatmap: 'on', gradients: 'on', manifold: 'on' };
const ALL_OFF = { heatmap: 'off', gradients: 'off', manifold: 'off' };
/**
 * Demo, preset, backend, and knobs set in the knob form before measuring (none: the
 * preset's own). The shell's worker trains; the page only draws the views and the chart.
 * The mixtures overlays (issue 16) are live knobs, computed in the worker with each view:
 * every 25 steps as the ring preset draws, and a view every step, their worst case.
 * @type {{ demo: string, preset: string, backend: 'webgl' | 'webgpu', knobs?: Record<string, string | number> }[]}
 */
const CASES = [
  { demo: 'mixtures', preset: 'ring', backend: 'webgl' },
  { demo: 'mixtures', preset: 'ring', backend: 'webgpu' },
  { demo: 'gan-mnist', preset: 'mlp', backend: 'webgl' },
  { demo: 'mixtures', preset: 'ring', backend: 'webgl', knobs: ALL_ON },
  { demo: 'mixtures', preset: 'ring', backend: 'webgl', knobs: ALL_OFF },
  { demo: 'mixtures', preset: 'ring', backend: 'webgl', knobs: { sampleEvery: 1, ...ALL_ON } },
  { demo: 'mixtures', preset: 'ring', backend: 'webgl', knobs: { sampleEvery: 1, ...ALL_OFF } },
];
/** Knobs that only redraw (KnobSpec.live): set after the others, which restart the run. */
const LIVE = new Set(Object.keys(ALL_ON));

const load = () => os.loadavg().map((x) => Number(x.toFixed(2)));

/** requestAnimationFrame callbacks in `seconds`, the longest gap between two frames, and the views drawn meanwhile. @param {import('@playwright/test').Page} page */
function countFrames(page, seconds = SECONDS) {
  return page.evaluate(
    (ms) =>
      new Promise((resolve) => {
        let frames = 0;
        let longest = 0;
        let views = 0;
        // Every view sets data-view-step, even one of the same step.
        const observer = new MutationObserver((records) => (views += records.length));
        observer.observe(document.body, { attributes: true, attributeFilter: ['data-view-step'] });
        const t0 = performance.now();
        let last = t0;
        const tick = (/** @type {number} */ now) => {
          frames++;
          longest = Math.max(longest, now - last);
          last = now;
          if (now - t0 < ms) return requestAnimationFrame(tick);
          observer.disconnect();
          resolve({ fps: Number(((frames * 1000) / (now - t0)).toFixed(1)), frames, longestFrameMs: Number(longest.toFixed(1)), views });
        };
        requestAnimationFrame(tick);
      }),
    seconds * 1000,
  );
}

/** Waits until the page trains at least `steps` steps (or reports an error). @param {import('@playwright/test').Page} page @param {number} steps */
function trained(page, steps) {
  return page.waitForFunction((n) => document.body.dataset['status'] === 'error' || (document.body.dataset['status'] === 'training' && Number(document.body.dataset['step'] ?? 0) >= n), steps, {
    timeout: 600_000,
    polling: 500,
  });
}

/**
 * Sets `knobs` in the page's knob form, the way a user does: first those that restart the
 * run (waiting for the new run's knobs), then the live ones, one redraw each.
 * @param {import('@playwright/test').Page} page @param {Record<string, string | number>} knobs
 */
async function setKnobs(page, knobs) {
  const entries = Object.entries(knobs).sort(([a], [b]) => Number(LIVE.has(a)) - Number(LIVE.has(b)));
  for (const [key, value] of entries) {
    const input = page.locator(`[data-role="knobs"] [name="${key}"]`);
    if ((await input.inputValue()) === String(value)) continue;
    if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(String(value));
    else {
      // Leaving the field fires its one change event, as a user's edit does.
      await input.fill(String(value));
      await input.blur();
    }
    if (LIVE.has(key)) continue;
    await page.waitForFunction(([k, v]) => String(JSON.parse(document.body.dataset['knobs'] ?? '{}')[k]) === v, [key, String(value)], { timeout: 600_000, polling: 200 });
  }
  // The mixtures view sends its heatmap probe only while the heatmap is on.
  if (knobs['heatmap']) await page.waitForFunction((on) => 'heatmapProbe' in document.body.dataset === on, knobs['heatmap'] === 'on', { timeout: 600_000, polling: 200 });
}

const { build, preview } = await import('vite');
const { chromium } = await import('@playwright/test');
/** @type {Record<string, unknown>} */
const cases = {};
/** Each demo's build, made on its first case. @type {Map<string, string>} */
const builds = new Map();
try {
  for (const { demo, preset, backend, knobs } of CASES) {
    const root = join(here, '..', 'demos', demo);
    const key = `${demo}/${preset} ${backend}${
      knobs
        ? ` ${Object.entries(knobs)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')}`
        : ''
    }`;
    try {
      let outDir = builds.get(demo);
      if (!outDir) {
        outDir = mkdtempSync(join(os.tmpdir(), `gandlf-fps-${demo}-`));
        builds.set(demo, outDir);
        await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
      }
      const server = await preview({ root, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
      const url = server.resolvedUrls?.local[0];
      const browser = await chromium.launch(chromiumLaunchOptions(backend));
      try {
        const page = await browser.newPage();
        await page.goto(`${url}?preset=${preset}&backend=${backend}`);
        if (knobs) {
          await trained(page, 1);
          await setKnobs(page, knobs);
        }
        // Training for real: a few steps done, so the first (shader-compiling) ones are behind.
        await trained(page, 5);
        const before = load();
        const stepBefore = Number(await page.evaluate(() => document.body.dataset['step']));
        const t0 = Date.now();
        const training = await countFrames(page);
        const stepAfter = Number(await page.evaluate(() => document.body.dataset['step']));
        const stepsPerSec = Number((((stepAfter - stepBefore) * 1000) / (Date.now() - t0)).toFixed(2));
        // The worker's own rate (steps/s over its recent steps), as the page shows it.
        const pageStepsPerSec = Number(await page.evaluate(() => document.body.dataset['stepsPerSec']));
        await page.click('[data-role="pause"]');
        await page.waitForFunction(() => document.body.dataset['status'] === 'paused', null, { timeout: 600_000 });
        const paused = await countFrames(page);
        const status = await page.evaluate(() => ({ backend: document.body.dataset['backend'], detail: document.body.dataset['backendDetail'], error: document.body.dataset['error'] }));
        // The knob form's values: what the run trains and draws with (data-knobs holds the knobs of the run's start, before live edits).
        const form = await page.evaluate(() =>
          Object.fromEntries([...document.querySelectorAll('[data-role="knobs"] [name]')].map((el) => [/** @type {HTMLInputElement} */ (el).name, /** @type {HTMLInputElement} */ (el).value])),
        );
        cases[key] = { demo, preset, backend, knobs: form, set: knobs ?? {}, training, paused, stepsPerSec, pageStepsPerSec, page: status, load: { before, after: load() } };
      } finally {
        await browser.close();
        await new Promise((r) => server.httpServer.close(r));
      }
    } catch (e) {
      cases[key] = { demo, preset, backend, set: knobs ?? {}, error: String(e) };
    }
    console.log(key, JSON.stringify(cases[key]));
  }
} finally {
  for (const outDir of builds.values()) rmSync(outDir, { recursive: true, force: true });
}
const path = join(here, 'results', 'fps.json');
writeFileSync(
  path,
  JSON.stringify(
    {
      description: `Main-thread frame rate (requestAnimationFrame callbacks over ${SECONDS} s) of a demo page in headless Chromium while its worker trains, and while paused. Target: 50 fps or more while training. set: the knobs set in the page's form (knobs: the form's values at the end); views: sample views drawn in the window; stepsPerSec: steps over the training window; pageStepsPerSec: the worker's rate on <body data-steps-per-sec>; load: os.loadavg() before and after.`,
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, gpu: 'none lent this session: SwiftShader' },
      cases,
    },
    null,
    2,
  ) + '\n',
);
updateTable();
