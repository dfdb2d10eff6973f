import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError, UnknownOptionError } from '../errors';
import { rbfMomentMatching } from './moment-matching';
import { getLoss, lossName } from './registry';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const val = (t: tf.Scalar) => {
  const v = t.dataSync()[0] as number;
  t.dispose();
  return v;
};

/** MMD² by loops over plain arrays: the reference. */
function referenceMmd(yTrue: number[][], yPred: number[][], sigmas: number[]): number {
  const k = (a: number[], b: number[]) => sigmas.reduce((s, sigma) => s + Math.exp(-a.reduce((d, ai, i) => d + (ai - b[i]!) ** 2, 0) / (2 * sigma)), 0);
  const mean = (xs: number[][], ys: number[][]) => xs.reduce((s, a) => s + ys.reduce((t, b) => t + k(a, b), 0), 0) / (xs.length * ys.length);
  return mean(yPred, yPred) + mean(yTrue, yTrue) - 2 * mean(yPred, yTrue);
}

describe('rbfMomentMatching', () => {
  it('is the MMD² of two tiny batches (hand-computed)', () => {
    // σ = 1, k = exp(-d²/2): pred-pred mean (1 + e^-½)/2, true-true 1, pred-true (e^-2 + e^-½)/2.
    const one = 1.5 - 0.5 * Math.exp(-0.5) - Math.exp(-2);
    // σ = 4, k = exp(-d²/8): the same with d² / 4.
    const four = 1.5 - 0.5 * Math.exp(-0.125) - Math.exp(-0.5);
    const yTrue = () => tf.tensor2d([[2]]);
    const yPred = () => tf.tensor2d([[0], [1]]);
    expect(val(rbfMomentMatching({ sigmas: 1 })(yTrue(), yPred()))).toBeCloseTo(one, 6);
    expect(val(rbfMomentMatching({ sigmas: [1, 4] })(yTrue(), yPred()))).toBeCloseTo(one + four, 6);
  });

  it('matches the reference with the default sigmas, batches of different sizes, and flattens features', () => {
    const t = tf.randomNormal([5, 2, 3], 0, 2, 'float32', 1);
    const p = tf.randomNormal([3, 2, 3], 1, 2, 'float32', 2);
    const rowsOf = (x: tf.Tensor) => x.reshape([x.shape[0]!, -1]).arraySync() as number[][];
    const expected = referenceMmd(rowsOf(t), rowsOf(p), [2, 5, 10, 20, 40, 80]);
    expect(expected).toBeGreaterThan(0.01);
    expect(val(rbfMomentMatching(t, p))).toBeCloseTo(expected, 4);
    tf.dispose([t, p]);
  });

  it('is 0 for identical batches, in any row order, with finite gradients there', () => {
    const x = tf.randomNormal([6, 4], 0, 3, 'float32', 3);
    const shuffled = tf.gather(x, tf.tensor1d([5, 3, 1, 0, 2, 4], 'int32'));
    expect(Math.abs(val(rbfMomentMatching(x, x)))).toBeLessThan(1e-5);
    expect(Math.abs(val(rbfMomentMatching(x, shuffled)))).toBeLessThan(1e-5);
    const g = tf.grad((p: tf.Tensor) => rbfMomentMatching(x, p))(x);
    expect(Array.from(g.dataSync()).every((v) => Number.isFinite(v) && Math.abs(v) < 1e-4)).toBe(true);
    tf.dispose([x, shuffled, g]);
  });

  it('pulls generated samples towards the data: a gradient step lowers it', () => {
    const real = tf.tensor2d([
      [3, 3],
      [4, 3],
      [3, 4],
    ]);
    const fake = tf.variable(
      tf.tensor2d([
        [0, 0],
        [1, 0],
      ]),
    );
    const before = val(rbfMomentMatching(real, fake));
    const opt = tf.train.sgd(1);
    opt.minimize(() => rbfMomentMatching(real, fake), false, [fake]);
    expect(val(rbfMomentMatching(real, fake))).toBeLessThan(before);
    tf.dispose([real, fake]);
    opt.dispose();
  });

  it('resolves by name, and a custom loss by the name it carries', () => {
    for (const name of ['rbfMomentMatching', 'rbf_moment_matching', 'gmmn', 'GMMN']) expect(getLoss(name, 'test'), name).toBe(rbfMomentMatching);
    expect(lossName(rbfMomentMatching)).toBe('rbfMomentMatching');
    expect(rbfMomentMatching()).toBe(rbfMomentMatching);
    expect(rbfMomentMatching({ sigmas: [2, 5, 10, 20, 40, 80] })).toBe(rbfMomentMatching);
    const custom = rbfMomentMatching({ sigmas: [0.5, 3] });
    expect(custom.name).toBe('rbfMomentMatching(0.5,3)');
    const back = getLoss(custom.name, 'test');
    const t = tf.tensor2d([
      [0, 1],
      [2, 0],
    ]);
    const p = tf.tensor2d([[1, 1]]);
    expect(val(back(t, p))).toBeCloseTo(val(custom(t, p)), 6);
    tf.dispose([t, p]);
  });

  it('trains a tfjs model through compile({ loss })', async () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 2 })] });
    model.compile({ optimizer: tf.train.sgd(0.1), loss: rbfMomentMatching });
    const x = tf.randomNormal([8, 2], 0, 1, 'float32', 4);
    const y = tf.add(x, 3);
    const history = await model.fit(x, y, { epochs: 2, batchSize: 8, verbose: 0 });
    const losses = history.history.loss as number[];
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[1]!).toBeLessThan(losses[0]!);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('rejects bad options and shapes, naming them', () => {
    const a = tf.zeros([2, 3]);
    const b = tf.zeros([2, 4]);
    expect(() => rbfMomentMatching({ sigmas: [] })).toThrowError(InvalidArgumentError);
    expect(() => rbfMomentMatching({ sigmas: [1, -2] })).toThrowError(/'sigmas' passed to 'rbfMomentMatching'.*Received: sigmas=\[1,\s?-2\]/);
    expect(() => rbfMomentMatching({ sigma: 1 } as never)).toThrowError(UnknownOptionError);
    expect(() => rbfMomentMatching(a, b)).toThrowError(ShapeMismatchError);
    expect(() => rbfMomentMatching(a, b)).toThrowError(/yTrue rows \[2,3\], yPred rows \[2,4\]/);
    expect(() => rbfMomentMatching(a, tf.scalar(1))).toThrowError(/'yPred' passed to 'rbfMomentMatching' must be a batch/);
    expect(() => rbfMomentMatching(a, undefined as never)).toThrowError(InvalidArgumentError);
    tf.dispose([a, b]);
  });

  it('leaks no tensors', () => {
    const t = tf.randomNormal([4, 3]);
    const p = tf.randomNormal([5, 3]);
    const loss = rbfMomentMatching({ sigmas: [1, 2] });
    loss(t, p).dispose();
    const before = tf.memory().numTensors;
    loss(t, p).dispose();
    rbfMomentMatching(t, p).dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([t, p]);
  });
});
