import type * as tf from '@tensorflow/tfjs';
import { mnistQuality, type MnistClassifier } from '@gandlf/metrics';

/** Digits scored per measurement: enough for a stable trend, few enough to take seconds on a slow backend. */
export const QUALITY_SAMPLES = 1000;

/** The count {@link mnistSampleQuality} scores when its call names none: QUALITY_SAMPLES unless the page asked for another. */
let defaultSamples = QUALITY_SAMPLES;

/**
 * Sets how many digits every later {@link mnistSampleQuality} call in this
 * worker scores, e.g. 50 for the e2e tests' `?qualitySamples=50` (1,000 take
 * 45-50 s a score on SwiftShader's WebGPU). The worker calls it with `init`'s
 * `qualitySamples`; the demos' trainers need not know.
 *
 * @example setQualitySamples(50)
 * @param samples An integer >= 2 (the Fréchet distance needs a covariance).
 */
export function setQualitySamples(samples: number): void {
  if (!Number.isInteger(samples) || samples < 2) {
    throw new Error(`Argument 'samples' passed to 'setQualitySamples' must be an integer >= 2. Received: samples=${samples}`);
  }
  defaultSamples = samples;
}

/** Options of {@link mnistSampleQuality}. */
export interface MnistSampleQualityOptions {
  /**
   * The classifier to score with, e.g. one read from disk where the default
   * URL finds no files (the CLI's bundle).
   * @default the committed classifier, loaded once by @gandlf/metrics
   */
  classifier?: MnistClassifier;
  /**
   * Digits to draw and score.
   * @default the count last given to {@link setQualitySamples}, else QUALITY_SAMPLES
   */
  samples?: number;
}

/**
 * An MNIST demo's `Trainer.quality`: scores `QUALITY_SAMPLES` generated digits
 * (or the page's `?qualitySamples=`) in [-1, 1] with @gandlf/metrics' committed classifier. `frechet` is the
 * Fréchet distance of its features to the test set's (biased upwards at this
 * sample size: compare runs with each other, or with bench/README.md's
 * 10,000-sample figures only roughly), `digits` the classes holding 5% of the
 * samples, `confidence` its mean top probability.
 *
 * @example quality: () => mnistSampleQuality((n) => generator.predict(tf.randomNormal([n, latentDim], 0, 1, 'float32', 11)) as tf.Tensor)
 * @param sample Draws n images (`[n, 784]` or `[n, 28, 28, 1]`); the tensor is disposed here.
 * @param options See {@link MnistSampleQualityOptions}.
 */
export async function mnistSampleQuality(sample: (n: number) => tf.Tensor, { classifier, samples = defaultSamples }: MnistSampleQualityOptions = {}): Promise<Record<string, number>> {
  const images = sample(samples);
  try {
    const q = await mnistQuality(images, { classifier });
    return { frechet: q.frechetDistance, digits: q.classesCovered, confidence: q.meanConfidence };
  } finally {
    images.dispose();
  }
}
