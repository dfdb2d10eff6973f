import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { relativisticAverageDiscriminatorLoss, relativisticAverageGeneratorLoss } from './relativistic';

// dx = [2, 0] (mean 1), dgz = [-1, 1] (mean 0):
// r = dx - mean(dgz) = [2, 0]; f = dgz - mean(dx) = [-2, 0].
const sp = (x: number) => Math.log(1 + Math.exp(x));
const cases = {
  bce: { d: (sp(-2) + sp(0) + sp(-2) + sp(0)) / 4, g: (sp(2) + sp(0) + sp(2) + sp(0)) / 4 },
  lsgan: { d: ((1 + 1) / 2 + (1 + 1) / 2) / 2, g: ((9 + 1) / 2 + (9 + 1) / 2) / 2 },
  hinge: { d: ((0 + 1) / 2 + (0 + 1) / 2) / 2, g: ((3 + 1) / 2 + (3 + 1) / 2) / 2 },
} as const;

describe('relativistic average losses (hand-computed)', () => {
  for (const [kind, want] of Object.entries(cases)) {
    it(kind, () => {
      const dx = tf.tensor1d([2, 0]);
      const dgz = tf.tensor1d([-1, 1]);
      const before = tf.memory().numTensors;
      const d = relativisticAverageDiscriminatorLoss(dx, dgz, kind as keyof typeof cases);
      const g = relativisticAverageGeneratorLoss(dx, dgz, kind as keyof typeof cases);
      expect(d.dataSync()[0]).toBeCloseTo(want.d, 5);
      expect(g.dataSync()[0]).toBeCloseTo(want.g, 5);
      tf.dispose([d, g]);
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([dx, dgz]);
    });
  }

  it('names a bad kind', () => {
    expect(() => relativisticAverageDiscriminatorLoss(tf.zeros([1]), tf.zeros([1]), 'wgan' as never)).toThrowError(InvalidArgumentError);
    expect(() => relativisticAverageGeneratorLoss(tf.zeros([1]), tf.zeros([1]), 'wgan' as never)).toThrowError(/'kind' passed to 'relativisticAverageGeneratorLoss'.*Received: kind="wgan"/);
  });
});
