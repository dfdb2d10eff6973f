import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const index = fileURLToPath(new URL('./src/index.ts', import.meta.url));
const apiDir = fileURLToPath(new URL('./src/api/', import.meta.url));
/** The namespaces of index.ts (`losses`, `layers`, ...), one entry each: `api/losses` -> src/api/losses.ts. */
const namespaces = Object.fromEntries(
  readdirSync(apiDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => [`api/${f.slice(0, -3)}`, `${apiDir}${f}`]),
);

/**
 * Keeps `export * as losses from './api/losses'` an ES namespace re-export in
 * dist/index.js: bundled, each namespace would become an object of getters,
 * which an app's bundler keeps whole once it uses one member. As an import of
 * the namespace's own entry file, it tree-shakes member by member.
 */
const namespaceEntries: Plugin = {
  name: 'gandlf-namespace-entries',
  enforce: 'pre',
  resolveId(source, importer) {
    return importer === index && source.startsWith('./api/') ? { id: `${source}.js`, external: true } : null;
  },
};

// Library build: ES modules only, one output file per source module so that
// bundlers can drop whatever an app does not import. tfjs is a peer dependency.
export default defineConfig({
  plugins: [namespaceEntries],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    target: 'es2022',
    lib: {
      entry: {
        index,
        node: fileURLToPath(new URL('./src/node.ts', import.meta.url)),
        ...namespaces,
      },
      formats: ['es'],
    },
    rollupOptions: {
      // Not external: the private @gandlf/describe (errors.ts) is bundled, as dist/describe/src/index.js.
      external: [/^@tensorflow\//, /^node:/],
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
      },
    },
  },
});
