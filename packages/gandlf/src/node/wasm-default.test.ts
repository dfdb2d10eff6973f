import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The default backend is decided once per process, before any tensor exists:
// each case runs a fresh Node on the built package (`pnpm build` comes first in `pnpm test`).
const pkg = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(`${pkg}dist/node.js`);

function run(script: string): string[] {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: pkg, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return out.trim().split('\n');
}

const models = `
const g = tf.sequential(); g.add(tf.layers.dense({ inputShape: [4], units: 16 })); g.add(tf.layers.reshape({ targetShape: [4, 4, 1] }));
const d = (depthwise) => { const m = tf.sequential(); m.add(tf.layers.conv2d({ inputShape: [4, 4, 1], filters: 2, kernelSize: 3, padding: 'same' }));
  if (depthwise) m.add(tf.layers.depthwiseConv2d({ kernelSize: 3, padding: 'same' })); m.add(tf.layers.flatten()); m.add(tf.layers.dense({ units: 1 })); return m; };
const gan = (depthwise) => { const model = new Model({ generator: g, discriminator: d(depthwise) }); model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' }); return model; };
`;

describe.runIf(built || process.env.CI)('gandlf/node picks the backend', () => {
  it('makes wasm the default, and trains a conv GAN on it', () => {
    const lines = run(`
      const tf = await import('@tensorflow/tfjs');
      await import('./dist/node.js');
      const { Model } = await import('./dist/index.js');
      ${models}
      console.log(tf.getBackend());
      const model = gan(false);
      await model.fit(['normal', tf.randomNormal([8, 4, 4, 1])], ['zeros', 'ones'], { batchSize: 4, epochs: 1 });
      console.log(tf.getBackend());
    `);
    expect(lines).toEqual(['wasm', 'wasm']);
  });

  it('steps back to cpu, with a warning, for models wasm lacks a kernel for', () => {
    const lines = run(`
      const tf = await import('@tensorflow/tfjs');
      await import('./dist/node.js');
      const { Model } = await import('./dist/index.js');
      ${models}
      const warn = console.warn; console.warn = (m) => console.log('warned: ' + m);
      const model = gan(true);
      console.warn = warn;
      const h = await model.fit(['normal', tf.randomNormal([8, 4, 4, 1])], ['zeros', 'ones'], { batchSize: 4, epochs: 1 });
      console.log(tf.getBackend(), Number.isFinite(h.history.loss[0]));
    `);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^warned: gandlf: the wasm backend lacks DepthwiseConv2D: DepthwiseConv2dNativeBackpropFilter, .*training on cpu/);
    expect(lines[1]).toBe('cpu true');
  });

  it('keeps a backend chosen before it', () => {
    const lines = run(`
      const tf = await import('@tensorflow/tfjs');
      await tf.setBackend('cpu');
      await import('./dist/node.js');
      console.log(tf.getBackend(), tf.findBackendFactory('wasm') ? 'wasm registered' : 'wasm not loaded');
    `);
    expect(lines).toEqual(['cpu wasm not loaded']);
  });
});
