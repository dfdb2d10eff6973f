// Regenerates the screenshots of the mixtures demo's overlays (issue 16) in
// demos/mixtures/screenshots/: D's heatmap, G's gradient arrows and G's manifold
// mesh, each the sample canvas's row of three panels with its legend, and all
// three on the Unrolled panel alone (the row of all three is over the budget).
// Trains the tiny preset with a 2-D latent (so the mesh is all of G, not a slice)
// on the built demo in headless Chromium, with the e2e tests' launch options,
// pauses, then toggles the overlays (live knobs: a redraw of the same weights).
//
//   npx tsx e2e/scripts/mixtures-screenshots.ts [--steps=300]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { launchOptions } from '../support/browser';
import { demoDir, serveDemo } from '../support/demos';

const flags = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
/** Steps before the pictures: enough for the points to leave the origin and D to take sides, on tiny's large learning rates. */
const STEPS = Number(flags['steps'] ?? 200);
/** Each PNG must stay under this, to keep the repository small. */
const MAX_BYTES = 150 * 1024;
const BACKEND = 'webgl';
const out = join(demoDir('mixtures'), 'screenshots');
type Toggles = Record<'heatmap' | 'gradients' | 'manifold', 'on' | 'off'>;
/** The toggles of each shot, and the run whose panel (with its caption) it crops to, if any. */
const SHOTS: Record<string, { toggles: Toggles; panel?: string }> = {
  heatmap: { toggles: { heatmap: 'on', gradients: 'off', manifold: 'off' } },
  gradients: { toggles: { heatmap: 'off', gradients: 'on', manifold: 'off' } },
  manifold: { toggles: { heatmap: 'off', gradients: 'off', manifold: 'on' } },
  all: { toggles: { heatmap: 'on', gradients: 'on', manifold: 'on' }, panel: 'unrolled' },
};

const body = (page: Page, key: string) => page.evaluate((k) => document.body.dataset[k] ?? '', key);

async function waitFor(page: Page, what: string, ok: () => Promise<boolean>, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    const error = await body(page, 'error');
    if (error) throw new Error(`The page reported an error while waiting for ${what}: ${error}`);
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await page.waitForTimeout(200);
  }
}

const server = await serveDemo('mixtures');
const browser = await chromium.launch(launchOptions(BACKEND));
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}?preset=tiny&backend=${BACKEND}`);
  await waitFor(page, 'training', async () => (await body(page, 'status')) === 'training');
  // A 2-D latent restarts the run (not a live knob).
  // Leaving the field fires its one change event, as a user's edit does.
  await page.locator('input[name="latentDim"]').fill('2');
  await page.locator('input[name="latentDim"]').blur();
  await waitFor(page, 'the run with a 2-D latent', async () => JSON.parse((await body(page, 'knobs')) || '{}').latentDim === 2);
  await waitFor(page, `${STEPS} steps`, async () => (await body(page, 'status')) === 'training' && Number(await body(page, 'step')) >= STEPS);
  await page.getByRole('button', { name: 'Pause' }).click();
  await waitFor(page, 'the pause', async () => (await body(page, 'status')) === 'paused');
  const step = Number(await body(page, 'step'));
  mkdirSync(out, { recursive: true });
  const written: Record<string, { bytes: number; width: number; height: number }> = {};
  for (const [name, { toggles, panel }] of Object.entries(SHOTS)) {
    const before = await body(page, 'gridHash');
    let changed = false;
    for (const [knob, value] of Object.entries(toggles)) {
      const select = page.locator(`select[name="${knob}"]`);
      if ((await select.inputValue()) === value) continue;
      await select.selectOption(value);
      changed = true;
    }
    // Each change redraws from the paused weights; the canvas has one legend line per overlay on.
    const lines = Object.values(toggles).filter((v) => v === 'on').length;
    await waitFor(page, `the ${name} view`, async () => {
      const height = await page.locator('canvas.samples').evaluate((c: HTMLCanvasElement) => c.height);
      return height === 282 + 16 * lines && (!changed || (await body(page, 'gridHash')) !== before);
    });
    const png = await page.locator('canvas.samples').evaluate((c: HTMLCanvasElement, key) => {
      if (!key) return { url: c.toDataURL('image/png'), width: c.width, height: c.height };
      // One panel and the caption above it (data-frames: where view.ts drew it).
      const frame = (JSON.parse(c.dataset['frames'] ?? '{}') as Record<string, { x0: number; y0: number; size: number }>)[key];
      if (!frame) throw new Error(`No panel '${key}' in data-frames=${c.dataset['frames']}`);
      const crop = document.createElement('canvas');
      [crop.width, crop.height] = [frame.size, frame.y0 + frame.size];
      crop.getContext('2d')!.drawImage(c, frame.x0, 0, crop.width, crop.height, 0, 0, crop.width, crop.height);
      return { url: crop.toDataURL('image/png'), width: crop.width, height: crop.height };
    }, panel);
    const bytes = Buffer.from(png.url.replace(/^data:image\/png;base64,/, ''), 'base64');
    if (bytes.length > MAX_BYTES)
      throw new Error(`${name}.png would take ${bytes.length} bytes, over ${MAX_BYTES}: try fewer --steps (the points and mesh spread out, and compress worse, as training goes on).`);
    writeFileSync(join(out, `${name}.png`), bytes);
    written[name] = { bytes: bytes.length, width: png.width, height: png.height };
    console.log(`${name}.png: ${png.width}x${png.height}, ${(bytes.length / 1024).toFixed(1)} KB`);
  }
  const knobs = { ...JSON.parse(await body(page, 'knobs')), heatmap: undefined, gradients: undefined, manifold: undefined };
  writeFileSync(join(out, 'screenshots.json'), JSON.stringify({ preset: 'tiny', knobs, backend: await body(page, 'backend'), step, shots: SHOTS, written }, null, 2) + '\n');
} finally {
  await browser.close();
  await server.close();
}
