import { expect, test, type Page } from '@playwright/test';
import { projectBackend } from '../support/browser';
import { demoSuite } from '../support/demo-suite';
import { collectErrors, DemoState, openTraining, openTrainingPage, servedDemo } from '../support/demos';

// The MNIST demo (demos/gan-mnist) on its tiny preset: an MLP GAN on 256 test
// digits, batch 16. Its full DCGAN preset takes tens of seconds a step on
// SwiftShader, so only users run it.
demoSuite({ name: 'gan-mnist', minSteps: 8, generatorFiles: 2 });

// The conditional presets (tiny-acgan; tiny-cgan, whose D also takes the digit):
// the Digit knob is live (KnobSpec.live), so picking another digit redraws the
// grid from the same weights, without a restart. One page for both: the
// second picks its preset in the form, which starts a fresh run.
test.describe('gan-mnist conditional presets', () => {
  test.describe.configure({ mode: 'serial' });
  const server = servedDemo('gan-mnist');
  let page: Page;
  let state: DemoState;
  let errors: string[];
  test.beforeAll(async ({ browser }, testInfo) => {
    ({ page, state, errors } = await openTrainingPage(browser, server.url, `preset=tiny-acgan&backend=${projectBackend(testInfo.project.name)}`));
  });
  test.afterAll(async () => {
    await page?.close();
  });

  for (const preset of ['tiny-acgan', 'tiny-cgan'])
    test(`${preset}: the digit knob redraws the grid without restarting training`, async () => {
      if ((await state.json<{ preset?: string }>('knobs'))?.preset !== preset) {
        await page.locator('select[name="preset"]').selectOption(preset);
        await expect.poll(() => state.json<{ preset?: string }>('knobs').then((k) => k?.preset)).toBe(preset);
        expect(new URL(page.url()).searchParams.get('preset')).toBe(preset);
      }
      // The step of this preset's run: the old run's state reads 'loading' until the new one trains.
      await expect.poll(async () => ((await state.get('status')) === 'training' ? await state.step() : -1), { timeout: 120_000 }).toBeGreaterThanOrEqual(3);
      for (const v of await state.losses()) expect(Number.isFinite(v)).toBe(true);
      await page.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(() => state.get('status')).toBe('paused');
      const step = await state.step();
      const hash = await state.get('grid-hash');
      await page.locator('select[name="digit"]').selectOption('7');
      await expect.poll(() => state.get('grid-hash')).not.toBe(hash);
      // A restart would start at step 0 and training; a live knob keeps the paused run.
      expect(await state.get('status')).toBe('paused');
      expect(await state.step()).toBe(step);
      await page.locator('select[name="digit"]').selectOption('3');
      await expect.poll(() => state.get('grid-hash')).toBe(hash);
      expect(errors).toEqual([]);
    });
});

// Sample quality (issue 6): the worker scores generated digits with
// @gandlf/metrics' MNIST classifier between steps, every `?quality=` seconds
// and when 'Measure now' asks, and the page shows it. 50 digits
// (`?qualitySamples=50`) in place of the page's 1,000: on SwiftShader's WebGPU
// a score of 1,000 took 45-50 s, of 100 6 s (the first one loads the
// classifier and compiles its shaders, about 9 s more).
type Quality = { step: number; frechet: number; digits: number; confidence: number };

function expectQuality(q: Quality): void {
  expect(Number.isFinite(q.frechet) && q.frechet > 0, `frechet=${q.frechet}`).toBe(true);
  expect(Number.isInteger(q.digits) && q.digits >= 0 && q.digits <= 10, `digits=${q.digits}`).toBe(true);
  expect(q.confidence).toBeGreaterThan(0);
  expect(q.confidence).toBeLessThanOrEqual(1);
}

test.describe('gan-mnist sample quality', () => {
  const server = servedDemo('gan-mnist');

  test('the Fréchet distance, digits covered and confidence appear while training goes on', async ({ page }, testInfo) => {
    const errors = collectErrors(page);
    const state = new DemoState(page);
    await openTraining(page, server.url, state, `preset=tiny&backend=${projectBackend(testInfo.project.name)}&quality=2&qualitySamples=50`);
    // The periodic measurements: nothing else asks for these.
    await expect.poll(() => state.json<Quality | null>('quality'), { timeout: 60_000 }).not.toBeNull();
    const q = (await state.json<Quality>('quality'))!;
    expect(q.step).toBeGreaterThan(0);
    expectQuality(q);
    await expect(page.locator('[data-role="quality"]')).toContainText(`at step ${q.step}: frechet`);
    // Measured again later, with training going on in between.
    await expect.poll(async () => (await state.json<Quality>('quality'))!.step, { timeout: 60_000 }).toBeGreaterThan(q.step);
    expect(await state.get('status')).toBe('training');

    // 'Measure now', paused: no periodic score comes while paused, so the next one answers the button.
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => state.get('status')).toBe('paused');
    const pausedAt = await state.step();
    const count = Number(await state.get('quality-count'));
    await page.getByRole('button', { name: 'Measure now' }).click();
    await expect.poll(() => state.get('quality-count'), { timeout: 60_000 }).toBe(String(count + 1));
    const asked = (await state.json<Quality>('quality'))!;
    expect(asked.step).toBe(pausedAt);
    expectQuality(asked);
    await expect(page.getByRole('button', { name: 'Measure now' })).toBeEnabled();
    // Measuring trains nothing.
    expect(await state.get('status')).toBe('paused');
    expect(await state.step()).toBe(pausedAt);
    expect(errors).toEqual([]);

    // A sample count the metrics cannot use fails clearly, before any worker starts.
    await page.goto(`${server.url}?preset=tiny&qualitySamples=1`);
    await expect.poll(() => state.get('error')).toMatch(/Bad \?qualitySamples=: expected an integer >= 2 .*Received: 1$/);
  });
});
