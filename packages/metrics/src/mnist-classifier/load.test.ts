import { statSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { loadMnistNode } from '@gandlf/datasets/node';
import { describe, expect, it } from 'vitest';
import { loadMnistClassifier, mnistClassifierFromArtifacts } from './load';

// The committed classifier, on the cpu backend: the first 500 test digits
// (scripts/train-classifier.ts measures all 10,000 and records it in the model).
describe('the committed MNIST classifier', () => {
  it('is small, and its recorded test accuracy is 99% or more', async () => {
    expect(statSync(new URL('./weights.bin', import.meta.url)).size).toBeLessThan(300_000);
    const classifier = await loadMnistClassifier();
    expect(classifier.testAccuracy).toBeGreaterThanOrEqual(0.99);
    expect(classifier.featureSize).toBe(64);
    classifier.dispose();
  });

  it('classifies 98% or more of the first 500 test digits right, without leaking', async () => {
    const classifier = await loadMnistClassifier();
    const test = await loadMnistNode({ split: 'test', limit: 500, range: [-1, 1] });
    const x = tf.tensor4d(test.images, [500, 28, 28, 1]);
    const warm = classifier.classify(x.slice(0, 2));
    tf.dispose([warm.features, warm.probabilities]);
    const count = tf.memory().numTensors;
    const { features, probabilities } = classifier.classify(x);
    expect(features.shape).toEqual([500, 64]);
    const predicted = await probabilities.argMax(-1).data();
    tf.dispose([features, probabilities]);
    // argMax's result was a temporary: after these disposes the count is back.
    expect(tf.memory().numTensors).toBeLessThanOrEqual(count + 1);
    let right = 0;
    for (let i = 0; i < 500; i++) if (predicted[i] === test.labels[i]) right += 1;
    expect(right / 500).toBeGreaterThanOrEqual(0.98);
    x.dispose();
    classifier.dispose();
  });

  it('says which file it could not read, and rejects a bad model.json', async () => {
    await expect(loadMnistClassifier({ modelUrl: new URL('./missing.json', import.meta.url) })).rejects.toThrow(/loadMnistClassifier: could not read file:.*missing.json/);
    await expect(mnistClassifierFromArtifacts({ weightsManifest: [] }, new ArrayBuffer(4))).rejects.toThrow(/'modelJson' must be a layers model.json with one weights group/);
  });
});
