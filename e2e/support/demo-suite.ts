import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, test, type Download, type Page, type TestInfo } from '@playwright/test';
import { launchOptions, projectBackend } from './browser';
import { collectErrors, demoDir, DemoState, expectFiniteLosses, openTraining, servedDemo, sharedTrainingPage, START_TIMEOUT } from './demos';

/** What differs between the demos' specs. */
export interface DemoSuiteOptions {
  /** The folder under demos/, e.g. 'gan-mnist'. */
  name: string;
  /** Steps the tiny preset must pass in the training test. */
  minSteps: number;
  /** Files the generator export must offer (one model.json and one weights file per run). */
  generatorFiles: number;
  /** Extra checks on a page that has trained `minSteps` steps. */
  checkTrained?: (state: DemoState) => Promise<void>;
}

// SwiftShader is slow: the first step compiles shaders for seconds, later
// tiny steps take tens to hundreds of ms. Waits poll the page's state.
const STEP_TIMEOUT = 120_000;

async function passSteps(state: DemoState, n: number): Promise<void> {
  await expect.poll(async () => ((await state.get('status')) === 'error' ? `error: ${await state.error()}` : await state.step()), { timeout: STEP_TIMEOUT }).toBeGreaterThanOrEqual(n);
}

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Reads a download's bytes once the browser has written it. */
async function bytesOf(download: Download): Promise<Buffer> {
  return readFileSync(await download.path());
}

/**
 * The e2e tests every demo gets, against its production build, on the
 * project's backend with `?preset=tiny&backend=<project>`.
 */
export function demoSuite(options: DemoSuiteOptions): void {
  test.describe(options.name, () => suite(options));
}

function suite({ name, minSteps, generatorFiles, checkTrained }: DemoSuiteOptions): void {
  const server = servedDemo(name);

  test('bundles tfjs once, in the worker only', () => {
    const assets = join(demoDir(name), 'dist', 'assets');
    const chunks = readdirSync(assets).filter((f) => f.endsWith('.js'));
    // tfjs-core's setBackend error lives in tfjs-core only: one chunk, one copy.
    const withCore = chunks.filter((f) => readFileSync(join(assets, f), 'utf8').includes("Backend name '"));
    expect(withCore).toHaveLength(1);
    expect(withCore[0]).toMatch(/^worker-/);
    expect(readFileSync(join(assets, withCore[0]!), 'utf8').split("Backend name '").length - 1).toBe(1);
  });

  // One page for these two, in order: the second pauses, reloads and loads
  // the run the first trained, so each demo starts its tiny preset once here.
  test.describe(() => {
    test.describe.configure({ mode: 'serial' });
    const lab = sharedTrainingPage(server);

    test('trains with finite losses, draws changing samples, exports them, with no console errors', async ({}, testInfo) => {
      const { page, state, errors } = lab;
      const backend = projectBackend(testInfo.project.name);
      expect(await state.get('backend')).toBe(backend);

      await passSteps(state, minSteps);
      await expectFiniteLosses(state);
      // No tensors leak from step to step.
      const tensors = Number(await state.get('tensors'));
      await passSteps(state, (await state.step()) + 3);
      expect(Number(await state.get('tensors'))).toBe(tensors);

      // The sample canvas holds a picture, and it changes as training goes on.
      const pixels = await page.locator('canvas.samples').evaluate((c: HTMLCanvasElement) => {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        const colours = new Set<number>();
        for (let i = 0; i < data.length; i += 4) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        return { colours: colours.size, png: c.toDataURL('image/png').length };
      });
      expect(pixels.colours, 'distinct colours on the sample canvas').toBeGreaterThan(8);
      expect(pixels.png).toBeGreaterThan(1000);
      const first = await state.get('grid-hash');
      expect(first).toMatch(/^[0-9a-f]{8}$/);
      await expect.poll(() => state.get('grid-hash'), { timeout: STEP_TIMEOUT }).not.toBe(first);

      await checkTrained?.(state);
      await attachScreenshot(page, testInfo, `${name}-${backend}-training`);

      // Exports: the grid as PNG, the generator as model.json + weights.
      const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
      expect(png.suggestedFilename()).toMatch(new RegExp(`^${name}-step\\d+\\.png$`));
      expect((await bytesOf(png)).subarray(1, 4).toString('latin1')).toBe('PNG');
      const downloads: Download[] = [];
      page.on('download', (d) => downloads.push(d));
      await page.getByRole('button', { name: 'Download generator' }).click();
      await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(generatorFiles);
      for (const json of downloads.filter((d) => d.suggestedFilename().endsWith('.json'))) {
        const model = JSON.parse((await bytesOf(json)).toString('utf8'));
        const weights = model.weightsManifest[0].paths[0].replace('./', '');
        expect(downloads.map((d) => d.suggestedFilename())).toContain(weights);
        expect(model.modelTopology.config.name).toBe('generator');
      }
      expect(errors).toEqual([]);
    });

    test('pause holds the step; a checkpoint restores the same samples after a reload', async ({}, testInfo) => {
      const { page, state, errors } = lab;
      const backend = projectBackend(testInfo.project.name);
      await passSteps(state, 3);

      await page.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(() => state.get('status')).toBe('paused');
      const pausedAt = await state.step();
      const pausedHash = await state.get('grid-hash');
      // A tiny step takes well under a second here: a running counter would move in this window.
      await page.waitForTimeout(1500);
      expect(await state.step()).toBe(pausedAt);

      await page.getByRole('button', { name: 'Save checkpoint' }).click();
      await expect.poll(() => state.get('saved')).not.toBe('');
      const slot = await state.get('saved');
      expect(await state.json<string[]>('checkpoints')).toContain(slot);
      // Saving redraws from the same weights: the same pixels.
      expect(await state.get('grid-hash')).toBe(pausedHash);
      expect(await state.step()).toBe(pausedAt);

      await page.reload();
      await expect.poll(() => state.get('status'), { timeout: START_TIMEOUT }).toMatch(/^(training|error)$/);
      await expect.poll(() => state.json<string[]>('checkpoints')).toContain(slot);
      await page.locator(`li[data-slot="${slot}"]`).getByRole('button', { name: 'Load' }).click();
      await expect.poll(() => state.get('loaded'), { timeout: START_TIMEOUT }).toBe(slot);
      expect(await state.get('status'), await state.error()).toBe('paused');
      expect(await state.step()).toBe(pausedAt);
      expect(await state.get('grid-hash')).toBe(pausedHash);
      await attachScreenshot(page, testInfo, `${name}-${backend}-loaded`);

      // Training goes on from the checkpoint.
      await page.getByRole('button', { name: 'Resume' }).click();
      await passSteps(state, pausedAt + 2);
      expect(await state.get('status')).toBe('training');

      await page.locator(`li[data-slot="${slot}"]`).getByRole('button', { name: 'Remove' }).click();
      await expect.poll(() => state.json<string[]>('checkpoints')).not.toContain(slot);
      expect(errors).toEqual([]);
    });
  });

  test('picks a backend by itself, and says why it skipped WebGPU and SwiftShader WebGL in a browser without a GPU', async ({ page }, testInfo) => {
    const backend = projectBackend(testInfo.project.name);
    if (backend === 'webgpu') {
      // This project's browser has WebGPU on SwiftShader: `auto` probes it against wasm (issue 18, tests/webgpu-probe.spec.ts).
      const errors = collectErrors(page);
      const state = new DemoState(page);
      await openTraining(page, server.url, state, 'preset=tiny');
      expect(await state.get('backend-notes')).toMatch(/^WebGPU: runs on a software adapter \(SwiftShader\); /);
      // The selector restarts the worker on the chosen backend and keeps it in the URL.
      await page.locator('[data-role="backend-select"]').selectOption('webgl');
      await expect.poll(() => state.get('backend'), { timeout: START_TIMEOUT }).toBe('webgl');
      await passSteps(state, 1);
      expect(new URL(page.url()).searchParams.get('backend')).toBe('webgl');
      expect(errors).toEqual([]);
      return;
    }
    // A Chromium launched without the WebGPU flags: no adapter. WebGL runs on
    // SwiftShader (a CPU), where wasm measures far faster (issue 8): wasm.
    const browser = await chromium.launch(launchOptions('webgl'));
    try {
      const plain = await browser.newPage();
      const errors = collectErrors(plain);
      const state = new DemoState(plain);
      await openTraining(plain, server.url, state, 'preset=tiny');
      expect(await state.get('backend')).toBe('wasm');
      testInfo.annotations.push({ type: 'backend notes', description: await state.get('backend-notes') });
      expect(await state.get('backend-notes')).toMatch(/^WebGPU: .+; WebGL: runs on .*SwiftShader.* \(no GPU\); wasm measured faster \([\d.]+ ms vs [\d.]+ ms per probe step\)$/);
      // Threads need cross-origin isolation, which the demo servers give.
      expect(await state.get('backend-detail')).toMatch(/^XNNPACK, SIMD, \d+ threads?$/);
      await expect(plain.locator('[data-role="notes"]')).toContainText('WebGPU');
      await passSteps(state, 1);
      await attachScreenshot(plain, testInfo, `${name}-fallback-wasm`);

      // A knob change restarts training with the new setting: hinge loss (linear D head, targets -1/1).
      await passSteps(state, 2);
      const tensors = Number(await state.get('tensors'));
      await plain.locator('select[name="loss"]').selectOption('hinge');
      await expect.poll(() => state.json<{ loss?: string }>('knobs').then((k) => k?.loss)).toBe('hinge');
      // data-losses was cleared with the new knobs: these are the new run's.
      await expect.poll(async () => (await state.losses()).length, { timeout: STEP_TIMEOUT }).toBeGreaterThan(0);
      expect(await state.get('status')).toBe('training');
      expect(
        (await state.losses()).every((v) => Number.isFinite(v)),
        `data-losses=${await state.get('losses')}`,
      ).toBe(true);
      // The old models were freed: the same networks hold the same number of tensors.
      await passSteps(state, 2);
      expect(Number(await state.get('tensors'))).toBe(tensors);
      expect(errors).toEqual([]);

      // Asking for a backend the browser lacks, or for an unknown preset, fails clearly.
      await plain.goto(`${server.url}?preset=tiny&backend=webgpu`);
      await expect.poll(() => state.get('status'), { timeout: START_TIMEOUT }).toBe('error');
      expect(await state.get('error')).toMatch(/WebGPU: .*\?backend=webgpu/);
      await expect(plain.getByRole('alert')).toContainText('WebGPU');
      await plain.goto(`${server.url}?preset=huge`);
      await expect.poll(() => state.get('error')).toMatch(/Unknown preset .*Received: huge/);
    } finally {
      await browser.close();
    }
  });
}
