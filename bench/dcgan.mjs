// @ts-check
// The DCGAN preset every runtime in wasm-conv.mjs times (wasm-conv.py mirrors it in
// PyTorch): batch 64, Adam, one discriminator step plus one generator step.
import * as tf from '@tensorflow/tfjs';
import { Alternating, Model } from 'gandlf';

/** Batch size of the benchmark step. */
export const BATCH = 64;
/** Latent size, as in the DCGAN paper. */
export const LATENT = 100;

/** G: dense 7x7x128 -> conv2dTranspose 64 k5 s2 -> conv2dTranspose 1 k5 s2 tanh (28x28x1). */
export function generator() {
  return tf.sequential({
    name: 'generator',
    layers: [
      tf.layers.dense({ inputShape: [LATENT], units: 7 * 7 * 128, activation: 'relu' }),
      tf.layers.reshape({ targetShape: [7, 7, 128] }),
      tf.layers.conv2dTranspose({ filters: 64, kernelSize: 5, strides: 2, padding: 'same', activation: 'relu' }),
      tf.layers.conv2dTranspose({ filters: 1, kernelSize: 5, strides: 2, padding: 'same', activation: 'tanh' }),
    ],
  });
}

/** D: conv 64 k5 s2 -> conv 128 k5 s2 -> dense 1 (sigmoid), leaky ReLU 0.2 between. */
export function discriminator() {
  return tf.sequential({
    name: 'discriminator',
    layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 64, kernelSize: 5, strides: 2, padding: 'same' }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.conv2d({ filters: 128, kernelSize: 5, strides: 2, padding: 'same' }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
}

/**
 * Builds the model (the DCGAN unless other networks and their real batch's
 * `shape` are given) and a fixed real batch, and returns `step()`, which trains
 * one batch (D then G: gandlf's Alternating) and resolves once its losses are read
 * back, so each call is synchronized with the backend.
 */
export function dcgan({ g = generator(), d = discriminator(), shape = [BATCH, 28, 28, 1] } = {}) {
  const model = new Model({ generator: g, discriminator: d });
  model.compile({
    optimizer: tf.train.adam(2e-4, 0.5, 0.999, 1e-7),
    loss: 'binaryCrossentropy',
    adversarialOptimizer: new Alternating(),
  });
  const x = tf.tidy(() => tf.randomUniform(shape, -1, 1, 'float32', 1));
  return {
    model,
    /** One D step plus one G step; resolves to the logs. */
    step: () => model.trainOnBatch(['normal', x], ['zeros', 'ones']),
    dispose: () => x.dispose(),
  };
}

/**
 * Times `steps` steps after `warmup` untimed ones (shader compilation, XNNPACK
 * operator creation and allocations happen in the first), in seconds. In Node it
 * also records the process's CPU time per step: on a shared machine, wall time
 * includes waiting for a core, CPU time much less so.
 * @param {() => Promise<unknown>} step
 * @param {{ warmup: number, steps: number }} counts
 */
export async function timeSteps(step, { warmup, steps }) {
  /** @type {((previous?: NodeJS.CpuUsage) => NodeJS.CpuUsage) | undefined} */
  const cpu = typeof process === 'undefined' ? undefined : process.cpuUsage.bind(process);
  for (let i = 0; i < warmup; i++) await step();
  /** @type {number[]} */
  const times = [];
  /** @type {number[]} */
  const cpuTimes = [];
  for (let i = 0; i < steps; i++) {
    const c = cpu?.();
    const t = performance.now();
    await step();
    times.push((performance.now() - t) / 1000);
    if (cpu && c) {
      const used = cpu(c);
      cpuTimes.push((used.user + used.system) / 1e6);
    }
  }
  return { times, median: median(times), ...(cpu ? { cpuTimes, cpuMedian: median(cpuTimes) } : {}) };
}

/** @param {number[]} xs */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
}
