import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShapeMismatchError } from '../errors';
import { useInstalledWasmFiles } from '../test-utils/wasm';
import { registerWasmConvGradients } from './wasm-conv';

useInstalledWasmFiles();

interface Case {
  label: string;
  x: number[];
  shape: number[];
  dtype: 'float32' | 'int32';
  ids: number[];
  numSegments: number;
  /** Worked out by hand. */
  want: number[];
}

const cases: Case[] = [
  // Rows 0 and 2 share segment 0; ids 7 and -1 are out of range and dropped; segment 1 gets nothing.
  { label: 'rank-2 float32, repeated and out-of-range ids', x: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], shape: [5, 2], dtype: 'float32', ids: [0, 2, 0, 7, -1], numSegments: 3, want: [6, 8, 0, 0, 3, 4] },
  { label: 'rank-2 int32', x: [1, -2, 3, 4, 5, 6, 7, 8], shape: [4, 2], dtype: 'int32', ids: [1, 1, 1, 0], numSegments: 2, want: [7, 8, 9, 8] },
  {
    label: 'rank-3 float32',
    x: [1, 2, 3, 4, 0.5, 0.5, 0.5, 0.5, 10, 20, 30, 40],
    shape: [3, 2, 2],
    dtype: 'float32',
    ids: [2, 0, 2],
    numSegments: 4,
    want: [0.5, 0.5, 0.5, 0.5, 0, 0, 0, 0, 11, 22, 33, 44, 0, 0, 0, 0],
  },
  { label: 'rank-3 int32, an id past the end', x: [1, 2, 3, 4, 5, 6, 7, 8], shape: [2, 2, 2], dtype: 'int32', ids: [0, 1], numSegments: 1, want: [1, 2, 3, 4] },
  { label: 'rank-1 float32', x: [1.5, 2.5, -1], shape: [3], dtype: 'float32', ids: [1, 1, 0], numSegments: 2, want: [-1, 4] },
];

function segmentSum(c: Case): { values: number[]; shape: number[]; dtype: string } {
  return tf.tidy(() => {
    const out = tf.unsortedSegmentSum(tf.tensor(c.x, c.shape, c.dtype), tf.tensor1d(c.ids, 'int32'), c.numSegments);
    return { values: [...out.dataSync()], shape: out.shape, dtype: out.dtype };
  });
}

describe("gandlf's UnsortedSegmentSum kernel for wasm", () => {
  beforeAll(async () => {
    registerWasmConvGradients();
    // Makes the engine check the kernel for leaked data ids.
    tf.env().set('IS_TEST', true);
  });
  afterAll(async () => {
    tf.env().set('IS_TEST', false);
    await tf.setBackend('cpu');
  });

  it('is registered by registerWasmConvGradients, for wasm only', () => {
    const wasm = tf.getKernel('UnsortedSegmentSum', 'wasm') as tf.KernelConfig | undefined;
    expect(wasm).toBeDefined();
    expect(tf.getKernel('UnsortedSegmentSum', 'cpu').kernelFunc).not.toBe(wasm!.kernelFunc);
  });

  for (const c of cases) {
    it(`matches the hand-worked sums and the cpu backend: ${c.label}`, async () => {
      await tf.setBackend('cpu');
      const cpu = segmentSum(c);
      await tf.setBackend('wasm');
      const before = tf.memory().numTensors;
      const got = segmentSum(c);
      expect(tf.memory().numTensors).toBe(before);
      expect(got.shape).toEqual([c.numSegments, ...c.shape.slice(1)]);
      expect(got.values).toEqual(c.want);
      expect(cpu.values).toEqual(c.want);
      // The dtype of x, as TensorFlow and tfjs-webgl keep it (tfjs-cpu returns float32 for int32).
      expect(got.dtype).toBe(c.dtype);
    });
  }

  it("gives gather's gradient on wasm, equal to cpu's, with repeated indices", async () => {
    const grad = () =>
      tf.tidy(() => {
        const params = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]);
        const indices = tf.tensor1d([2, 0, 2, 2], 'int32');
        const w = tf.tensor2d([1, 10, 100, 1000, 0.5, 0.25, 2, 3], [4, 2]);
        return [
          ...tf
            .grad((p: tf.Tensor) => tf.sum(tf.mul(tf.gather(p, indices), w)))(params)
            .dataSync(),
        ];
      });
    await tf.setBackend('cpu');
    const want = grad();
    await tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    expect(grad()).toEqual(want);
    expect(want).toEqual([100, 1000, 0, 0, 3.5, 13.25]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('frees everything it read in wasm memory', async () => {
    await tf.setBackend('wasm');
    segmentSum(cases[0]!);
    const before = tf.engine().backend.numDataIds();
    for (let i = 0; i < 3; i++) segmentSum(cases[2]!);
    expect(tf.engine().backend.numDataIds()).toBe(before);
  });

  it('rejects segment ids that are not 1-D over the first axis, with a typed error', async () => {
    await tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    const x = tf.zeros([2, 3]);
    const ids = tf.zeros([2, 3], 'int32') as unknown as tf.Tensor1D;
    const short = tf.tensor1d([0], 'int32');
    expect(() => tf.unsortedSegmentSum(x, ids, 2)).toThrowError(ShapeMismatchError);
    expect(() => tf.unsortedSegmentSum(x, short, 2)).toThrowError(/segmentIds\.shape=\[1\]/);
    tf.dispose([x, ids, short]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('is faster than the cpu kernel on an embedding-sized gradient (256 rows of 32, 128 segments)', async () => {
    const time = (): number =>
      tf.tidy(() => {
        const x = tf.randomNormal([256, 32]);
        const ids = tf.randomUniform([256], 0, 128, 'int32') as tf.Tensor1D;
        tf.unsortedSegmentSum(x, ids, 128).dataSync(); // warm-up
        const start = performance.now();
        tf.unsortedSegmentSum(x, ids, 128).dataSync();
        return performance.now() - start;
      });
    await tf.setBackend('cpu');
    const cpu = time();
    await tf.setBackend('wasm');
    const wasm = time();
    console.info(`UnsortedSegmentSum [256, 32] into 128 segments: wasm (gandlf) ${wasm.toFixed(1)} ms, cpu ${cpu.toFixed(1)} ms`);
    expect(wasm).toBeLessThan(cpu);
  });
});
