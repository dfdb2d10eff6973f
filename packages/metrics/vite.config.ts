import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Library build: ES modules only, one output file per source module. The
// classifier's model.json and weights.bin are referenced with
// `new URL(..., import.meta.url)`; a library build inlines them as data URLs.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    target: 'es2022',
    lib: {
      entry: { index: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
      formats: ['es'],
    },
    rollupOptions: {
      // Not external: the private @gandlf/describe (errors.ts) is bundled, as dist/describe/src/index.js.
      external: [/^node:/, /^@tensorflow\//],
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
      },
    },
  },
});
