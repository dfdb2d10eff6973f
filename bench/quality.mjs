// @ts-check
// `pnpm bench:quality`: sample quality of gandlf's adversarial optimizers and
// demo presets (issue 6). The work is in quality/*.ts, run through Vite's module
// runner (sources, no build); see quality/main.ts for the flags.
import { fileURLToPath } from 'node:url';
import { runTs } from '../packages/metrics/scripts/run-ts.mjs';

const mnistNode = fileURLToPath(new URL('./quality/mnist-node.ts', import.meta.url));

// A first argument ending in .ts runs that entry instead (for one-off probes).
const entry = process.argv[2]?.endsWith('.ts') ? process.argv[2] : 'bench/quality/main.ts';

await runTs(entry, {
  plugins: [
    {
      // The demos' MNIST loader fetches page assets; in Node the same files come from disk.
      name: 'gandlf-bench-mnist-node',
      enforce: 'pre',
      resolveId: (id) => (id === '@gandlf/demo-shell/mnist' ? mnistNode : null),
    },
  ],
});
