import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Library build: ES modules only, one output file per source module so that
// bundlers can drop whatever an app does not import. Two entries: the
// browser-safe index and the Node-only loaders, so node:* never reaches a page.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    target: 'es2022',
    lib: {
      entry: {
        index: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
        node: fileURLToPath(new URL('./src/node.ts', import.meta.url)),
      },
      formats: ['es'],
    },
    rollupOptions: {
      // Not external: the private @gandlf/describe (errors.ts) is bundled, as dist/describe/src/index.js.
      external: [/^node:/],
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
      },
    },
  },
});
