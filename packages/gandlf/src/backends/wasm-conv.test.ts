import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Model } from '../model/model';
import { Alternating } from '../engine/alternating';
import { canTrainOnWasm, missingWasmKernels, registerWasmConvGradients } from './wasm-conv';

// Node loads the .wasm binaries from the installed package, offline.
const require = createRequire(import.meta.url);
setWasmPaths(join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/');

/** A deterministic pseudo-random array in [-1, 1). */
function values(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

interface Case {
  /** conv2d: x is the input; transpose: x is the small input of conv2dTranspose. */
  op: 'conv2d' | 'conv2dTranspose';
  x: [number, number, number, number];
  filter: [number, number, number, number];
  strides: number | [number, number];
  pad: 'same' | 'valid' | number;
  /** conv2dTranspose only: its output shape. */
  out?: [number, number, number, number];
}

/** Runs op and its gradients on the current backend: [y, dL/dx, dL/dfilter] with L = sum(y * r). */
async function run(c: Case): Promise<Float32Array[]> {
  const x = tf.tensor(values(size(c.x), 1), c.x) as tf.Tensor4D;
  const w = tf.tensor(values(size(c.filter), 2), c.filter) as tf.Tensor4D;
  const f = (xx: tf.Tensor4D, ww: tf.Tensor4D): tf.Tensor4D => (c.op === 'conv2d' ? tf.conv2d(xx, ww, c.strides, c.pad) : tf.conv2dTranspose(xx, ww, c.out!, c.strides, c.pad));
  const y = f(x, w);
  const r = tf.tensor(values(y.size, 3), y.shape);
  const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
    f(a as tf.Tensor4D, b as tf.Tensor4D)
      .mul(r)
      .sum(),
  )([x, w]);
  const out = await Promise.all([y, dx!, dw!].map(async (t) => (await t.data()) as Float32Array));
  tf.dispose([x, w, y, r, dx!, dw!]);
  return out;
}

const grid: Case[] = [];
for (const strides of [1, 2] as const) {
  for (const pad of ['same', 'valid'] as const) {
    // Odd and even sizes, 1 to 5 channels, filters larger and smaller than the stride.
    grid.push({ op: 'conv2d', x: [1, 7, 7, 1], filter: [3, 3, 1, 4], strides, pad });
    grid.push({ op: 'conv2d', x: [1, 9, 6, 3], filter: [5, 4, 3, 2], strides, pad });
    grid.push({ op: 'conv2d', x: [2, 8, 8, 4], filter: [1, 1, 4, 5], strides, pad });
    grid.push({ op: 'conv2d', x: [1, 14, 14, 5], filter: [5, 5, 5, 3], strides, pad });
    // 16 input channels and more: the input gradient takes its one-conv-per-phase path.
    grid.push({ op: 'conv2d', x: [1, 9, 8, 16], filter: [3, 3, 16, 3], strides, pad });
  }
}
grid.push({ op: 'conv2d', x: [1, 9, 7, 2], filter: [3, 3, 2, 3], strides: [2, 1], pad: 'same' });
grid.push({ op: 'conv2d', x: [1, 8, 9, 2], filter: [4, 3, 2, 3], strides: 3, pad: 1 });
// conv2dTranspose: the generator's layers, including odd outputs ('same' takes ceil(out / s) = in).
grid.push({ op: 'conv2dTranspose', x: [1, 4, 4, 3], filter: [5, 5, 2, 3], strides: 2, pad: 'same', out: [1, 8, 8, 2] });
grid.push({ op: 'conv2dTranspose', x: [1, 4, 4, 3], filter: [5, 5, 2, 3], strides: 2, pad: 'same', out: [1, 7, 7, 2] });
grid.push({ op: 'conv2dTranspose', x: [1, 3, 5, 4], filter: [3, 3, 1, 4], strides: 2, pad: 'valid', out: [1, 7, 11, 1] });
grid.push({ op: 'conv2dTranspose', x: [2, 5, 5, 2], filter: [3, 3, 3, 2], strides: 1, pad: 'same', out: [2, 5, 5, 3] });
grid.push({ op: 'conv2dTranspose', x: [1, 5, 5, 2], filter: [4, 4, 3, 2], strides: 1, pad: 'valid', out: [1, 8, 8, 3] });
grid.push({ op: 'conv2dTranspose', x: [1, 4, 4, 2], filter: [1, 1, 3, 2], strides: 2, pad: 'valid', out: [1, 7, 7, 3] });
grid.push({ op: 'conv2dTranspose', x: [1, 4, 4, 3], filter: [5, 5, 17, 3], strides: 2, pad: 'same', out: [1, 7, 7, 17] });
grid.push({ op: 'conv2dTranspose', x: [1, 4, 4, 2], filter: [1, 1, 16, 2], strides: 2, pad: 'valid', out: [1, 7, 7, 16] });

const label = (c: Case) => `${c.op} x=[${c.x}] filter=[${c.filter}] strides=${c.strides} pad=${c.pad}${c.out ? ` out=[${c.out}]` : ''}`;

describe('wasm conv kernels', () => {
  // IS_TEST makes the engine check every kernel for leaked data ids. Only for the kernel
  // tests: tfjs's own fused-conv custom gradient trips that check on any backend.
  beforeAll(() => tf.env().set('IS_TEST', true));
  afterAll(async () => {
    tf.env().set('IS_TEST', false);
    await tf.setBackend('cpu');
  });

  it('reports the missing filter gradient until registered, then registers once', async () => {
    const conv = tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [8, 8, 1], filters: 2, kernelSize: 3 })] });
    expect(missingWasmKernels(conv)).toEqual(['Conv2D: Conv2DBackpropFilter']);
    expect(canTrainOnWasm([conv])).toBe(false);
    expect(registerWasmConvGradients().registered).toEqual(['Conv2DBackpropFilter', 'Conv2DBackpropInput', 'BatchMatMul', 'UnsortedSegmentSum']);
    expect(registerWasmConvGradients().registered).toEqual([]);
    expect(canTrainOnWasm(conv)).toBe(true);
    const depthwise = tf.sequential({ layers: [tf.layers.depthwiseConv2d({ inputShape: [8, 8, 1], kernelSize: 3 })] });
    expect(missingWasmKernels(depthwise)).toEqual(expect.arrayContaining(['DepthwiseConv2D: DepthwiseConv2dNativeBackpropFilter']));
    expect(() => missingWasmKernels([{} as tf.LayersModel])).toThrowError(/models\[0\]=Object|Received: models\[0\]/);
    conv.dispose();
    depthwise.dispose();
  });

  it(`matches the cpu backend's outputs and gradients to 1e-4 on ${grid.length} shapes`, async () => {
    registerWasmConvGradients();
    let maxErr = 0;
    for (const c of grid) {
      await tf.setBackend('cpu');
      const want = await run(c);
      await tf.setBackend('wasm');
      const before = tf.memory().numTensors;
      const got = await run(c);
      expect(tf.memory().numTensors, label(c)).toBe(before);
      ['y', 'dx', 'dfilter'].forEach((what, k) => {
        expect(got[k]!.length, `${label(c)} ${what}`).toBe(want[k]!.length);
        let err = 0;
        want[k]!.forEach((v, i) => (err = Math.max(err, Math.abs(v - got[k]![i]!))));
        expect(err, `${label(c)} ${what}`).toBeLessThan(1e-4);
        maxErr = Math.max(maxErr, err);
      });
    }
    console.info(`wasm conv kernels: max abs error against cpu ${maxErr.toExponential(2)} over ${grid.length} shapes`);
  });

  it('handles NCHW data (called as kernels: wasm has no NCHW conv2d forward)', async () => {
    registerWasmConvGradients();
    const attrs = { strides: [2, 2], pad: 'same', dataFormat: 'NCHW', dimRoundingMode: undefined } as unknown as tf.NamedAttrMap;
    const kernels = (): Float32Array[] => {
      const x = tf.tensor(values(2 * 3 * 7 * 6, 5), [2, 3, 7, 6]);
      const dy = tf.tensor(values(2 * 4 * 4 * 3, 6), [2, 4, 4, 3]);
      const w = tf.tensor(values(3 * 3 * 3 * 4, 7), [3, 3, 3, 4]);
      const dw = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: [3, 3, 3, 4] }) as tf.Tensor;
      const dx = tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: w }, { ...attrs, inputShape: [2, 3, 7, 6] }) as tf.Tensor;
      const out = [dw.dataSync() as Float32Array, dx.dataSync() as Float32Array];
      expect(dx.shape).toEqual([2, 3, 7, 6]);
      tf.dispose([x, dy, w, dw, dx]);
      return out;
    };
    await tf.setBackend('cpu');
    const want = kernels();
    await tf.setBackend('wasm');
    const got = kernels();
    want.forEach((v, k) => v.forEach((e, i) => expect(Math.abs(e - got[k]![i]!)).toBeLessThan(1e-4)));
  });

  it('frees its intermediates in wasm memory', async () => {
    registerWasmConvGradients();
    await tf.setBackend('wasm');
    const c = grid[grid.length - 5]!;
    await run(c);
    const before = tf.engine().backend.numDataIds();
    for (let i = 0; i < 3; i++) await run(c);
    expect(tf.engine().backend.numDataIds()).toBe(before);
  });

  it('trains a tiny DCGAN (conv2dTranspose generator, conv discriminator) on wasm without leaks', async () => {
    tf.env().set('IS_TEST', false);
    registerWasmConvGradients();
    await tf.setBackend('wasm');
    const generator = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [4], units: 2 * 2 * 4, activation: 'relu' }),
        tf.layers.reshape({ targetShape: [2, 2, 4] }),
        tf.layers.conv2dTranspose({ filters: 3, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }),
        tf.layers.conv2dTranspose({ filters: 1, kernelSize: 3, strides: 2, padding: 'same', activation: 'tanh' }),
      ],
    });
    const discriminator = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [8, 8, 1], filters: 4, kernelSize: 3, strides: 2, padding: 'same' }),
        tf.layers.leakyReLU({ alpha: 0.2 }),
        tf.layers.conv2d({ filters: 8, kernelSize: 3, strides: 2, padding: 'same' }),
        tf.layers.leakyReLU({ alpha: 0.2 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 1, activation: 'sigmoid' }),
      ],
    });
    expect(canTrainOnWasm([generator, discriminator])).toBe(true);
    const model = new Model({ generator, discriminator });
    model.compile({ optimizer: tf.train.adam(1e-3, 0.5, 0.999, 1e-7), loss: 'binaryCrossentropy', adversarialOptimizer: new Alternating() });
    const x = tf.tensor(values(16 * 64, 4), [16, 8, 8, 1]);
    const kernelsBefore = [...generator.trainableWeights, ...discriminator.trainableWeights].map((v) => v.read().dataSync().slice());
    const first = await model.trainOnBatch(['normal', x], ['zeros', 'ones']); // warm-up
    const tensors = tf.memory().numTensors;
    const losses = [first];
    for (let i = 0; i < 3; i++) losses.push(await model.trainOnBatch(['normal', x], ['zeros', 'ones']));
    expect(tf.memory().numTensors).toBe(tensors);
    for (const logs of losses) for (const v of Object.values(logs)) expect(Number.isFinite(v)).toBe(true);
    const weights = [...generator.trainableWeights, ...discriminator.trainableWeights];
    weights.forEach((v, i) => expect(v.read().dataSync(), v.name).not.toEqual(kernelsBefore[i]));
    x.dispose();
  });
});
