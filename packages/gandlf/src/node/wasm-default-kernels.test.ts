import * as tf from '@tensorflow/tfjs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { missingWasmKernels } from '../backends/wasm-conv';
import { Model } from '../model/model';
import { DepthwiseBlock, useInstalledWasmFiles } from '../test-utils/wasm';

// A script's first lines: `import 'gandlf/node'` before any tensor, so gandlf makes wasm the
// default. Imported here after setWasmPaths (vitest moves code), hence dynamically.
useInstalledWasmFiles();
await import('gandlf/node');
const backendOnImport = tf.getBackend();

const dense = (units: number, seed: number, activation?: 'relu' | 'sigmoid') =>
  tf.layers.dense({ units, kernelInitializer: tf.initializers.glorotUniform({ seed }), ...(activation ? { activation } : {}) });

/** `label` (a class id) through an Embedding, concatenated with `other`. */
function withEmbedding(other: tf.SymbolicTensor, label: tf.SymbolicTensor, seed: number): tf.SymbolicTensor {
  const embedded = tf.layers.embedding({ inputDim: 3, outputDim: 4, embeddingsInitializer: tf.initializers.randomUniform({ minval: -1, maxval: 1, seed }) }).apply(label);
  return tf.layers.concatenate().apply([other, tf.layers.flatten().apply(embedded) as tf.SymbolicTensor]) as tf.SymbolicTensor;
}

/** A conditional GAN on 2-D points: G(z, label) and D(x, label), each embedding the label. */
function conditionalGan(): { generator: tf.LayersModel; discriminator: tf.LayersModel } {
  const z = tf.input({ shape: [4] });
  const gLabel = tf.input({ shape: [1] });
  const g = dense(2, 2).apply(dense(16, 1, 'relu').apply(withEmbedding(z, gLabel, 3))) as tf.SymbolicTensor;
  const x = tf.input({ shape: [2] });
  const dLabel = tf.input({ shape: [1] });
  const d = dense(1, 5, 'sigmoid').apply(dense(16, 4, 'relu').apply(withEmbedding(x, dLabel, 6))) as tf.SymbolicTensor;
  return {
    generator: tf.model({ inputs: [z, gLabel], outputs: g, name: 'generator' }),
    discriminator: tf.model({ inputs: [x, dLabel], outputs: d, name: 'discriminator' }),
  };
}

const embeddings = (m: tf.LayersModel) => m.trainableWeights.filter((w) => w.name.includes('embedding'));

describe("gandlf/node's wasm default trains what wasm 4.22 alone cannot", () => {
  // The shared test setup sets cpu before each file's tests: put back what the import chose.
  beforeAll(async () => {
    await tf.setBackend(backendOnImport);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('trains a conditional GAN with Embedding layers on wasm: no step back to cpu, no leaks', async () => {
    expect(backendOnImport).toBe('wasm');
    const warn = vi.spyOn(console, 'warn');
    const { generator, discriminator } = conditionalGan();
    const model = new Model({ generator, discriminator });
    model.compile({ optimizer: tf.train.adam(1e-2, 0.5, 0.999, 1e-7), loss: 'binaryCrossentropy' });
    expect(warn).not.toHaveBeenCalled();
    expect(tf.getBackend()).toBe('wasm');

    const labels = tf.tensor2d([0, 1, 2, 0, 1, 2, 0, 1], [8, 1]);
    const real = tf.tidy(() => tf.concat([labels, tf.onesLike(labels)], 1));
    const before = [...embeddings(generator), ...embeddings(discriminator)].map((w) => w.read().dataSync().slice());
    expect(before).toHaveLength(2);
    // Inputs: the generator's (z, label), the real batch, then the discriminator's label.
    const x = ['normal', labels, real, labels] as const;
    const first = await model.trainOnBatch([...x], ['zeros', 'ones']); // warm-up
    const tensors = tf.memory().numTensors;
    const logs = [first];
    for (let i = 0; i < 3; i++) logs.push(await model.trainOnBatch([...x], ['zeros', 'ones']));
    expect(tf.memory().numTensors).toBe(tensors);
    for (const l of logs) for (const v of Object.values(l)) expect(Number.isFinite(v)).toBe(true);
    const after = [...embeddings(generator), ...embeddings(discriminator)].map((w) => w.read().dataSync());
    after.forEach((w, i) => expect(w).not.toEqual(before[i]));
    expect(tf.getBackend()).toBe('wasm');
    expect(warn).not.toHaveBeenCalled();
    tf.dispose([labels, real]);
    generator.dispose();
    discriminator.dispose();
  });

  it('finds a kernel wasm lacks in a layer no list knows, and compile steps back to cpu with a warning', async () => {
    expect(tf.getBackend()).toBe('wasm');
    const generator = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 16 }), tf.layers.reshape({ targetShape: [4, 4, 1] })] });
    const discriminator = tf.sequential({ name: 'depthwise_d', layers: [new DepthwiseBlock({ inputShape: [4, 4, 1] }), tf.layers.flatten(), dense(1, 8, 'sigmoid')] });
    const tensors = tf.memory().numTensors;
    expect(missingWasmKernels(discriminator)).toEqual(['depthwise_d: DepthwiseConv2dNativeBackpropFilter']);
    expect(tf.memory().numTensors).toBe(tensors);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const model = new Model({ generator, discriminator });
    expect(() => model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' })).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/^gandlf: the wasm backend lacks .*DepthwiseConv2dNativeBackpropFilter.*training on cpu/);
    expect(tf.getBackend()).toBe('cpu');
    const real = tf.zeros([4, 4, 4, 1]);
    const logs = await model.trainOnBatch(['normal', real], ['zeros', 'ones']);
    for (const v of Object.values(logs)) expect(Number.isFinite(v)).toBe(true);
    real.dispose();
    generator.dispose();
    discriminator.dispose();
  });
});
