// Plain JavaScript (typed by vite.d.ts): Vite loads a demo's vite.config.ts
// with Node, which cannot import TypeScript from a linked workspace package.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/**
 * Wraps a demo's index.html (just its entry script) in the page every demo
 * shares, titled from the demo's package.json (`"gandlf": { "title" }`), so the
 * title is written once and the page boilerplate not at all.
 *
 * @example demoConfig({ plugins: [demoPage()] })
 * @returns {import('vite').Plugin}
 */
export function demoPage() {
  return {
    name: 'gandlf-demo-page',
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        const pkg = JSON.parse(readFileSync(join(dirname(ctx.filename), 'package.json'), 'utf8'));
        const title = pkg.gandlf?.title;
        if (typeof title !== 'string') throw new Error(`demoPage: ${join(dirname(ctx.filename), 'package.json')} has no "gandlf": { "title" }.`);
        return [
          '<!doctype html>',
          '<html lang="en">',
          '  <head>',
          '    <meta charset="utf-8" />',
          '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
          `    <title>${title.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))} · gandlf</title>`,
          '    <!-- No favicon request: a 404 would show up as a console error. -->',
          '    <link rel="icon" href="data:," />',
          '  </head>',
          '  <body data-status="loading">',
          '    <div id="app"></div>',
          `    ${html.replace(/<!--[\s\S]*?-->/g, '').trim()}`,
          '  </body>',
          '</html>',
          '',
        ].join('\n');
      },
    },
  };
}
