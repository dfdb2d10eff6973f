import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests run in Node on the tfjs cpu backend, against the sources (no build needed).
export default defineConfig({
  resolve: {
    alias: {
      // Subpaths first: a plain key would also match its subpaths.
      'gandlf/node': fileURLToPath(new URL('./packages/gandlf/src/node.ts', import.meta.url)),
      gandlf: fileURLToPath(new URL('./packages/gandlf/src/index.ts', import.meta.url)),
      // The subpath first: a plain '@gandlf/datasets' key would also match '@gandlf/datasets/node'.
      '@gandlf/datasets/node': fileURLToPath(new URL('./packages/datasets/src/node.ts', import.meta.url)),
      '@gandlf/datasets': fileURLToPath(new URL('./packages/datasets/src/index.ts', import.meta.url)),
      '@gandlf/metrics': fileURLToPath(new URL('./packages/metrics/src/index.ts', import.meta.url)),
      '@gandlf/describe': fileURLToPath(new URL('./packages/describe/src/index.ts', import.meta.url)),
      // The demos fetch MNIST from their page's assets; their tests read a few digits from disk.
      '@gandlf/demo-shell/mnist': fileURLToPath(new URL('./demos/shell/src/testing-mnist.ts', import.meta.url)),
    },
  },
  test: {
    // e2e/support: the e2e helpers' own unit tests (the Playwright specs are e2e/tests/*.spec.ts).
    include: ['packages/*/src/**/*.test.ts', 'demos/*/src/**/*.test.ts', 'examples/**/*.test.ts', 'e2e/support/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['packages/gandlf/src/test-utils/setup.ts'],
    // Generous: a test asserts behaviour, not speed, and must hold on a busy 2-core machine (the slowest took 52 s under a load of 4).
    testTimeout: 180_000,
    // Two cores: run test files on two workers at most.
    maxWorkers: 2,
  },
});
