import { expect, test } from '@playwright/test';
import { webgpuArgs } from '../support/browser';
import { collectErrors, DemoState, openTraining, servedDemo } from '../support/demos';

// Issue 19: wasm training in the demos' module worker runs on every core of a
// cross-origin-isolated page (tfjs's threaded build, whose pthreads failed to
// start there), and a page without a GPU that names no preset starts the one
// sized for a CPU, and says why. wasm runs the same in both projects: once is enough.
test.skip(({ launchOptions }) => webgpuArgs.every((a) => launchOptions.args?.includes(a)), 'wasm does not depend on the project: the webgl one runs these');

const server = servedDemo('gan-mnist');

test('wasm trains in the module worker on every core the page reports, or on ?threads=', async ({ page }) => {
  const errors = collectErrors(page);
  const state = new DemoState(page);
  await openTraining(page, server.url, state, 'preset=tiny&backend=wasm');
  const cores = await page.evaluate(() => ({ cores: navigator.hardwareConcurrency, isolated: crossOriginIsolated }));
  expect(cores.isolated).toBe(true);
  expect(await state.get('backend-detail')).toBe(`XNNPACK, SIMD, ${cores.cores} thread${cores.cores === 1 ? '' : 's'}`);
  // The thread count is on the page, not only in its data-* state.
  await expect(page.locator('[data-role="notes"]')).toContainText(`${cores.cores} thread`);
  await expect.poll(() => state.step(), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);

  await openTraining(page, server.url, state, 'preset=tiny&backend=wasm&threads=1');
  expect(await state.get('backend-detail')).toBe('XNNPACK, SIMD, 1 thread');
  await expect.poll(() => state.step(), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
  expect(errors).toEqual([]);
});

test('a page on wasm that names no preset starts the preset sized for a CPU, and says why', async ({ page }) => {
  const errors = collectErrors(page);
  const state = new DemoState(page);
  await openTraining(page, server.url, state, 'backend=wasm');
  const knobs = await state.json<{ preset: string; width: number }>('knobs');
  expect(knobs).toMatchObject({ preset: 'dcgan-small', width: 32 });
  expect(await state.get('preset-why')).toMatch(/^dcgan-small: .+/);
  await expect(page.locator('[data-role="preset-why"]')).toBeVisible();
  await expect(page.locator('[data-role="preset-why"]')).toContainText('Preset dcgan-small for wasm');
  // The URL now names it, so a reload keeps it.
  expect(new URL(page.url()).searchParams.get('preset')).toBe('dcgan-small');
  await expect.poll(() => state.step(), { timeout: 120_000 }).toBeGreaterThanOrEqual(1);

  // Named, the full DCGAN is what trains, on wasm too.
  await openTraining(page, server.url, state, 'backend=wasm&preset=dcgan');
  expect(await state.json<{ preset: string; width: number }>('knobs')).toMatchObject({ preset: 'dcgan', width: 64 });
  expect(await state.get('preset-why')).toBe('');
  await expect(page.locator('[data-role="preset-why"]')).toBeHidden();
  expect(errors).toEqual([]);
});
