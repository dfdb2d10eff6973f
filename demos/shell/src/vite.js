// Plain JavaScript (typed by vite.d.ts): Vite loads a demo's vite.config.ts
// with Node, which cannot import TypeScript from a linked workspace package.
import { mergeConfig } from 'vite';

/**
 * Cross-origin isolation (COOP + COEP), so tfjs-wasm threads could use
 * SharedArrayBuffer later. Same-origin assets such as the MNIST files load
 * under it unchanged; cross-origin ones would need CORP headers.
 */
export const crossOriginIsolation = Object.freeze({
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
});

/**
 * The Vite config every demo shares: 127.0.0.1 only, COOP/COEP headers on the
 * dev and preview servers, and ES-module workers (the training worker loads
 * tfjs backends as separate chunks, which classic workers cannot).
 *
 * @example export default defineConfig(demoConfig());
 * @param {import('vite').UserConfig} [overrides]
 * @returns {import('vite').UserConfig}
 */
export function demoConfig(overrides = {}) {
  return mergeConfig(
    {
      server: { host: '127.0.0.1', headers: { ...crossOriginIsolation } },
      preview: { host: '127.0.0.1', headers: { ...crossOriginIsolation } },
      worker: { format: 'es' },
      build: {
        target: 'es2022',
        // tfjs alone is over 1 MB minified; it lives in the worker chunk.
        chunkSizeWarningLimit: 4096,
      },
    },
    overrides,
  );
}
