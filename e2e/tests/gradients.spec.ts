import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { projectBackend } from '../support/browser';
import { buildAndPreview, repoRoot } from '../support/apps';
import type { PreviewServer } from '../support/servers';

// gandlf's gradient penalty and R1 differentiate the critic's input gradient
// (second-order gradients), which every tfjs backend must get right (issue 5).
// The same critics and values as the Node tests in
// packages/gandlf/src/penalties/, computed in Chromium by e2e/gradients-app on
// webgl, webgpu and wasm. wasm has no project of its own: the webgl project
// also runs every test on `?backend=wasm` (wasm needs no GPU).

/** What e2e/gradients-app/src/main.ts puts on `window`. */
interface PenaltyResult {
  value: number;
  grads: unknown[];
  leaked: number;
}
interface Harness {
  backend(): string;
  gpLinear(): Promise<PenaltyResult>;
  r1Linear(): Promise<PenaltyResult>;
  gpLeaky(W: number[][], v: number[], xs: number[][], alpha: number): Promise<PenaltyResult>;
  r1Tanh(w: number[], b: number, xs: number[][]): Promise<PenaltyResult>;
  secondDerivatives(): Promise<{ tanh: number; sigmoid: number; exp: number }>;
  maxPool(): Promise<{ threw: boolean; name?: string; op?: string; message?: string; weightsUnchanged: boolean; leaked: number }>;
}

/**
 * Calls `window.harness[name](...args)` in the page. (No `declare global`
 * here: persistence.spec.ts gives `window.harness` another type.)
 */
async function call<K extends keyof Harness>(page: Page, name: K, ...args: Parameters<Harness[K]>): Promise<Awaited<ReturnType<Harness[K]>>> {
  return page.evaluate(([n, a]) => (window as unknown as { harness: Record<string, (...x: unknown[]) => unknown> }).harness[n]!(...a), [name, args] as [string, unknown[]]) as Promise<
    Awaited<ReturnType<Harness[K]>>
  >;
}

type Backend = 'webgl' | 'webgpu' | 'wasm';

/** The Playwright project that runs a backend's tests. */
const PROJECT: Record<Backend, string> = { webgl: 'webgl', webgpu: 'webgpu', wasm: 'webgl' };

/** float32 on the GPU (SwiftShader) and wasm: absolute tolerance, relative above 1. */
const TOLERANCE: Record<Backend, number> = { webgl: 1e-3, webgpu: 1e-3, wasm: 1e-4 };

const appDir = join(repoRoot, 'e2e', 'gradients-app');
let server: PreviewServer | undefined;

test.beforeAll(async () => {
  server = await buildAndPreview(appDir);
});

test.afterAll(async () => {
  await server?.close();
});

async function open(page: Page, backend: Backend): Promise<void> {
  await page.goto(`${server!.url}?backend=${backend}`);
  await expect(page.locator('body')).toHaveAttribute('data-status', /ready|error/, { timeout: 60_000 });
  expect(await page.locator('body').getAttribute('data-error')).toBeNull();
  expect(await call(page, 'backend')).toBe(backend);
}

/** Asserts `actual` is within `tol` of `expected` (relative to |expected| when that exceeds 1). */
function close(actual: number, expected: number, tol: number, what: string): void {
  const bound = tol * Math.max(1, Math.abs(expected));
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected} (±${bound})`).toBeLessThanOrEqual(bound);
}

// The LeakyReLU critic D(x) = Σ_j v_j lrelu(W_j · x) of gradient-penalty.test.ts.
const W = [
  [1, -2],
  [0.5, 1.5],
  [-1, 0.25],
];
const V = [1, -0.5, 2];
const XS_LEAKY = [
  [0.3, -0.2],
  [-0.4, 0.9],
  [1.2, 0.1],
];
const ALPHA = 0.2;

/** GP = λ mean_i (|∇x D(x_i)| - 1)², ∇x D = Σ_j v_j lrelu'(W_j · x) W_j (λ = 10). */
function gpLeaky(w: number[][]): number {
  const terms = XS_LEAKY.map((x) => {
    const g = [0, 0];
    w.forEach((row, j) => {
      const slope = row[0]! * x[0]! + row[1]! * x[1]! > 0 ? 1 : ALPHA;
      g[0] += V[j]! * slope * row[0]!;
      g[1] += V[j]! * slope * row[1]!;
    });
    return (Math.hypot(g[0]!, g[1]!) - 1) ** 2;
  });
  return (10 * terms.reduce((a, b) => a + b)) / XS_LEAKY.length;
}

// The tanh critic D(x) = tanh(w·x + b) of r1.test.ts.
const W_TANH = [0.8, -0.6];
const B_TANH = 0.1;
const XS_TANH = [
  [0.5, -1],
  [0.2, 0.3],
  [-0.7, 0.4],
];

/** R1 = γ/2 mean_i (1 - tanh²(w·x_i + b))² |w|² (γ = 10). */
function r1Tanh(w: number[]): number {
  return (5 * XS_TANH.map((x) => (1 - Math.tanh(w[0]! * x[0]! + w[1]! * x[1]! + B_TANH) ** 2) ** 2 * (w[0]! ** 2 + w[1]! ** 2)).reduce((s, t) => s + t)) / XS_TANH.length;
}

/** Central difference of `f` at `x` along coordinate (j, k). */
function centralDifference(f: (x: number[][]) => number, x: number[][], j: number, k: number, h = 1e-6): number {
  const plus = x.map((r) => [...r]);
  const minus = x.map((r) => [...r]);
  plus[j]![k]! += h;
  minus[j]![k]! -= h;
  return (f(plus) - f(minus)) / (2 * h);
}

for (const backend of ['webgl', 'webgpu', 'wasm'] as const) {
  test.describe(backend, () => {
    const tol = TOLERANCE[backend];

    test.beforeEach(({}, testInfo) => {
      test.skip(projectBackend(testInfo.project.name) !== PROJECT[backend], `${backend} runs in the ${PROJECT[backend]} project`);
    });

    test('linear critic: GP and R1 and their weight gradients match the closed forms', async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await open(page, backend);

      // D(x) = 3 x1 + 4 x2 + 0.5: ∇x D = [3, 4], |∇| = 5, GP = λ (5 - 1)² = 160,
      // ∂GP/∂w = 2λ (|w| - 1) w/|w| = [48, 64], ∂GP/∂b = 0.
      const gp = await call(page, 'gpLinear');
      close(gp.value, 160, tol, 'GP');
      const [gk, gb] = gp.grads as [number[][], number[]];
      close(gk[0]![0]!, 48, tol, '∂GP/∂w1');
      close(gk[1]![0]!, 64, tol, '∂GP/∂w2');
      close(gb[0]!, 0, tol, '∂GP/∂b');
      expect(gp.leaked).toBe(0);

      // R1 = γ/2 |w|² = 25 (γ = 2), ∂R1/∂w = γ w = [6, 8].
      const r1 = await call(page, 'r1Linear');
      close(r1.value, 25, tol, 'R1');
      const [rk] = r1.grads as [number[][]];
      close(rk[0]![0]!, 6, tol, '∂R1/∂w1');
      close(rk[1]![0]!, 8, tol, '∂R1/∂w2');
      expect(r1.leaked).toBe(0);
      expect(errors).toEqual([]);
    });

    test('tanh and LeakyReLU critics: second-order gradients match finite differences', async ({ page }) => {
      await open(page, backend);

      const d2 = await call(page, 'secondDerivatives');
      const [t, s] = [Math.tanh(0.5), 1 / (1 + Math.exp(-0.5))];
      close(d2.tanh, -2 * t * (1 - t * t), tol, "tanh''(0.5)");
      close(d2.sigmoid, s * (1 - s) * (1 - 2 * s), tol, "sigmoid''(0.5)");
      close(d2.exp, Math.exp(0.5), tol, "exp''(0.5)");

      const r1 = await call(page, 'r1Tanh', W_TANH, B_TANH, XS_TANH);
      close(r1.value, r1Tanh(W_TANH), tol, 'R1 (tanh)');
      const [rk] = r1.grads as [number[][]];
      const fr = (w: number[][]) => r1Tanh(w[0]!);
      close(rk[0]![0]!, centralDifference(fr, [W_TANH], 0, 0), tol, '∂R1/∂w1 (tanh)');
      close(rk[1]![0]!, centralDifference(fr, [W_TANH], 0, 1), tol, '∂R1/∂w2 (tanh)');
      expect(r1.leaked).toBe(0);

      const gp = await call(page, 'gpLeaky', W, V, XS_LEAKY, ALPHA);
      close(gp.value, gpLeaky(W), tol, 'GP (LeakyReLU)');
      const [gk] = gp.grads as [number[][]]; // [2, 3] = Wᵀ
      W.forEach((row, j) => row.forEach((_, k) => close(gk[k]![j]!, centralDifference(gpLeaky, W, j, k), tol, `∂GP/∂W[${j}][${k}] (LeakyReLU)`)));
      expect(gp.leaked).toBe(0);
    });

    test('max-pooling critic: training throws MissingGradientError naming MaxPoolGrad and changes nothing', async ({ page }) => {
      await open(page, backend);
      const r = await call(page, 'maxPool');
      expect(r.threw).toBe(true);
      expect(r.name).toBe('MissingGradientError');
      expect(r.op).toBe('MaxPoolGrad');
      expect(r.message).toMatch(new RegExp(`Player 'discriminator'.*'MaxPoolGrad' on backend '${backend}'.*\\["gp"\\]`));
      expect(r.weightsUnchanged).toBe(true);
      expect(r.leaked).toBe(0);
    });
  });
}
