import { expect, test } from '@playwright/test';
import { projectBackend } from '../support/browser';
import { demoSuite } from '../support/demo-suite';
import { collectErrors, DemoState, openTraining, servedDemo } from '../support/demos';

// The MNIST demo (demos/gan-mnist) on its tiny preset: an MLP GAN on 256 test
// digits, batch 16. Its full DCGAN preset takes tens of seconds a step on
// SwiftShader, so only users run it.
demoSuite({ name: 'gan-mnist', minSteps: 8, generatorFiles: 2 });

// The conditional presets (tiny-acgan; tiny-cgan, whose D also takes the digit):
// the Digit knob is live (KnobSpec.live), so picking another digit redraws the
// grid from the same weights, without a restart.
for (const preset of ['tiny-acgan', 'tiny-cgan'])
  test.describe(`gan-mnist ${preset}`, () => {
    const server = servedDemo('gan-mnist');

    test('the digit knob redraws the grid without restarting training', async ({ page }, testInfo) => {
      const errors = collectErrors(page);
      const state = new DemoState(page);
      await openTraining(page, server.url, state, `preset=${preset}&backend=${projectBackend(testInfo.project.name)}`);
      await expect.poll(() => state.step(), { timeout: 120_000 }).toBeGreaterThanOrEqual(3);
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

// Sample quality (issue 6): the worker scores 1,000 samples with @gandlf/metrics'
// MNIST classifier between steps, every `?quality=` seconds, and the page shows it.
test.describe('gan-mnist sample quality', () => {
  const server = servedDemo('gan-mnist');

  test('the Fréchet distance, digits covered and confidence appear while training goes on', async ({ page }, testInfo) => {
    const errors = collectErrors(page);
    const state = new DemoState(page);
    await openTraining(page, server.url, state, `preset=tiny&backend=${projectBackend(testInfo.project.name)}&quality=2`);
    await expect.poll(() => state.json<{ step: number } | null>('quality'), { timeout: 120_000 }).not.toBeNull();
    const q = (await state.json<{ step: number; frechet: number; digits: number; confidence: number }>('quality'))!;
    expect(q.step).toBeGreaterThan(0);
    expect(Number.isFinite(q.frechet) && q.frechet > 0).toBe(true);
    expect(Number.isInteger(q.digits) && q.digits >= 0 && q.digits <= 10).toBe(true);
    expect(q.confidence).toBeGreaterThan(0);
    expect(q.confidence).toBeLessThanOrEqual(1);
    await expect(page.locator('[data-role="quality"]')).toContainText(`at step ${q.step}: frechet`);
    // Measured again later, with training going on in between.
    await expect.poll(async () => (await state.json<{ step: number }>('quality'))!.step, { timeout: 120_000 }).toBeGreaterThan(q.step);
    expect(await state.get('status')).toBe('training');
    expect(errors).toEqual([]);
  });
});
