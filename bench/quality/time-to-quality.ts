// Time to quality (issue 19): the wall time a user without a GPU waits for good
// digits. gan-mnist's built page in headless Chromium, with its `auto` backend and
// the preset it picks itself (no ?preset=), is scored with 'Measure now' every
// `everySeconds` of training on 10,000 samples by @gandlf/metrics; scoring time is
// left out of the training time.
import { loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { bodyData, launchChromium, serveDemoBuild, waitForStep } from '../demo-page.mjs';
import { meetsBar } from './bar';

/** One score along a run. */
export interface TimePoint {
  step: number;
  /** Training seconds so far, scoring excluded. */
  seconds: number;
  frechet: number;
  digits: number;
  confidence: number;
}

/** A run to the bar (or to the time limit), with what the page chose and ran on. */
export interface TimeRun {
  runtime: string;
  preset: string;
  backend: string;
  detail: string;
  notes: string;
  points: TimePoint[];
  /** The first point at the bar; null: not reached within the limit. */
  reached: TimePoint | null;
  load: { before: number[]; after: number[] };
}

/** Presses 'Measure now' and resolves to the score the page shows next, and the seconds it took. */
async function measure(page: Page): Promise<{ point: Omit<TimePoint, 'seconds'>; seconds: number }> {
  const count = Number((await bodyData(page, 'qualityCount')) || 0);
  const t0 = performance.now();
  await page.locator('[data-role="measure"]').click();
  await page.waitForFunction((n) => Number(document.body.dataset['qualityCount'] ?? 0) > n, count, { timeout: 10 * 60_000, polling: 200 });
  const q = JSON.parse(await bodyData(page, 'quality')) as Omit<TimePoint, 'seconds'>;
  return { point: q, seconds: (performance.now() - t0) / 1000 };
}

/**
 * Trains gan-mnist in Chromium until the bar or `limitMinutes` of training,
 * scoring every `everySeconds`. `query` adds to the page's (e.g. `preset=dcgan`
 * to time a named preset instead of the one the page picks).
 */
export async function browserTimeToQuality({
  everySeconds = 60,
  limitMinutes = 15,
  query = '',
  log = console.log,
}: { everySeconds?: number; limitMinutes?: number; query?: string; log?: (line: string) => void } = {}): Promise<TimeRun> {
  const server = await serveDemoBuild('gan-mnist');
  const browser = await launchChromium();
  const before = loadavg();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}?autosave=0&quality=0&qualitySamples=10000${query ? `&${query}` : ''}`);
    await waitForStep(page, 1, 10 * 60_000);
    const knobs = JSON.parse(await bodyData(page, 'knobs')) as { preset: string };
    const run: TimeRun = {
      runtime: `gan-mnist page, Chromium ${browser.version()}`,
      preset: knobs.preset,
      backend: await bodyData(page, 'backend'),
      detail: await bodyData(page, 'backendDetail'),
      notes: [await bodyData(page, 'backendNotes'), await bodyData(page, 'presetWhy')].filter((t) => t).join('; '),
      points: [],
      reached: null,
      load: { before, after: before },
    };
    log(`time to quality: ${run.preset} on ${run.backend} (${run.detail}); ${run.notes}`);
    // Training time counts from step 1: starting the page (backend probe, MNIST download) is not training.
    const t0 = performance.now();
    let scoring = 0;
    while (!run.reached) {
      const next = (run.points.length + 1) * everySeconds;
      const wait = next - ((performance.now() - t0) / 1000 - scoring);
      if (wait > 0) await page.waitForTimeout(wait * 1000);
      const { point, seconds } = await measure(page);
      scoring += seconds;
      const p = { ...point, seconds: (performance.now() - t0) / 1000 - scoring };
      run.points.push(p);
      log(`  step ${p.step} at ${p.seconds.toFixed(0)} s: FD ${p.frechet.toFixed(1)}, ${p.digits} digits, confidence ${p.confidence.toFixed(3)} (scored in ${seconds.toFixed(1)} s)`);
      if (meetsBar(p.frechet, p.digits)) run.reached = p;
      else if (p.seconds > limitMinutes * 60) break;
    }
    run.load.after = loadavg();
    return run;
  } finally {
    await browser.close();
    await server.close();
  }
}

// `node bench/quality.mjs bench/quality/time-to-quality.ts [--query=preset=dcgan] [--every=60] [--limit=15]`: one run, printed.
if (process.argv[2]?.endsWith('time-to-quality.ts')) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const run = await browserTimeToQuality({ query: arg('query') ?? '', everySeconds: Number(arg('every') ?? 60), limitMinutes: Number(arg('limit') ?? 15) });
  console.log(JSON.stringify(run));
}
