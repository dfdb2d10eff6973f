import { expect, test, type Page, type Worker } from '@playwright/test';
import { projectBackend } from '../support/browser';
import { collectErrors, DemoState, expectFiniteLosses, openTraining, servedDemo, START_TIMEOUT } from '../support/demos';

// A run must survive what a Python user never sees (issue 7): the GPU context
// lost under it, the training worker killed, the tab hidden. The shell
// autosaves every run to IndexedDB (`?autosave=1`: every second here) and
// restores the latest checkpoint in a fresh worker. Faults are injected for
// real: WEBGL_lose_context / GPUDevice.destroy() and closing the worker.

const STEP_TIMEOUT = 120_000;

const server = servedDemo('bigan-mnist');

const open = (page: Page, state: DemoState, backend: string) => openTraining(page, server.url, state, `preset=tiny&backend=${backend}&autosave=1`);

/** Waits for an autosave past `minStep`; resolves to its step. */
async function autosavedPast(state: DemoState, minStep: number): Promise<number> {
  await expect.poll(async () => Number((await state.get('latest-checkpoint')).split('@')[1] ?? -1), { timeout: STEP_TIMEOUT }).toBeGreaterThanOrEqual(minStep);
  return Number((await state.get('latest-checkpoint')).split('@')[1]);
}

/** The training worker (the page has exactly one). */
async function trainingWorker(page: Page): Promise<Worker> {
  await expect.poll(() => page.workers().length).toBeGreaterThan(0);
  return page.workers()[page.workers().length - 1]!;
}

/** Training goes on past `step` with finite losses. */
async function trainsPast(state: DemoState, step: number): Promise<void> {
  await expect.poll(async () => ((await state.get('status')) === 'error' ? `error: ${await state.error()}` : await state.step()), { timeout: STEP_TIMEOUT }).toBeGreaterThanOrEqual(step);
  expect(await state.get('status')).toBe('training');
  await expectFiniteLosses(state);
}

test('a lost GPU context: the run is restored from its latest checkpoint on a fresh backend and goes on', async ({ page }, testInfo) => {
  const backend = projectBackend(testInfo.project.name);
  const errors = collectErrors(page);
  const state = new DemoState(page);
  await open(page, state, backend);
  const saved = await autosavedPast(state, 2);

  const worker = await trainingWorker(page);
  const did = await worker.evaluate(() => (globalThis as unknown as { gandlfShell: { loseDevice(): string } }).gandlfShell.loseDevice());
  expect(did).toBe(backend === 'webgl' ? 'webgl: context lost' : 'webgpu: device destroyed');

  await expect.poll(() => state.get('device-lost'), { timeout: STEP_TIMEOUT }).toMatch(backend === 'webgl' ? /WebGL context was lost/ : /WebGPU device was lost/);
  // Restored from the checkpoint that was latest when the context went: at least the one seen before.
  await expect.poll(() => state.get('restored'), { timeout: START_TIMEOUT }).toMatch(/^autosave@\d+$/);
  const restored = Number((await state.get('restored')).split('@')[1]);
  expect(restored).toBeGreaterThanOrEqual(saved);
  expect(await state.get('backend')).toBe(backend);
  expect(page.workers().includes(worker)).toBe(false);
  await trainsPast(state, restored + 3);
  await expect(page.locator('[data-role="warning"]')).toContainText(`Restored 'autosave' at step ${restored}`);
  await page.screenshot({ path: testInfo.outputPath(`recovery-${backend}-context.png`), fullPage: true });
  // The lost context's own messages are warnings; nothing may reach the console as an error.
  expect(errors).toEqual([]);
});

test('a killed worker: the page says so and offers to resume from the last checkpoint', async ({ page }, testInfo) => {
  const backend = projectBackend(testInfo.project.name);
  test.skip(backend === 'webgpu', 'worker death does not depend on the backend');
  const errors = collectErrors(page);
  const state = new DemoState(page);
  await open(page, state, backend);
  await autosavedPast(state, 2);

  // Close the worker from inside: it posts nothing more, as when the browser kills it.
  const worker = await trainingWorker(page);
  await worker.evaluate(() => setTimeout(() => (globalThis as unknown as { close(): void }).close(), 0)).catch(() => {});
  await expect.poll(() => state.get('status'), { timeout: 30_000 }).toBe('error');
  expect(await state.error()).toMatch(/training worker stopped/);
  const saved = Number((await state.get('latest-checkpoint')).split('@')[1]);
  const resume = page.locator('[data-role="recover"]');
  await expect(resume).toBeVisible();
  await expect(resume).toHaveText(`Resume from 'autosave' (step ${saved})`);
  await page.screenshot({ path: testInfo.outputPath('recovery-crash.png'), fullPage: true });

  await resume.click();
  await expect.poll(() => state.get('restored'), { timeout: START_TIMEOUT }).toBe(`autosave@${saved}`);
  await expect(resume).toBeHidden();
  await trainsPast(state, saved + 3);
  expect(errors).toEqual([]);
});

test('a frozen tab (what browsers do to long-hidden ones) trains on once it thaws', async ({ page, context }, testInfo) => {
  const backend = projectBackend(testInfo.project.name);
  test.skip(backend === 'webgpu', 'page lifecycle does not depend on the backend');
  const errors = collectErrors(page);
  const state = new DemoState(page);
  await open(page, state, backend);
  await trainsPast(state, 2);

  // Headless Chromium never hides a page, but it can freeze one, as Chrome
  // does to tabs hidden for long (memory saver, Android), workers included.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
  await new Promise((r) => setTimeout(r, 3000));
  await cdp.send('Page.setWebLifecycleState', { state: 'active' });
  await trainsPast(state, (await state.step()) + 5);
  expect(errors).toEqual([]);
});
