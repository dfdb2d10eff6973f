import * as tf from '@tensorflow/tfjs';
import { loadMnistNode } from '@gandlf/datasets/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureStatistics } from './frechet-distance';
import { loadMnistClassifier, type MnistClassifier } from './mnist-classifier/load';
import { mnistQuality, mnistTestStatistics } from './mnist-quality';

// 300 test digits on the cpu backend: enough to tell real digits from noise and collapse.
describe('mnistQuality', () => {
  let classifier: MnistClassifier;
  let real: tf.Tensor2D;
  beforeAll(async () => {
    classifier = await loadMnistClassifier();
    const test = await loadMnistNode({ split: 'test', limit: 300, range: [-1, 1] });
    real = tf.tensor2d(test.images, [300, 784]);
  });
  afterAll(() => {
    real.dispose();
    classifier.dispose();
  });

  it('scores real digits as diverse, clear and close to the test set; noise as far; leaks nothing', async () => {
    await mnistQuality(real.slice(0, 2), { classifier });
    const count = tf.memory().numTensors;
    const q = await mnistQuality(real, { classifier });
    expect(tf.memory().numTensors).toBe(count);
    expect(q.count).toBe(300);
    expect(q.classesCovered).toBe(10);
    expect(q.classShares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(q.meanConfidence).toBeGreaterThan(0.95);
    const noise = tf.randomUniform([300, 28, 28, 1], -1, 1, 'float32', 1);
    const n = await mnistQuality(noise, { classifier });
    noise.dispose();
    expect(n.frechetDistance).toBeGreaterThan(5 * q.frechetDistance);
  });

  it('sees one digit class in a set collapsed onto one digit', async () => {
    const one = tf.tidy(() => real.slice(0, 1).tile([50, 1]));
    const q = await mnistQuality(one, { classifier });
    one.dispose();
    expect(q.classesCovered).toBe(1);
    expect(Math.max(...q.classShares)).toBe(1);
  });

  it('maps images in [0, 1] to the classifier range first', async () => {
    const unit = tf.tidy(() => real.slice(0, 40).add(1).div(2));
    const [a, b] = [await mnistQuality(unit, { classifier, range: [0, 1] }), await mnistQuality(real.slice(0, 40), { classifier })];
    unit.dispose();
    expect(a.frechetDistance).toBeCloseTo(b.frechetDistance, 3);
    expect(a.classShares).toEqual(b.classShares);
  });

  it('is 0 against the statistics of the same digits', async () => {
    const some = real.slice(0, 100);
    const { features, probabilities } = tf.tidy(() => classifier.classify(some.reshape([100, 28, 28, 1])));
    const reference = featureStatistics(await features.data(), 64);
    tf.dispose([features, probabilities]);
    expect((await mnistQuality(some, { classifier, reference })).frechetDistance).toBeLessThan(1e-6);
    some.dispose();
  });

  it('ships the feature statistics of all 10,000 test digits', () => {
    const { count, mean, covariance } = mnistTestStatistics();
    expect(count).toBe(10_000);
    expect(mean.length).toBe(64);
    expect(covariance[1 * 64 + 5]).toBe(covariance[5 * 64 + 1]);
    expect(mean.every(Number.isFinite)).toBe(true);
  });

  it('rejects what is not a batch of 28x28 digits, and a bad range', async () => {
    await expect(mnistQuality(tf.zeros([3, 10]), { classifier })).rejects.toThrow(/'images' must be a tensor of n >= 2 28x28 digits .* Received: images=Tensor\(shape=\[3, 10\]\)/);
    await expect(mnistQuality(real, { classifier, range: [1, 0] })).rejects.toThrow(/'range' must be \[low, high\] with high > low/);
  });
});
