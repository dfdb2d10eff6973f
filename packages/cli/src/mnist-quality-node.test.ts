import * as tf from '@tensorflow/tfjs';
import { mnistSampleQuality as shellQuality } from '@gandlf/demo-shell/mnist-quality';
import { describe, expect, it } from 'vitest';
import { mnistSampleQuality } from './mnist-quality-node';

describe('mnistSampleQuality in the CLI bundle', () => {
  it('scores as the demos do, with the classifier read from the metrics sources', { timeout: 120_000 }, async () => {
    const sample = (n: number) => tf.randomUniform([n, 784], -1, 1, 'float32', 3);
    const q = await mnistSampleQuality(sample);
    expect(Object.keys(q)).toEqual(['frechet', 'digits', 'confidence']);
    expect(Number.isFinite(q.frechet)).toBe(true);
    // The page's loader (the default URL, beside the metrics sources) gives the same classifier.
    expect(await shellQuality(sample)).toEqual(q);
  });
});
