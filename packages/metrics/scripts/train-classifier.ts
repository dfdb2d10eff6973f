// Trains the committed MNIST classifier (src/mnist-classifier/) on all 60,000
// training digits with tfjs wasm, evaluates it on the 10,000 test digits, and
// writes model.json + weights.bin beside the network and the accuracy to
// bench/results/mnist-classifier.json.
//
//   pnpm --filter @gandlf/metrics train-classifier -- --epochs=3
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadMnistNode } from '@gandlf/datasets/node';
import { backends } from 'gandlf';
import { loadMnistClassifier } from '../src/mnist-classifier/load';
import { mnistClassifierNetwork } from '../src/mnist-classifier/network';

const flag = (name: string, fallback: number) => {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.slice(name.length + 3)) : fallback;
};
const epochs = flag('epochs', 3);
const batchSize = flag('batch', 128);
const limit = flag('limit', 0);
const seed = flag('seed', 1);
const learningRate = flag('lr', 1e-3);
// --resume=1 goes on from the committed weights (e.g. one more epoch at a lower rate).
const resume = flag('resume', 0) === 1;
const outDir = new URL('../src/mnist-classifier/', import.meta.url);
const resultFile = new URL('../../../bench/results/mnist-classifier.json', import.meta.url);

// The backend first: the network makes its weights when built.
const backend = await backends.pickBackend({ prefer: ['wasm'] });
const net = resume ? (await loadMnistClassifier()).model : mnistClassifierNetwork({ seed });
if (!backends.canTrainOnWasm([net])) throw new Error('The classifier needs a kernel wasm lacks.');
const load = async (split: 'train' | 'test') => {
  const d = await loadMnistNode({ split, range: [-1, 1], ...(limit > 0 ? { limit } : {}) });
  return {
    x: tf.tensor4d(d.images, [d.count, 28, 28, 1]),
    y: tf.tidy(() => tf.oneHot(tf.tensor1d(d.labels, 'int32'), 10).toFloat()),
    labels: d.labels,
    count: d.count,
  };
};
const train = await load('train');
const test = await load('test');

const optimizer = tf.train.adam(learningRate, 0.9, 0.999, 1e-7);
net.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
const started = performance.now();
const load0 = loadavg()[0];
const history = await net.fit(train.x, train.y, {
  epochs,
  batchSize,
  shuffle: true,
  validationData: [test.x, test.y],
  callbacks: {
    onEpochEnd: async (epoch, logs) => {
      // Halve the step after the second epoch: the last epochs settle into a minimum.
      if (epoch >= 1) (optimizer as unknown as { learningRate: number }).learningRate /= 2;
      console.log(
        `epoch ${epoch + 1}/${epochs}: loss ${logs?.loss?.toFixed(4)} acc ${logs?.acc?.toFixed(4)} test acc ${logs?.val_acc?.toFixed(4)} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
    },
  },
});
const trainSeconds = (performance.now() - started) / 1000;

// Test accuracy, batch by batch, read back as predicted labels.
let correct = 0;
for (let i = 0; i < test.count; i += 1000) {
  const n = Math.min(1000, test.count - i);
  const predicted = tf.tidy(() => (net.predict(test.x.slice(i, n)) as tf.Tensor).argMax(-1));
  const p = await predicted.data();
  predicted.dispose();
  for (let j = 0; j < n; j++) if (p[j] === test.labels[i + j]) correct += 1;
}
const testAccuracy = correct / test.count;
console.log(`test accuracy ${testAccuracy} on ${test.count} digits; ${trainSeconds.toFixed(0)} s of training on ${backend}`);

await mkdir(outDir, { recursive: true });
await net.save(
  tf.io.withSaveHandler(async (artifacts) => {
    const weights = new Uint8Array(artifacts.weightData as ArrayBuffer);
    const modelJson = {
      format: 'layers-model',
      generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
      convertedBy: null,
      modelTopology: artifacts.modelTopology,
      weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
      userDefinedMetadata: { testAccuracy, testCount: test.count, epochs, batchSize, seed, learningRate, resumed: resume },
    };
    await writeFile(new URL('model.json', outDir), `${JSON.stringify(modelJson)}\n`);
    await writeFile(new URL('weights.bin', outDir), weights);
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength } };
  }),
);
// A resumed run keeps the record of the run it went on from.
const resumedFrom = resume ? JSON.parse(await readFile(resultFile, 'utf8')) : undefined;
await writeFile(
  resultFile,
  `${JSON.stringify(
    {
      script: 'packages/metrics/scripts/train-classifier.ts',
      date: new Date().toISOString(),
      backend,
      cores: cpus().length,
      loadBefore: load0,
      epochs,
      batchSize,
      seed,
      learningRate,
      resumed: resume,
      trainCount: train.count,
      testCount: test.count,
      testAccuracy,
      trainSeconds: Math.round(trainSeconds),
      parameters: net.countParams(),
      history: history.history,
      ...(resumedFrom ? { resumedFrom } : {}),
    },
    null,
    2,
  )}\n`,
);
tf.dispose([train.x, train.y, test.x, test.y]);
