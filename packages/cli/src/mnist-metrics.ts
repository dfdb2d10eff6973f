import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { loadMnistClassifier, mnistQuality, type MnistQuality } from '@gandlf/metrics';
import { Model } from 'gandlf';
import 'gandlf/node'; // file:// checkpoints
import { demosDir } from './serve-demo';

/** Digits sampled from the generator for the score: enough for stable class shares; the Fréchet distance is biased up for fewer than 10,000. */
export const MNIST_SAMPLES = 2000;
/** Seeds the sampled latent batch, so equal weights give equal scores. */
const SEED = 11;

/**
 * Scores an MNIST GAN run the way bench/quality scores the demos: loads its
 * checkpoint, samples `MNIST_SAMPLES` digits and runs @gandlf/metrics'
 * committed classifier on them (Fréchet distance of its features to the test
 * set's, digits covered, confidence). Resolves to a reason instead when the
 * run's generator takes more than noise (e.g. ACGAN's class input).
 */
export async function mnistMetrics(checkpoint: string, run: string): Promise<{ kind: string; runs: Record<string, MnistQuality> } | { missing: string }> {
  const model = await Model.load(`file://${checkpoint}`);
  try {
    if (model.generator.inputs.length !== 1) return { missing: `the generator takes ${model.generator.inputs.length} inputs (e.g. a class): no unconditional samples to score` };
    // The classifier files ship in the metrics package's sources, beside its loader.
    const dir = join(demosDir(), '..', 'packages', 'metrics', 'src', 'mnist-classifier');
    const classifier = await loadMnistClassifier({ modelUrl: pathToFileURL(join(dir, 'model.json')), weightsUrl: pathToFileURL(join(dir, 'weights.bin')) });
    try {
      const images = model.sample(['normal'], { numSamples: MNIST_SAMPLES, seed: SEED, batchSize: 500 }) as tf.Tensor;
      try {
        const quality = await mnistQuality(images, { classifier });
        return { kind: `@gandlf/metrics mnistQuality of ${MNIST_SAMPLES} generated digits (Fréchet distance on the committed classifier's features, not Inception's)`, runs: { [run]: quality } };
      } finally {
        images.dispose();
      }
    } finally {
      classifier.dispose();
    }
  } finally {
    model.dispose();
  }
}
