// @ts-check
// A demo's production build, served by `vite preview` and opened in headless
// Chromium: what a user's browser runs (the page, its module worker, threads).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '../e2e/support/find-chromium.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds `demos/<name>` and serves it on 127.0.0.1 (cross-origin isolated, as
 * the demos' own servers are). Call `close()` when done.
 * @param {string} name
 */
export async function serveDemoBuild(name) {
  const { build, preview } = await import('vite');
  const root = join(repo, 'demos', name);
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  const server = await preview({ root, configFile: join(root, 'vite.config.ts'), preview: { port: 0 }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error(`vite preview of ${name} gave no URL`);
  return { url, close: () => server.close() };
}

/** Headless Chromium as the e2e tests launch it (their webgl project's options). */
export async function launchChromium() {
  const { chromium } = await import('@playwright/test');
  return chromium.launch(chromiumLaunchOptions('webgl'));
}

/**
 * A `<body data-*>` value of the page.
 * @param {import('@playwright/test').Page} page
 * @param {string} key camelCase, as in `dataset`
 */
export function bodyData(page, key) {
  return page.evaluate((k) => document.body.dataset[k] ?? '', key);
}

/**
 * Resolves once `<body data-step>` reaches `step`; throws with the page's error, if it shows one.
 * @param {import('@playwright/test').Page} page
 * @param {number} step
 * @param {number} timeoutMs
 */
export async function waitForStep(page, step, timeoutMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const [now, error] = [Number(await bodyData(page, 'step')), await bodyData(page, 'error')];
    if (error) throw new Error(`the page shows an error: ${error}`);
    if (now >= step) return now;
    if (Date.now() > end) throw new Error(`step ${now} after ${timeoutMs / 1000} s, waiting for ${step}`);
    await page.waitForTimeout(250);
  }
}
