import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, expect, it } from 'vitest';
import { registerWasmConvGradients } from './wasm-conv';

const require = createRequire(import.meta.url);
setWasmPaths(join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/');

afterAll(async () => {
  tf.env().set('IS_TEST', false);
  await tf.setBackend('cpu');
});

const values = (n: number, k: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37 + k));

/** [shape a, shape b, transposeA, transposeB] */
const cases: [number[], number[], boolean, boolean][] = [
  [[5, 3], [5, 4], true, false], // a dense layer's weight gradient x^T dy
  [[3, 5], [4, 5], false, true], // its input gradient dy W^T
  [[5, 3], [4, 5], true, true],
  [[1, 6, 2], [1, 6, 7], true, false], // batch of one
  [[2, 6, 2], [2, 6, 7], true, false], // batched: wasm's own kernel
  [[3, 5], [5, 4], false, false],
];

it('matches the cpu backend on transposed and plain matmuls, without leaking', async () => {
  registerWasmConvGradients();
  tf.env().set('IS_TEST', true); // the engine checks each kernel for leaked data ids
  for (const [sa, sb, ta, tb] of cases) {
    const product = () => {
      const a = tf.tensor(
        values(
          sa.reduce((p, d) => p * d),
          1,
        ),
        sa,
      );
      const b = tf.tensor(
        values(
          sb.reduce((p, d) => p * d),
          2,
        ),
        sb,
      );
      const y = tf.matMul(a, b, ta, tb);
      const out = { shape: y.shape, data: y.dataSync().slice() };
      tf.dispose([a, b, y]);
      return out;
    };
    await tf.setBackend('cpu');
    const want = product();
    await tf.setBackend('wasm');
    const before = tf.engine().backend.numDataIds();
    const got = product();
    expect(tf.engine().backend.numDataIds()).toBe(before);
    expect(got.shape).toEqual(want.shape);
    got.data.forEach((v, i) => expect(Math.abs(v - want.data[i]!)).toBeLessThan(1e-5));
  }
});
