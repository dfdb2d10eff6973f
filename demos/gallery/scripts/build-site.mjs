// Builds the gallery and every demo into one static site:
//   dist/index.html        the gallery
//   dist/<demo>/...        each demo, built with base /<demo>/
// Each demo keeps its own vite.config.ts (COOP/COEP, module workers).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { listDemos } from './demos.mjs';

const galleryDir = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(galleryDir, 'dist');

const started = performance.now();
await build({ root: galleryDir, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
for (const demo of listDemos()) {
  console.log(`building ${demo.name} -> dist/${demo.name}/`);
  await build({
    root: demo.dir,
    base: `/${demo.name}/`,
    logLevel: 'warn',
    build: { outDir: join(outDir, demo.name), emptyOutDir: true },
  });
}
console.log(`gallery built in ${((performance.now() - started) / 1000).toFixed(1)} s: ${outDir}`);
