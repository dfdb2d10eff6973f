import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as tf from '@tensorflow/tfjs';
import { loadMnistClassifier, type MnistClassifier } from '@gandlf/metrics';
import { mnistSampleQuality as scoreWith, QUALITY_SAMPLES } from '../../../demos/shell/src/worker/mnist-quality';
import { demosDir } from './serve-demo';

// What `@gandlf/demo-shell/mnist-quality` is in the CLI's Node build
// (vite.config.ts aliases it here): the same scores, with the committed
// classifier read from the metrics package's sources. In the one-file bundle
// its default URL (beside the metrics module) names files that are not there.

export { QUALITY_SAMPLES };

let classifier: Promise<MnistClassifier> | null = null;

/** `mnistSampleQuality` of the demos' trainers, scoring with the classifier on disk (loaded once, and kept). */
export async function mnistSampleQuality(sample: (n: number) => tf.Tensor): Promise<Record<string, number>> {
  // Found from this file's place in sources or in the build, as the demos are.
  const dir = join(demosDir(), '..', 'packages', 'metrics', 'src', 'mnist-classifier');
  classifier ??= loadMnistClassifier({ modelUrl: pathToFileURL(join(dir, 'model.json')), weightsUrl: pathToFileURL(join(dir, 'weights.bin')) });
  return scoreWith(sample, { classifier: await classifier });
}
