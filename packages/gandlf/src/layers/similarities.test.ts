import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { UnknownNameError } from '../errors';
import { getSimilarity, similarityNames } from './similarities';

// a = [1, 2], b = [0, 4]: a - b = [1, -2], a·b = 8, |a| = √5, |b| = 4.
const sig8 = 1 / (1 + Math.exp(-8));
const expected: Record<string, number> = {
  l1: -3,
  l2: -5,
  exp_l1: Math.exp(-3),
  exp_l2: Math.exp(-5),
  rbf: Math.exp(-5),
  cosine: 8 / (Math.sqrt(5) * 4),
  sigmoid: sig8,
  euclidean: 1 / 6,
  geometric: sig8 / 6,
  gesd: sig8 / 6,
  arithmetic: (sig8 + 1 / 6) / 2,
  aesd: (sig8 + 1 / 6) / 2,
};

describe('similarities (hand-computed)', () => {
  it.each(similarityNames())('%s', (name) => {
    const a = tf.tensor2d([
      [1, 2],
      [3, -1],
    ]);
    const b = tf.tensor2d([
      [0, 4],
      [3, -1],
    ]);
    const before = tf.memory().numTensors;
    const s = getSimilarity(name, 'test')(a, b);
    expect(s.shape).toEqual([2, 1]);
    const [ab, same] = Array.from(s.dataSync());
    expect(ab).toBeCloseTo(expected[name]!, 5);
    // Each is largest (or equal to its maximum) when the samples are equal.
    expect(same).toBeGreaterThanOrEqual(ab!);
    s.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([a, b]);
  });

  it('covers every similarity named in gandlf', () => {
    expect(Object.keys(expected).sort()).toEqual([...similarityNames()].sort());
  });

  it('names an unknown similarity', () => {
    expect(() => getSimilarity('l3', "'BatchSimilarity': argument 'similarity'")).toThrowError(UnknownNameError);
    expect(() => getSimilarity('l3', "'BatchSimilarity': argument 'similarity'")).toThrowError(/argument 'similarity'.*Received: "l3"/);
  });
});
