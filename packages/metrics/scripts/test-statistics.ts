// Writes src/mnist-classifier/test-statistics.json: the mean and covariance of
// the committed classifier's penultimate features over all 10,000 MNIST test
// digits, the reference mnistQuality compares generated digits with. Run it
// after train-classifier.ts:
//
//   node packages/metrics/scripts/run-ts.mjs packages/metrics/scripts/test-statistics.ts
import { writeFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadMnistNode } from '@gandlf/datasets/node';
import { backends } from 'gandlf';
import { featureStatistics } from '../src/frechet-distance';
import { loadMnistClassifier } from '../src/mnist-classifier/load';

await backends.pickBackend({ prefer: ['wasm'] });
const classifier = await loadMnistClassifier();
const test = await loadMnistNode({ split: 'test', range: [-1, 1] });
const d = classifier.featureSize;
const features = new Float32Array(test.count * d);
for (let i = 0; i < test.count; i += 1000) {
  const out = tf.tidy(() => classifier.classify(tf.tensor4d(test.images.subarray(i * 784, (i + 1000) * 784), [1000, 28, 28, 1])));
  features.set(await out.features.data(), i * d);
  tf.dispose([out.features, out.probabilities]);
}
const stats = featureStatistics(features, d);
// 9 significant digits: float32 features carry no more, and the file stays small.
const round = (a: Float64Array) => Array.from(a, (x) => Number(x.toPrecision(9)));
await writeFile(
  new URL('../src/mnist-classifier/test-statistics.json', import.meta.url),
  `${JSON.stringify({ count: stats.count, dim: d, mean: round(stats.mean), covariance: round(stats.covariance) })}\n`,
);
console.log(`wrote the statistics of ${stats.count} test digits, ${d} features`);
