// ESLint 9 flat config. `pnpm lint` runs it over the whole repo: packages/, demos/, e2e/, bench/, examples/ and the root files.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/out/',
    '**/test-results/',
    '**/playwright-report/',
    '**/.vite/',
    // Data written by scripts, not source.
    'bench/results/',
    'packages/metrics/src/mnist-classifier/',
    'packages/gandlf/src/checkpoint/fixtures/',
  ]),
  {
    files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
    // The recommended sets without type information (the type-checked ones are too slow for this machine).
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: {
      // Sources run in browsers, workers and Node (library, demos, e2e apps, scripts, benchmarks).
      globals: { ...globals.browser, ...globals.worker, ...globals.node },
    },
    rules: {
      // As tsc's noUnusedLocals: a key destructured only to leave it out of `...rest` counts as used.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    rules: {
      // Playwright reads a test's fixtures from its first parameter, which must be a destructuring pattern: `async ({}, testInfo) =>`.
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
    },
  },
  {
    files: ['**/*.{ts,mts,cts}'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
    },
  },
);
