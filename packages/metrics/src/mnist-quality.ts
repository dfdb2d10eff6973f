import * as tf from '@tensorflow/tfjs';
import { classCoverage } from './class-coverage';
import { describe, MetricsError } from './errors';
import { featureStatistics, frechetDistance, type FeatureStatistics } from './frechet-distance';
import { meanConfidence } from './mean-confidence';
import { loadMnistClassifier, type MnistClassifier } from './mnist-classifier/load';
import reference from './mnist-classifier/test-statistics.json';

/** Options of {@link mnistQuality}. */
export interface MnistQualityOptions {
  /** The classifier to score with. @default the committed one, loaded once ({@link loadMnistClassifier}) */
  classifier?: MnistClassifier;
  /** Statistics of the real digits to compare with. @default {@link mnistTestStatistics} (all 10,000 MNIST test digits) */
  reference?: FeatureStatistics;
  /** The pixel range of `images`; they are mapped to the classifier's [-1, 1]. @default [-1, 1] (tanh generators) */
  range?: readonly [number, number];
  /** A digit class is covered when it holds this share of the samples. @default 0.05 */
  minShare?: number;
  /** Images classified per forward pass. @default 500 */
  batchSize?: number;
}

/** How MNIST-like a set of generated digits is, by the committed classifier. */
export interface MnistQuality {
  /** Images scored. */
  count: number;
  /** Fréchet distance between the classifier's penultimate features of the images and of the reference (0 is best). */
  frechetDistance: number;
  /** Digits holding at least `minShare` of the images (10 is best). */
  classesCovered: number;
  /** Share of the images classified as each digit 0..9. */
  classShares: number[];
  /** Mean top class probability (near 1 for clear digits). */
  meanConfidence: number;
}

/**
 * Mean and covariance of the committed classifier's features over all 10,000
 * MNIST test digits (written by scripts/test-statistics.ts with the weights).
 */
export function mnistTestStatistics(): FeatureStatistics {
  return { count: reference.count, mean: Float64Array.from(reference.mean), covariance: Float64Array.from(reference.covariance) };
}

let shared: Promise<MnistClassifier> | null = null;

/**
 * Scores generated MNIST digits with the committed classifier: the Fréchet
 * distance of its penultimate features to the test set's (an FID with a
 * small MNIST network in place of Inception, so its values are not
 * comparable with published Inception FIDs), how many digits the samples
 * cover, and how confident the classifier is on them. Use 10,000 images for
 * numbers comparable with bench/README.md: the distance is biased upwards
 * for small sets.
 *
 * @example const { frechetDistance, classesCovered } = await mnistQuality(generator.predict(z) as tf.Tensor);
 * @param images `[n, 784]`, `[n, 28, 28]` or `[n, 28, 28, 1]`, n >= 2. Not disposed.
 * @param options See {@link MnistQualityOptions}.
 */
export async function mnistQuality(images: tf.Tensor, options: MnistQualityOptions = {}): Promise<MnistQuality> {
  const fn = 'mnistQuality';
  const { range = [-1, 1], minShare = 0.05, batchSize = 500 } = options;
  if (!(images instanceof tf.Tensor) || images.shape[0]! < 2 || images.size !== images.shape[0]! * 784) {
    throw new MetricsError(
      `${fn}: 'images' must be a tensor of n >= 2 28x28 digits ([n, 784] or [n, 28, 28(, 1)]). Received: images=${images instanceof tf.Tensor ? `Tensor(shape=[${images.shape.join(', ')}])` : describe(images)}`,
    );
  }
  if (!Array.isArray(range) || range.length !== 2 || !(range[1] > range[0])) {
    throw new MetricsError(`${fn}: 'range' must be [low, high] with high > low. Received: range=${describe(range)}`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new MetricsError(`${fn}: 'batchSize' must be a positive integer. Received: batchSize=${describe(batchSize)}`);
  const classifier = options.classifier ?? (await (shared ??= loadMnistClassifier()));
  const n = images.shape[0]!;
  const d = classifier.featureSize;
  const features = new Float32Array(n * d);
  const probabilities = new Float32Array(n * 10);
  const [lo, hi] = range;
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const out = tf.tidy(() => {
      const batch = images.slice(start, size).reshape([size, 28, 28, 1]).toFloat();
      const scaled =
        lo === -1 && hi === 1
          ? batch
          : batch
              .sub(lo)
              .mul(2 / (hi - lo))
              .sub(1);
      return classifier.classify(scaled as tf.Tensor4D);
    });
    const [f, p] = await Promise.all([out.features.data(), out.probabilities.data()]);
    tf.dispose([out.features, out.probabilities]);
    features.set(f, start * d);
    probabilities.set(p, start * 10);
  }
  const coverage = classCoverage(probabilities, 10, { minShare });
  return {
    count: n,
    frechetDistance: frechetDistance(featureStatistics(features, d), options.reference ?? mnistTestStatistics()),
    classesCovered: coverage.covered,
    classShares: coverage.shares,
    meanConfidence: meanConfidence(probabilities, 10),
  };
}
