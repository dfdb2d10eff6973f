import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { projectBackend } from '../support/browser';
import { collectErrors, DemoState, openTrainingPage, serveDemo, servedDemo, sharedTrainingPage } from '../support/demos';

// The mixtures lab on the user's own data (issue 16), tiny preset: a drawn
// stroke becomes the real data; a CSV round-trips and a bad one shows a
// message while training goes on; a shared link reproduces the same samples
// at the same step. One page for the first three, in order.

/** The sample canvas's `data-frames`: where each run's panel lies. */
type Frames = Record<string, { x0: number; y0: number; size: number; extent: number }>;
type Points = [number, number][];

/** Points as CSV text, the way a user would write it. */
const csv = (points: Points) => `x,y\n${points.map(([x, y]) => `${x},${y}`).join('\n')}\n`;
/** Two small clusters, at (-1, 1) and (1, -1). */
const CLUSTERS: Points = Array.from({ length: 40 }, (_, i) => {
  const [cx, cy] = i % 2 ? [1, -1] : [-1, 1];
  return [Number((cx + 0.01 * ((i * 7) % 9) - 0.04).toFixed(3)), Number((cy + 0.01 * ((i * 5) % 9) - 0.04).toFixed(3))];
});
const distance = ([x, y]: [number, number], points: Points) => Math.min(...points.map(([a, b]) => Math.hypot(x - a, y - b)));
/** The real points the latest view drew, once the worker trains on the given data source. */
async function realPoints(state: DemoState, source: string): Promise<Points> {
  await expect.poll(() => state.get('data-source')).toBe(source);
  await expect.poll(() => state.get('status')).toBe('training');
  return state.json<Points>('real');
}

test.describe('mixtures lab: your own data', () => {
  test.describe.configure({ mode: 'serial' });
  const server = servedDemo('mixtures');

  const lab = sharedTrainingPage(server);

  test('a drawn stroke becomes the real data: the real points the worker reports lie on it', async () => {
    const canvas = lab.page.locator('canvas.samples');
    await expect.poll(() => canvas.getAttribute('data-frames')).toContain('simultaneous');
    const frame = (JSON.parse((await canvas.getAttribute('data-frames'))!) as Frames).simultaneous!;
    const box = (await canvas.boundingBox())!;
    const css = box.width / (await canvas.evaluate((c: HTMLCanvasElement) => c.width));
    // Plane (x, y) to page pixels, through the panel's frame and the canvas's CSS scale.
    const at = (x: number, y: number) => ({
      x: box.x + css * (frame.x0 + ((x + frame.extent) * frame.size) / (2 * frame.extent)),
      y: box.y + css * (frame.y0 + ((frame.extent - y) * frame.size) / (2 * frame.extent)),
    });
    // An L: from (-1.5, 1) down to (-1.5, -1), then right to (1.5, -1), in coarse mouse moves.
    const stroke: Points = [
      [-1.5, 1],
      [-1.5, -1],
      [1.5, -1],
    ];
    await lab.page.locator('[data-role="draw"]').click();
    const start = at(...stroke[0]!);
    await lab.page.mouse.move(start.x, start.y);
    await lab.page.mouse.down();
    for (const p of stroke.slice(1)) {
      const to = at(...p);
      await lab.page.mouse.move(to.x, to.y, { steps: 6 });
    }
    await lab.page.mouse.up();
    await lab.page.locator('[data-role="draw-commit"]').click();

    const drawn = await lab.state.json<Points>('drawn');
    expect(drawn.length).toBeGreaterThanOrEqual(40);
    // On the L, and filled in: no gap wider than the 0.05 the page interpolates to (plus pixel rounding).
    const onL = ([x, y]: [number, number]) => Math.min(Math.hypot(x + 1.5, Math.max(0, Math.abs(y) - 1)), Math.hypot(y + 1, Math.max(0, Math.abs(x) - 1.5)));
    const pixel = (2 * frame.extent) / frame.size / css;
    for (const p of drawn) expect(onL(p), `drawn point ${p}`).toBeLessThanOrEqual(2 * pixel);
    for (let i = 1; i < drawn.length; i++) expect(Math.hypot(drawn[i]![0] - drawn[i - 1]![0], drawn[i]![1] - drawn[i - 1]![1])).toBeLessThanOrEqual(0.05 + 2 * pixel);

    const real = await realPoints(lab.state, 'drawn');
    expect(real.length).toBeGreaterThanOrEqual(100);
    // Each real point is a drawn point plus a little noise: near the stroke, and the stroke is covered end to end.
    for (const p of real) expect(onL(p), `real point ${p}`).toBeLessThan(0.3);
    expect(Math.min(...real.map(([x]) => x))).toBeLessThan(-1.3);
    expect(Math.max(...real.map(([x]) => x))).toBeGreaterThan(1.3);
    expect(Math.max(...real.map(([, y]) => y))).toBeGreaterThan(0.8);
    const step = await lab.state.step();
    await expect.poll(() => lab.state.step()).toBeGreaterThan(step + 3);
    expect(lab.errors).toEqual([]);
  });

  test('a CSV round-trips: picked, trained on, downloaded and picked again gives the same data', async ({}, testInfo) => {
    await lab.page.locator('[data-role="csv"]').setInputFiles({ name: 'clusters.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(CLUSTERS)) });
    await expect.poll(() => lab.state.json<Points>('drawn').then((d) => d?.length)).toBe(CLUSTERS.length);
    // The stroke's views come first: wait for the restarted run's, whose real points are the clusters'.
    await expect.poll(async () => (await realPoints(lab.state, 'drawn')).every((p) => distance(p, CLUSTERS) < 0.3)).toBe(true);
    const knob = (await lab.state.json<Record<string, string>>('knobs')).data!;
    expect(knob).toMatch(/^p1:/);

    const [download] = await Promise.all([lab.page.waitForEvent('download'), lab.page.locator('[data-role="csv-download"]').click()]);
    const path = testInfo.outputPath('mixtures-data.csv');
    await download.saveAs(path);
    const text = readFileSync(path, 'utf8');
    const rows = text
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',').map(Number));
    expect(rows).toEqual(CLUSTERS);

    const step = await lab.state.step();
    await lab.page.locator('[data-role="csv"]').setInputFiles({ name: 'again.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    // The same data: the knob is unchanged, and the run goes on rather than restarting.
    await expect.poll(() => lab.state.step()).toBeGreaterThan(step + 3);
    expect((await lab.state.json<Record<string, string>>('knobs')).data).toBe(knob);
    expect(lab.errors).toEqual([]);
  });

  test('a bad CSV shows a message naming the line, and training goes on on the data it had', async () => {
    const knobs = await lab.state.get('knobs');
    const step = await lab.state.step();
    await lab.page.locator('[data-role="csv"]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y\n0.5,0.5\n1.5,abc\n') });
    await expect.poll(() => lab.state.get('warning')).toMatch(/line 3/);
    expect(await lab.state.get('warning')).toContain('1.5,abc');
    await expect(lab.page.locator('[data-role="warning"]')).toBeVisible();
    await expect.poll(() => lab.state.step()).toBeGreaterThan(step + 5);
    expect(await lab.state.get('status')).toBe('training');
    expect(await lab.state.get('knobs')).toBe(knobs);
    expect(lab.errors).toEqual([]);
  });
});

/** The step both pages of the shared-link test stop at: a few views in, few enough for webgpu on SwiftShader, which runs the tiny preset three times here. */
const PAUSE_AT = 15;

test('a shared link reproduces the same run: the same data, knobs and samples at the same step', async ({ browser }, testInfo) => {
  const server = await serveDemo('mixtures');
  try {
    const query = `preset=tiny&backend=${projectBackend(testInfo.project.name)}&pauseAt=${PAUSE_AT}`;
    const { page, state, errors } = await openTrainingPage(browser, server.url, query);
    // A distribution of the user's own, and a knob off its preset value.
    await page.locator('input[name="seed"]').fill('5');
    await page.locator('input[name="seed"]').dispatchEvent('change');
    await page.locator('[data-role="csv"]').setInputFiles({ name: 'clusters.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(CLUSTERS)) });
    await expect.poll(() => state.get('data-source')).toBe('drawn');
    await expect.poll(() => state.get('status')).toBe('paused');
    expect(await state.step()).toBe(PAUSE_AT);
    expect(await state.get('view-step')).toBe(String(PAUSE_AT));
    const knobs = await state.json<Record<string, unknown>>('knobs');
    expect(knobs.seed).toBe(5);
    // The weights come a moment after the paused state: wait for this step's.
    const weightsAt = (of: DemoState) => of.json<{ step: number }>('weights').then((w) => w?.step);
    await expect.poll(() => weightsAt(state)).toBe(PAUSE_AT);
    const [hash, modes, weights] = [await state.get('grid-hash'), await state.get('modes'), await state.get('weights')];

    await page.locator('[data-role="share"]').click();
    await expect.poll(() => state.get('share-url')).toContain('#run=');
    const link = await state.get('share-url');
    expect(new URL(link).searchParams.get('pauseAt')).toBe(String(PAUSE_AT));
    await page.close();

    const other = await browser.newPage();
    const otherErrors = collectErrors(other);
    const again = new DemoState(other);
    await other.goto(link);
    await expect.poll(() => again.get('status'), { timeout: 90_000 }).toBe('paused');
    expect(await again.step()).toBe(PAUSE_AT);
    expect(await again.json<Record<string, unknown>>('knobs')).toEqual(knobs);
    await expect.poll(() => weightsAt(again)).toBe(PAUSE_AT);
    // The same weights, hence the same samples and the same picture.
    expect(await again.get('weights')).toBe(weights);
    expect(await again.get('modes')).toBe(modes);
    expect(await again.get('grid-hash')).toBe(hash);
    await other.close();
    expect([...errors, ...otherErrors]).toEqual([]);
  } finally {
    await server.close();
  }
});
