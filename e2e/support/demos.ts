import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { projectBackend } from './browser';
import { viteBuild, vitePreview, type PreviewServer } from './servers';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A demo's package folder, e.g. `demos/gan-mnist`. */
export function demoDir(name: string): string {
  return join(repoRoot, 'demos', name);
}

/** Newest modification time of the files under `path`, skipping build output and dependencies. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    t = Math.max(t, newest(join(path, entry)));
  }
  return t;
}

/**
 * Builds a demo for production unless its `dist` is newer than everything it
 * is built from (its sources, the shell, and the built gandlf, datasets and metrics).
 * Every project (webgl, webgpu) runs the spec's `beforeAll`, so this keeps it
 * to one build per run.
 */
export function buildDemo(name: string): void {
  // The packages the demos import (the shell's MNIST metrics use @gandlf/metrics).
  const dists = ['gandlf', 'datasets', 'metrics'].map((p) => join(repoRoot, 'packages', p, 'dist'));
  // The root `test` script builds the packages first; build them here only when
  // the spec runs on its own in a fresh clone.
  if (dists.some((d) => !existsSync(join(d, 'index.js')))) {
    execFileSync('pnpm', ['--filter', 'gandlf', '--filter', '@gandlf/datasets', '--filter', '@gandlf/metrics', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  }
  const dir = demoDir(name);
  const built = join(dir, 'dist', 'index.html');
  const inputs = [dir, join(repoRoot, 'demos', 'shell'), ...dists];
  const distTime = existsSync(built) ? statSync(built).mtimeMs : 0;
  if (distTime > Math.max(...inputs.map(newest))) return;
  viteBuild(dir);
}

/** Builds (when stale) and serves a demo's production build with `vite preview`. */
export async function serveDemo(name: string): Promise<PreviewServer> {
  buildDemo(name);
  return vitePreview(demoDir(name));
}

/**
 * Serves a demo's production build for the tests of the enclosing describe (or
 * file): built and started before them, closed after them.
 */
export function servedDemo(name: string): { readonly url: string } {
  let server: PreviewServer | undefined;
  test.beforeAll(async () => {
    server = await serveDemo(name);
  });
  test.afterAll(async () => {
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error(`The ${name} demo is served only while its tests run.`);
      return server.url;
    },
  };
}

/** How long a demo page may take to start training: SwiftShader compiles shaders for seconds. */
export const START_TIMEOUT = 90_000;

/** Opens `${url}?${query}` and waits until the demo trains (or fails, with the page's message). */
export async function openTraining(page: Page, url: string, state: DemoState, query: string): Promise<void> {
  await page.goto(`${url}?${query}`);
  await expect.poll(() => state.get('status'), { timeout: START_TIMEOUT }).toMatch(/^(training|error)$/);
  expect(await state.get('status'), `the page reported: ${await state.error()}`).toBe('training');
}

/** A new page on `${url}?${query}`, collecting its errors, once it trains: for a group of serial tests that share it. */
export async function openTrainingPage(browser: Browser, url: string, query: string): Promise<{ page: Page; state: DemoState; errors: string[] }> {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  const state = new DemoState(page);
  await openTraining(page, url, state, query);
  return { page, state, errors };
}

/** The page, its state and its errors of {@link sharedTrainingPage}. */
export interface SharedPage {
  readonly page: Page;
  readonly state: DemoState;
  readonly errors: string[];
}

/**
 * One training page on the demo's `preset` (and the project's backend) for the
 * serial tests of the enclosing describe: opened before them, closed after.
 */
export function sharedTrainingPage(server: { readonly url: string }, preset = 'tiny'): SharedPage {
  let opened: SharedPage | undefined;
  test.beforeAll(async ({ browser }, testInfo) => {
    opened = await openTrainingPage(browser, server.url, `preset=${preset}&backend=${projectBackend(testInfo.project.name)}`);
  });
  test.afterAll(async () => {
    await opened?.page.close();
  });
  const get = () => {
    if (!opened) throw new Error('The shared page is open only while its tests run.');
    return opened;
  };
  return {
    get page() {
      return get().page;
    },
    get state() {
      return get().state;
    },
    get errors() {
      return get().errors;
    },
  };
}

/** The page's losses are there and all finite. */
export async function expectFiniteLosses(state: DemoState): Promise<void> {
  const losses = await state.losses();
  expect(losses.length).toBeGreaterThan(0);
  expect(
    losses.every((v) => Number.isFinite(v)),
    `data-losses=${await state.get('losses')}`,
  ).toBe(true);
}

/** Collects console errors and uncaught page errors (the worker's console included). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** A demo page's exposed state (`<body data-*>`), read the way a test needs it. */
export class DemoState {
  readonly body: Locator;

  constructor(readonly page: Page) {
    this.body = page.locator('body');
  }

  async get(key: string): Promise<string> {
    return (await this.body.getAttribute(`data-${key}`)) ?? '';
  }

  async step(): Promise<number> {
    return Number(await this.get('step'));
  }

  async json<T>(key: string): Promise<T> {
    const raw = await this.get(key);
    return (raw ? JSON.parse(raw) : null) as T;
  }

  /** Every loss of every run, from `data-losses` (`{ run: { metric: value } }`). */
  async losses(): Promise<number[]> {
    const byRun = (await this.json<Record<string, Record<string, number>>>('losses')) ?? {};
    return Object.values(byRun).flatMap((logs) => Object.values(logs));
  }

  /** The error the page shows, for assertion messages. */
  async error(): Promise<string> {
    return (await this.get('error')) || '(none)';
  }
}
