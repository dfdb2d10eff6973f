// @ts-check
// The two GANs of the framework-overhead benchmark (overhead.mjs, browser/overhead.html),
// each trained two ways on the same networks: with gandlf's Model, and with the
// hand-written tfjs loop of GAN Lab and the tfjs examples (optimizer.minimize
// for D, then for G, each with its var list).
import * as tf from '@tensorflow/tfjs';
import { Alternating, Model, Simultaneous } from 'gandlf';
import { discriminator as dcganD, generator as dcganG } from './dcgan.mjs';

export const BATCH = 64;
export const LATENT = 100;

/** MLP GAN of PLATFORM.md: G 100-256-512-784 (tanh), D 784-512-256-1 (sigmoid), ReLU / leaky ReLU between. */
export function mlpGenerator() {
  return tf.sequential({
    name: 'generator',
    layers: [tf.layers.dense({ inputShape: [LATENT], units: 256, activation: 'relu' }), tf.layers.dense({ units: 512, activation: 'relu' }), tf.layers.dense({ units: 784, activation: 'tanh' })],
  });
}

export function mlpDiscriminator() {
  return tf.sequential({
    name: 'discriminator',
    layers: [
      tf.layers.dense({ inputShape: [784], units: 512 }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.dense({ units: 256 }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
}

/**
 * A small MLP GAN the size of the mixtures demo's ring (G 16-64-64-2, D 2-64-64-1):
 * its steps are short, so the framework's own per-step work shows, and 2,000 steps
 * of it take seconds (the memory soak).
 * @param {number} inputs @param {number} outputs @param {string} name @param {'linear' | 'sigmoid'} last
 */
export function smallMlp(inputs, outputs, name, last) {
  return tf.sequential({
    name,
    layers: [tf.layers.dense({ inputShape: [inputs], units: 64, activation: 'relu' }), tf.layers.dense({ units: 64, activation: 'relu' }), tf.layers.dense({ units: outputs, activation: last })],
  });
}

/** @typedef {'mlp' | 'dcgan' | 'small'} Arch */
/** @typedef {{ step: () => Promise<unknown>, dispose: () => void }} Trainer */

/** @param {Arch} arch */
function networks(arch) {
  if (arch === 'small') return { g: smallMlp(LATENT, 2, 'generator', 'linear'), d: smallMlp(2, 1, 'discriminator', 'sigmoid'), shape: [BATCH, 2] };
  return arch === 'mlp' ? { g: mlpGenerator(), d: mlpDiscriminator(), shape: [BATCH, 784] } : { g: dcganG(), d: dcganD(), shape: [BATCH, 28, 28, 1] };
}

const adam = () => tf.train.adam(2e-4, 0.5, 0.999, 1e-7);

/**
 * gandlf: `Model.trainOnBatch` with fresh normal noise, reading the losses back.
 * @param {Arch} arch
 * @param {'alternating' | 'simultaneous'} who
 * @returns {Trainer}
 */
export function gandlfTrainer(arch, who) {
  const { g, d, shape } = networks(arch);
  const model = new Model({ generator: g, discriminator: d });
  model.compile({
    optimizer: [adam(), adam()],
    loss: 'binaryCrossentropy',
    // reverse: D, then G, the hand loop's order (gandlf's players are [generator, discriminator]).
    adversarialOptimizer: who === 'alternating' ? new Alternating({ reverse: true }) : new Simultaneous(),
  });
  const x = tf.tidy(() => tf.randomUniform(shape, -1, 1, 'float32', 1));
  return {
    step: () => model.trainOnBatch(['normal', x], ['zeros', 'ones']),
    dispose: () => {
      x.dispose();
      model.dispose();
    },
  };
}

/**
 * The hand-written loop: D minimizes BCE on real (target 1) and fake (target 0)
 * with its var list, then G minimizes BCE of D(G(z)) against 1 with its own, on
 * fresh noise each time; both costs are read back, as gandlf reads its logs.
 * @param {Arch} arch
 * @returns {Trainer}
 */
export function handTrainer(arch) {
  const { g, d, shape } = networks(arch);
  const optD = adam();
  const optG = adam();
  const dVars = d.trainableWeights.map((w) => /** @type {tf.Variable} */ (w.read()));
  const gVars = g.trainableWeights.map((w) => /** @type {tf.Variable} */ (w.read()));
  const x = tf.tidy(() => tf.randomUniform(shape, -1, 1, 'float32', 1));
  const ones = tf.ones([BATCH, 1]);
  const zeros = tf.zeros([BATCH, 1]);
  const bce = (/** @type {tf.Tensor} */ y, /** @type {tf.Tensor} */ p) => /** @type {tf.Scalar} */ (tf.mean(tf.metrics.binaryCrossentropy(y, p)));
  const apply = (/** @type {tf.LayersModel} */ m, /** @type {tf.Tensor} */ t) => /** @type {tf.Tensor} */ (m.apply(t, { training: true }));
  return {
    async step() {
      const dCost = optD.minimize(
        () => {
          const z = tf.randomNormal([BATCH, LATENT]);
          const fake = apply(g, z);
          return tf.add(bce(ones, apply(d, x)), bce(zeros, apply(d, fake)));
        },
        true,
        dVars,
      );
      const gCost = optG.minimize(() => bce(ones, apply(d, apply(g, tf.randomNormal([BATCH, LATENT])))), true, gVars);
      const costs = /** @type {tf.Scalar[]} */ ([dCost, gCost]);
      const out = await Promise.all(costs.map((c) => c.data()));
      tf.dispose(costs);
      return out;
    },
    dispose: () => {
      tf.dispose([x, ones, zeros]);
      optD.dispose();
      optG.dispose();
      g.dispose();
      d.dispose();
    },
  };
}

/**
 * Times `trainers` alternately in one process: `rounds` rounds of `steps`
 * steps of each, after `warmup` untimed steps of each. Wall seconds per step
 * for each trainer, every round, and in Node the process's CPU seconds per step.
 * @param {Record<string, Trainer>} trainers
 * @param {{ warmup: number, steps: number, rounds: number }} counts
 */
export async function alternate(trainers, { warmup, steps, rounds }) {
  for (const t of Object.values(trainers)) for (let i = 0; i < warmup; i++) await t.step();
  // In Node, CPU time too: on a shared machine, wall time includes waiting for a core.
  const cpu = typeof process === 'undefined' ? undefined : process.cpuUsage.bind(process);
  /** @type {Record<string, number[]>} */
  const perStep = Object.fromEntries(Object.keys(trainers).map((k) => [k, []]));
  /** @type {Record<string, number[]>} */
  const cpuPerStep = Object.fromEntries(Object.keys(trainers).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    // Alternate the order too, so neither always runs right after the other.
    const keys = Object.keys(trainers);
    if (r % 2) keys.reverse();
    for (const k of keys) {
      const c0 = cpu?.();
      const t0 = performance.now();
      for (let i = 0; i < steps; i++) await /** @type {Trainer} */ (trainers[k]).step();
      /** @type {number[]} */ (perStep[k]).push((performance.now() - t0) / 1000 / steps);
      if (cpu && c0) {
        const used = cpu(c0);
        /** @type {number[]} */ (cpuPerStep[k]).push((used.user + used.system) / 1e6 / steps);
      }
    }
  }
  return cpu ? { perStep, cpuPerStep } : { perStep };
}
