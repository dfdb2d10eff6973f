import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { projectBackend } from '../support/browser';
import { viteBin } from '../support/servers';

// `gandlf train --backend webgl|webgpu` (packages/cli): the CLI builds the demo,
// serves it, trains the tiny preset on the page in its own headless Chromium
// and writes the same files as a Node run. Run as users run it: the built bin.
const cliDir = fileURLToPath(new URL('../../packages/cli/', import.meta.url));

test.beforeAll(() => {
  test.setTimeout(120_000);
  execFileSync(process.execPath, [viteBin(cliDir), 'build', '--logLevel', 'error'], { cwd: cliDir, stdio: 'pipe' });
});

test('gandlf train mixtures/tiny in Chromium writes grids, history, metrics and checkpoints', async ({}, testInfo) => {
  test.setTimeout(300_000);
  const backend = projectBackend(testInfo.project.name);
  const out = mkdtempSync(join(tmpdir(), `gandlf-cli-e2e-${backend}-`));
  try {
    const run = spawnSync(process.execPath, [join(cliDir, 'dist', 'cli.js'), 'train', 'mixtures/tiny', '--backend', backend, '--steps', '10', '--grid-every', '5', '--out', out], {
      encoding: 'utf8',
      timeout: 280_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^\\d+ steps on ${backend} in `));
    const files = readdirSync(out);
    for (const f of ['checkpoint', 'history.csv', 'history.json', 'metrics.json', 'run.json']) expect(files).toContain(f);
    expect(files.filter((f) => /^grid-step\d+\.png$/.test(f)).length).toBeGreaterThanOrEqual(2);
    const history = JSON.parse(readFileSync(join(out, 'history.json'), 'utf8')) as { step: number }[];
    expect(history.map((h) => h.step).slice(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as { runs: Record<string, { modesCovered: number }> };
    expect(Object.keys(metrics.runs).sort()).toEqual(['alternating', 'simultaneous', 'unrolled']);
    const info = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { backend: string; runtime: string; steps: number };
    expect([info.runtime, info.backend]).toEqual(['chromium', backend]);
    // Each run's page checkpoint, copied to a file:// folder at the step reached.
    expect(
      readdirSync(join(out, 'checkpoint'))
        .filter((d) => !d.includes('~'))
        .sort(),
    ).toEqual(['alternating', 'simultaneous', 'unrolled']);
    // gandlf's file:// saves are a pointer plus a generation folder, which holds the data.
    const generation = readdirSync(join(out, 'checkpoint')).find((d) => d.startsWith('unrolled~'))!;
    expect(readFileSync(join(out, 'checkpoint', generation, 'model.json'), 'utf8')).toContain(`"step":${info.steps}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

// MNIST demos: metrics.json holds the page's own quality() score, asked of its worker once paused.
test('gandlf train bigan-mnist/tiny in Chromium writes the page-measured MNIST quality', async ({}, testInfo) => {
  test.setTimeout(300_000);
  const backend = projectBackend(testInfo.project.name);
  const out = mkdtempSync(join(tmpdir(), `gandlf-cli-e2e-mnist-${backend}-`));
  try {
    const run = spawnSync(process.execPath, [join(cliDir, 'dist', 'cli.js'), 'train', 'bigan-mnist/tiny', '--backend', backend, '--steps', '5', '--out', out], {
      encoding: 'utf8',
      timeout: 280_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as { step: number; kind: string; runs: Record<string, Record<string, number>>; missing?: string };
    expect(metrics.missing).toBeUndefined();
    expect(metrics.kind).toContain('1000 generated digits');
    const q = metrics.runs.bigan!;
    expect(Number.isFinite(q.frechet) && q.frechet! > 0).toBe(true);
    expect(Number.isInteger(q.digits) && q.digits! >= 0 && q.digits! <= 10).toBe(true);
    expect(q.confidence).toBeGreaterThan(0);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
