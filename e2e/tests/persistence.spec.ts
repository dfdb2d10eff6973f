import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { projectBackend } from '../support/browser';
import { buildAndPreview, repoRoot } from '../support/apps';
import type { PreviewServer } from '../support/servers';

// Saving and loading whole gandlf runs in IndexedDB, in a real Chromium:
// e2e/persistence-app exposes `window.harness` for these steps.

/** What e2e/persistence-app/src/main.ts puts on `window`. */
interface Harness {
  create(): Promise<void>;
  train(steps: number): Promise<number>;
  save(url: string): Promise<{ ok: boolean; error?: string; name?: string; quotaExceeded?: boolean }>;
  load(url: string): Promise<number>;
  samples(): Promise<number[]>;
  list(prefix: string): Promise<string[]>;
  remove(url: string): Promise<void>;
  setQuotaFull(full: boolean): void;
  download(name: string): Promise<void>;
  loadFiles(): Promise<number>;
}
declare global {
  interface Window {
    harness: Harness;
  }
}

const appDir = join(repoRoot, 'e2e', 'persistence-app');
let server: PreviewServer | undefined;

test.beforeAll(async () => {
  server = await buildAndPreview(appDir);
});

test.afterAll(async () => {
  await server?.close();
});

async function open(page: Page, backend: string): Promise<void> {
  await page.goto(`${server!.url}?backend=${backend}`);
  await expect(page.locator('body')).toHaveAttribute('data-status', /ready|error/, { timeout: 60_000 });
  expect(await page.locator('body').getAttribute('data-error')).toBeNull();
}

test('save, reload the page, load: the seeded latent batch gives the same samples', async ({ page }, testInfo) => {
  const backend = projectBackend(testInfo.project.name);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await open(page, backend);
  const url = `indexeddb://persist-${backend}`;
  await page.evaluate(() => window.harness.create());
  expect(await page.evaluate(() => window.harness.train(4))).toBe(4);
  expect(await page.evaluate((u) => window.harness.save(u), url)).toEqual({ ok: true });
  const before = await page.evaluate(() => window.harness.samples());

  await page.reload();
  await open(page, backend);
  expect(await page.evaluate((u) => window.harness.load(u), url)).toBe(4);
  expect(await page.evaluate(() => window.harness.samples())).toEqual(before);
  // Training goes on from the loaded step.
  expect(await page.evaluate(() => window.harness.train(2))).toBe(6);
  expect(errors).toEqual([]);
});

test('listCheckpoints and removeCheckpoint', async ({ page }, testInfo) => {
  const backend = projectBackend(testInfo.project.name);
  await open(page, backend);
  const prefix = `indexeddb://list-${backend}/`;
  await page.evaluate(() => window.harness.create());
  await page.evaluate(() => window.harness.train(1));
  for (const name of ['a', 'b', 'c']) {
    expect(await page.evaluate((u) => window.harness.save(u), prefix + name)).toEqual({ ok: true });
  }
  expect(await page.evaluate((p) => window.harness.list(p), prefix)).toEqual(['a', 'b', 'c'].map((n) => prefix + n));
  await page.evaluate((u) => window.harness.remove(u), `${prefix}b`);
  expect(await page.evaluate((p) => window.harness.list(p), prefix)).toEqual([`${prefix}a`, `${prefix}c`]);
});

test('a full quota fails the save clearly and leaves the old checkpoint loadable', async ({ page }, testInfo) => {
  const backend = projectBackend(testInfo.project.name);
  await open(page, backend);
  const url = `indexeddb://quota-${backend}`;
  await page.evaluate(() => window.harness.create());
  await page.evaluate(() => window.harness.train(2));
  expect(await page.evaluate((u) => window.harness.save(u), url)).toEqual({ ok: true });
  const saved = await page.evaluate(() => window.harness.samples());

  await page.evaluate(() => window.harness.train(3));
  await page.evaluate(() => window.harness.setQuotaFull(true));
  const failed = await page.evaluate((u) => window.harness.save(u), url);
  await page.evaluate(() => window.harness.setQuotaFull(false));
  expect(failed.ok).toBe(false);
  expect(failed.name).toBe('CheckpointSaveError');
  expect(failed.quotaExceeded).toBe(true);
  expect(failed.error).toMatch(/storage quota is full.*previous checkpoint of that name is intact/);

  expect(await page.evaluate((u) => window.harness.load(u), url)).toBe(2);
  expect(await page.evaluate(() => window.harness.samples())).toEqual(saved);
  expect(await page.evaluate((p) => window.harness.list(p), url)).toEqual([url]);
  await page.screenshot({ path: testInfo.outputPath(`persistence-${backend}.png`) });
});

test('downloads:// and tf.io.browserFiles: download a run, pick the files, load it back', async ({ page }, testInfo) => {
  const backend = projectBackend(testInfo.project.name);
  await open(page, backend);
  await page.evaluate(() => window.harness.create());
  await page.evaluate(() => window.harness.train(3));
  const before = await page.evaluate(() => window.harness.samples());
  const files: string[] = [];
  page.on('download', async (d) => {
    const path = testInfo.outputPath(d.suggestedFilename());
    await d.saveAs(path);
    files.push(path);
  });
  await page.evaluate(() => window.harness.download('gan-run'));
  await expect.poll(() => files.length).toBe(2);
  expect(files.map((f) => f.split('/').pop()).sort()).toEqual(['gan-run.json', 'gan-run.weights.bin']);

  await page.reload();
  await open(page, backend);
  await page.setInputFiles('#files', files);
  expect(await page.evaluate(() => window.harness.loadFiles())).toBe(3);
  expect(await page.evaluate(() => window.harness.samples())).toEqual(before);
});
