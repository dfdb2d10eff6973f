// @ts-check
// Runs a TypeScript entry in Node through Vite's module runner, with the root
// vite.config.ts (its aliases map gandlf and @gandlf/* to their sources), so
// project scripts need no build step. npm packages (tfjs and its backends) are
// left to Node, so every module shares one tfjs.
import { fileURLToPath } from 'node:url';
import { createServer, createServerModuleRunner } from 'vite';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Imports `entry` (a path from the repository root) and resolves once its top
 * level has run.
 *
 * @example await runTs('packages/metrics/scripts/train-classifier.ts');
 * @param {string} entry
 * @param {{ plugins?: import('vite').PluginOption[] }} [options] extra Vite plugins, e.g. to swap a browser-only module for a Node one
 * @returns {Promise<Record<string, unknown>>} the module's exports
 */
export async function runTs(entry, { plugins = [] } = {}) {
  const server = await createServer({
    root: ROOT,
    configFile: fileURLToPath(new URL('vite.config.ts', `file://${ROOT}`)),
    appType: 'custom',
    logLevel: 'warn',
    plugins,
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
  try {
    return await runner.import(`/${entry}`);
  } finally {
    await runner.close();
    await server.close();
  }
}

// `node run-ts.mjs <entry> [args]`: runs one script.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const entry = process.argv[2];
  if (!entry) throw new Error('usage: node packages/metrics/scripts/run-ts.mjs <entry.ts> [args]');
  await runTs(entry);
}
