// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The bench page, built once by wasm-conv.mjs. gandlf resolves to its sources so
// the page needs no library build.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  logLevel: 'warn',
  resolve: {
    alias: {
      gandlf: fileURLToPath(new URL('../../packages/gandlf/src/index.ts', import.meta.url)),
      // Imported by gandlf's errors.ts.
      '@gandlf/describe': fileURLToPath(new URL('../../packages/describe/src/index.ts', import.meta.url)),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    // The DCGAN step page (wasm-conv.mjs) and the framework-overhead page (overhead.mjs).
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        overhead: fileURLToPath(new URL('./overhead.html', import.meta.url)),
      },
    },
  },
});
