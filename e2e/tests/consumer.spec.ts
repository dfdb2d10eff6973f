import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { projectBackend } from '../support/browser';
import { buildAndPreview, repoRoot } from '../support/apps';
import type { PreviewServer } from '../support/servers';

// A user's app (e2e/consumer-app) imports the *built* gandlf package through
// node_modules. The spec builds it, checks what ended up in the bundle, then
// trains one epoch in Chromium on the project's backend.

const appDir = join(repoRoot, 'e2e', 'consumer-app');
const assetsDir = join(appDir, 'dist', 'assets');

/** Every JS chunk of the built app, concatenated. */
function bundle(): string {
  return readdirSync(assetsDir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(assetsDir, f), 'utf8'))
    .join('\n');
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

let server: PreviewServer | undefined;

test.beforeAll(async () => {
  server = await buildAndPreview(appDir);
});

test.afterAll(async () => {
  await server?.close();
});

test.describe('bundle', () => {
  test('holds gandlf code the app uses', () => {
    // From AdversarialModel, which Model trains through.
    expect(count(bundle(), 'You must call compile() before')).toBeGreaterThan(0);
  });

  test('drops the adversarial optimizers the app does not use', () => {
    const js = bundle();
    expect(count(js, "passed to 'Unrolled'")).toBe(0);
    expect(count(js, "passed to 'Scheduled'")).toBe(0);
  });

  test('holds exactly one copy of tfjs-core', () => {
    const js = bundle();
    // The engine's setBackend error and its global key live in tfjs-core only; a second
    // copy (e.g. one resolved for gandlf and one for the app) would repeat them.
    expect(count(js, "Backend name '")).toBe(1);
    const chunksWithEngine = readdirSync(assetsDir).filter((f) => f.endsWith('.js') && readFileSync(join(assetsDir, f), 'utf8').includes('_tfengine'));
    expect(chunksWithEngine).toHaveLength(1);
  });
});

test('trains one epoch in the browser', async ({ page }, testInfo) => {
  const backend = projectBackend(testInfo.project.name);
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => errors.push(err.message));

  await page.goto(`${server!.url}?backend=${backend}`);
  const body = page.locator('body');
  await expect.poll(async () => (await body.getAttribute('data-status')) ?? '', { timeout: 150_000 }).toMatch(/^(done|error)$/);

  await page.screenshot({ path: testInfo.outputPath(`consumer-${backend}.png`), fullPage: true });
  const status = await body.getAttribute('data-status');
  const error = await body.getAttribute('data-error');
  expect(status, `page reported an error: ${error}`).toBe('done');
  await expect(body).toHaveAttribute('data-backend', backend);
  const loss = Number(await body.getAttribute('data-loss'));
  expect(Number.isFinite(loss), `data-loss=${loss}`).toBe(true);
  expect(errors).toEqual([]);
});
