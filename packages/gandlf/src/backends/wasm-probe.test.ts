import * as tf from '@tensorflow/tfjs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DepthwiseBlock, TopOne, useInstalledWasmFiles } from '../test-utils/wasm';
import { missingWasmKernels, registerWasmConvGradients } from './wasm-conv';
import { probeWasmKernels } from './wasm-probe';

useInstalledWasmFiles();

/** label -> Embedding, concatenated with x, then a depthwise conv over the 4 x 4 image. */
function embeddingAndDepthwise(): tf.LayersModel {
  const image = tf.input({ shape: [4, 4, 1] });
  const label = tf.input({ shape: [1] });
  const embedded = tf.layers.flatten().apply(tf.layers.embedding({ inputDim: 3, outputDim: 2 }).apply(label)) as tf.SymbolicTensor;
  const conv = tf.layers.flatten().apply(new DepthwiseBlock({}).apply(image)) as tf.SymbolicTensor;
  const out = tf.layers.dense({ units: 1 }).apply(tf.layers.concatenate().apply([conv, embedded])) as tf.SymbolicTensor;
  return tf.model({ inputs: [image, label], outputs: out, name: 'probed' });
}

function embeddingOnly(): tf.LayersModel {
  const label = tf.input({ shape: [3], dtype: 'int32' });
  const h = tf.layers.flatten().apply(tf.layers.embedding({ inputDim: 5, outputDim: 2 }).apply(label)) as tf.SymbolicTensor;
  return tf.model({ inputs: label, outputs: tf.layers.dense({ units: 1 }).apply(h) as tf.SymbolicTensor });
}

/** Runs f with gandlf's UnsortedSegmentSum unregistered for wasm, as in plain tfjs-backend-wasm 4.22. */
function withoutSegmentSum<T>(f: () => T): T {
  registerWasmConvGradients();
  tf.unregisterKernel('UnsortedSegmentSum', 'wasm');
  try {
    return f();
  } finally {
    expect(registerWasmConvGradients().registered).toEqual(['UnsortedSegmentSum']);
  }
}

/** The probe's result, checking that it leaked nothing and left no tape behind. */
function probe(model: tf.LayersModel): ReturnType<typeof probeWasmKernels> {
  const tensors = tf.memory().numTensors;
  const dataIds = tf.engine().backend.numDataIds();
  const result = probeWasmKernels(model);
  expect(tf.memory().numTensors).toBe(tensors);
  expect(tf.engine().backend.numDataIds()).toBe(dataIds);
  expect(tf.engine().state.activeTape).toBeNull();
  return result;
}

describe("the wasm probe runs a model's real training step", () => {
  afterEach(() => registerWasmConvGradients());
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('off wasm, finds every kernel wasm lacks at once, from the recorded forward and backward pass', async () => {
    await tf.setBackend('cpu');
    const model = embeddingAndDepthwise();
    const result = withoutSegmentSum(() => probe(model));
    expect(result.ran).toBe(true);
    expect(result.missing.sort()).toEqual(['DepthwiseConv2dNativeBackpropFilter', 'UnsortedSegmentSum']);
    expect(withoutSegmentSum(() => missingWasmKernels(model))).toEqual(['probed: DepthwiseConv2dNativeBackpropFilter', 'probed: UnsortedSegmentSum']);
    // With gandlf's kernel registered only the depthwise gradient is left.
    expect(missingWasmKernels(model)).toEqual(['probed: DepthwiseConv2dNativeBackpropFilter']);
    model.dispose();
  });

  it('on wasm, catches the missing kernel the step throws on, and frees what the failed step left', async () => {
    await tf.setBackend('wasm');
    const model = embeddingOnly();
    const result = withoutSegmentSum(() => probe(model));
    expect(result).toEqual({ missing: ['UnsortedSegmentSum'], noGradient: [], ran: true });
    expect(probe(model)).toEqual({ missing: [], noGradient: [], ran: true });
    const both = embeddingAndDepthwise();
    expect(probe(both).missing).toEqual(['DepthwiseConv2dNativeBackpropFilter']);
    model.dispose();
    both.dispose();
  });

  it('leaves batch-norm statistics and the weights as they were', async () => {
    for (const backend of ['cpu', 'wasm']) {
      await tf.setBackend(backend);
      const model = tf.sequential({
        layers: [tf.layers.dense({ inputShape: [3], units: 4, biasInitializer: 'ones' }), tf.layers.batchNormalization({ momentum: 0 }), tf.layers.dense({ units: 1 })],
      });
      const before = model.weights.map((w) => w.read().dataSync().slice());
      expect(probe(model).ran).toBe(true);
      model.weights.forEach((w, i) => expect(w.read().dataSync(), `${backend} ${w.name}`).toEqual(before[i]));
      model.dispose();
    }
  });

  it('reports kernels without a gradient, and skips what it cannot probe', async () => {
    await tf.setBackend('wasm');
    const topk = tf.sequential({ name: 'topk', layers: [tf.layers.dense({ inputShape: [3], units: 4 }), new TopOne({})] });
    expect(probe(topk)).toEqual({ missing: [], noGradient: ['TopK'], ran: true });
    expect(missingWasmKernels(topk)).toEqual(['topk: TopK (no gradient on any backend)']);
    const frozen = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 1, trainable: false })] });
    expect(probe(frozen).ran).toBe(false);
    // Inside someone's gradient the probe stays off their tape.
    const x = tf.variable(tf.ones([1, 3]));
    const dense = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 1 })] });
    const { value, grads } = tf.variableGrads(() => {
      expect(probeWasmKernels(dense).ran).toBe(false);
      return tf.sum(dense.apply(x) as tf.Tensor) as tf.Scalar;
    }, [x]);
    tf.dispose([value, ...Object.values(grads), x]);
    [topk, frozen, dense].forEach((m) => m.dispose());
  });
});
