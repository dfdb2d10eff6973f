// Soak: trains each adversarial optimizer for many steps on the tfjs cpu
// backend and records tensors, bytes and heap along the way; all must stay
// flat. Writes bench/results/soak.json.
//   node --expose-gc bench/soak.mjs [steps]   (default 10000; CI runs a short version as a unit test)
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { Alternating, Model, Scheduled, Simultaneous, Unrolled } from 'gandlf';

const steps = Number(process.argv[2] ?? 10_000);
const every = Math.max(1, Math.floor(steps / 20));
await tf.setBackend('cpu');

/**
 * @param {number} inDim
 * @param {number} outDim
 * @param {'linear' | 'sigmoid'} activation
 */
function mlp(inDim, outDim, activation) {
  return tf.sequential({
    layers: [tf.layers.dense({ inputShape: [inDim], units: 16, activation: 'relu' }), tf.layers.dense({ units: outDim, activation })],
  });
}

const optimizers = {
  Simultaneous: () => new Simultaneous(),
  Alternating: () => new Alternating({ steps: { discriminator: 2 } }),
  Scheduled: () => new Scheduled(['discriminator', 'generator']),
  Unrolled: () => new Unrolled({ depth: 3 }),
};

const results = [];
for (const [name, make] of Object.entries(optimizers)) {
  const model = new Model({ generator: mlp(4, 2, 'linear'), discriminator: mlp(2, 1, 'sigmoid') });
  model.compile({ optimizer: tf.train.adam(1e-3, 0.5, 0.999, 1e-7), loss: 'binaryCrossentropy', adversarialOptimizer: make() });
  // One epoch is 250 batches of 16; the run is a whole number of epochs.
  const perEpoch = Math.min(250, steps);
  const x = tf.randomNormal([perEpoch * 16, 2]);
  /** @type {{ step: number; numTensors: number; numBytes: number; heapUsed: number }[]} */
  const samples = [];
  const started = performance.now();
  let done = 0;
  await model.fit(['normal', x], ['zeros', 'ones'], {
    epochs: Math.ceil(steps / perEpoch),
    batchSize: 16,
    yieldEvery: 'never',
    callbacks: [
      {
        onBatchEnd: () => {
          done++;
          if (done % every === 0) {
            // With --expose-gc the heap is measured after a full collection, so growth means a leak.
            /** @type {{ gc?: () => void }} */ (globalThis).gc?.();
            const m = tf.memory();
            samples.push({ step: done, numTensors: m.numTensors, numBytes: m.numBytes, heapUsed: process.memoryUsage().heapUsed });
          }
        },
      },
    ],
  });
  const secs = (performance.now() - started) / 1000;
  // Flat: after the first sample (warm-up allocates optimizer slots), nothing grows.
  const settled = samples.slice(1);
  const first = settled[0];
  const last = settled.at(-1);
  if (!first || !last) throw new Error('soak: too few steps to sample; run at least 40');
  const tensorGrowth = last.numTensors - first.numTensors;
  const byteGrowth = last.numBytes - first.numBytes;
  const heapGrowthMb = (last.heapUsed - first.heapUsed) / 2 ** 20;
  results.push({ optimizer: name, steps: done, seconds: secs, tensorGrowth, byteGrowth, heapGrowthMb, samples });
  console.log(
    `${name.padEnd(12)} ${done} steps in ${secs.toFixed(0)} s: tensors ${tensorGrowth >= 0 ? '+' : ''}${tensorGrowth}, bytes ${byteGrowth >= 0 ? '+' : ''}${byteGrowth}, heap ${heapGrowthMb.toFixed(1)} MB`,
  );
  x.dispose();
}

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/soak.json', import.meta.url),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      backend: 'cpu',
      gcBeforeSamples: typeof (/** @type {{ gc?: unknown }} */ (globalThis).gc) === 'function',
      node: process.version,
      cpus: os.cpus().length,
      loadavg: os.loadavg(),
      results,
    },
    null,
    2,
  ),
);
