// Plain JavaScript (typed by vite.d.ts): Vite loads a demo's vite.config.ts
// with Node, which cannot import TypeScript from a linked workspace package.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mergeConfig } from 'vite';

/**
 * Cross-origin isolation (COOP + COEP), so the wasm backend can use threads
 * (SharedArrayBuffer). Same-origin assets such as the MNIST files load
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
      // Found only inside the worker, these would be pre-bundled late, and the
      // dev server would reload the page while the worker loads.
      optimizeDeps: {
        include: ['@tensorflow/tfjs', '@gandlf/demo-shell > @tensorflow/tfjs-backend-webgpu', '@gandlf/demo-shell > @tensorflow/tfjs-backend-wasm'],
      },
      build: {
        target: 'es2022',
        // tfjs alone is over 1 MB minified; it lives in the worker chunk.
        chunkSizeWarningLimit: 4096,
      },
    },
    overrides,
  );
}

/**
 * Serves matching files without an extension (such as MNIST's
 * `train-images-idx3-ubyte`, imported with `?url`) as raw bytes on the dev
 * server. Vite would otherwise take an extensionless `/@fs/` URL for a
 * JavaScript module and fail to transform it. Builds are unaffected: there the
 * files are plain assets.
 *
 * @example demoConfig({ plugins: [serveRawInDev(/-ubyte$/)] })
 * @param {RegExp} pattern tested against the file path
 * @returns {import('vite').Plugin}
 */
export function serveRawInDev(pattern) {
  return {
    name: 'gandlf-serve-raw-in-dev',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? '';
        // With a query (`?url`, `?import`) it is a module request: Vite's to answer.
        if (!url.startsWith('/@fs/') || url.includes('?')) return next();
        const path = decodeURIComponent(url);
        if (!pattern.test(path)) return next();
        const file = path.slice('/@fs'.length);
        if (!existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        res.setHeader('Content-Length', String(statSync(file).size));
        createReadStream(file).pipe(res);
      });
    },
  };
}
