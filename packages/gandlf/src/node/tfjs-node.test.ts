import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Issue 19: a Node user who can install @tensorflow/tfjs-node gets TensorFlow's
// native kernels, and gandlf needs no change for it (README, "When you outgrow
// a tab"). Its install downloads libtensorflow, which the machines that build
// gandlf cannot reach, so this runs wherever it is installed and skips elsewhere.
const pkg = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(`${pkg}dist/node.js`);

function installed(): boolean {
  try {
    createRequire(`${pkg}package.json`).resolve('@tensorflow/tfjs-node');
    return true;
  } catch {
    return false;
  }
}

describe.runIf(built && installed())('on @tensorflow/tfjs-node, when it is installed', () => {
  it("keeps tfjs-node's tensorflow backend under gandlf/node, and trains a conv GAN on it", () => {
    // A fresh Node: the backend is decided once per process.
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
        await import('@tensorflow/tfjs-node');
        const tf = await import('@tensorflow/tfjs');
        await import('./dist/node.js');
        const { Model } = await import('./dist/index.js');
        const g = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 16 }), tf.layers.reshape({ targetShape: [4, 4, 1] })] });
        const d = tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [4, 4, 1], filters: 2, kernelSize: 3, padding: 'same' }), tf.layers.flatten(), tf.layers.dense({ units: 1, activation: 'sigmoid' })] });
        const model = new Model({ generator: g, discriminator: d });
        model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
        const h = await model.fit(['normal', tf.randomNormal([8, 4, 4, 1])], ['zeros', 'ones'], { batchSize: 4, epochs: 2 });
        console.log(tf.getBackend(), h.history.loss.every(Number.isFinite));
        `,
      ],
      { cwd: pkg, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(out.trim().split('\n').at(-1)).toBe('tensorflow true');
  });
});
