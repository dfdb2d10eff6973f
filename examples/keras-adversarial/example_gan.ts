// keras_adversarial's example_gan.py: an MLP GAN on MNIST, trained as an
// AdversarialModel of two players with Simultaneous updates.
//   pnpm example examples/keras-adversarial/example_gan.ts [--tiny] [--epochs N]
import * as tf from '@tensorflow/tfjs';
import { pngFiles } from 'gandlf/node';
import { AdversarialModel, callbacks, helpers, Simultaneous, train, type History } from 'gandlf';
import { main, outDir, type ExampleOptions, type ExampleSpec } from '../support/cli';
import { mnistData } from '../support/data';
import { saveCheckpoint, say, writeHistory } from '../support/output';

export const spec: ExampleSpec = { name: 'keras-adversarial/example_gan', summary: 'An MLP GAN on MNIST (keras_adversarial example_gan.py): two players, Simultaneous updates.' };

// l1l2(1e-5, 1e-5) on every kernel, as the Python's `reg`.
const reg = () => tf.regularizers.l1l2({ l1: 1e-5, l2: 1e-5 });

export function modelGenerator(latentDim: number, inputShape: number[], hiddenDim = 1024): tf.Sequential {
  return tf.sequential({
    name: 'generator',
    layers: [
      tf.layers.dense({ units: hiddenDim / 4, inputShape: [latentDim], name: 'generator_h1', kernelRegularizer: reg() }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.dense({ units: hiddenDim / 2, name: 'generator_h2', kernelRegularizer: reg() }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.dense({ units: hiddenDim, name: 'generator_h3', kernelRegularizer: reg() }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.dense({ units: inputShape.reduce((a, b) => a * b, 1), name: 'generator_x_flat', kernelRegularizer: reg() }),
      tf.layers.activation({ activation: 'sigmoid' }),
      tf.layers.reshape({ targetShape: inputShape, name: 'generator_x' }),
    ],
  });
}

export function modelDiscriminator(inputShape: number[], hiddenDim = 1024, outputActivation: 'sigmoid' | 'linear' = 'sigmoid'): tf.Sequential {
  return tf.sequential({
    name: 'discriminator',
    layers: [
      tf.layers.flatten({ inputShape, name: 'discriminator_flatten' }),
      tf.layers.dense({ units: hiddenDim, name: 'discriminator_h1', kernelRegularizer: reg() }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.dense({ units: hiddenDim / 2, name: 'discriminator_h2', kernelRegularizer: reg() }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.dense({ units: hiddenDim / 4, name: 'discriminator_h3', kernelRegularizer: reg() }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.dense({ units: 1, name: 'discriminator_y', kernelRegularizer: reg() }),
      tf.layers.activation({ activation: outputActivation }),
    ],
  });
}

/** What a run reports: the history and where its files went. */
export interface GanRun {
  history: History;
  out: string;
  files: string[];
}

export async function run(options: ExampleOptions = {}): Promise<GanRun> {
  const { tiny = false, seed = 0, verbose } = options;
  const out = outDir(spec, options);
  const epochs = options.epochs ?? (tiny ? 2 : 100);
  const latentDim = tiny ? 16 : 100;
  const hidden = tiny ? 64 : 1024;
  const inputShape = [28, 28];
  const data = await mnistData({ tiny });
  const generator = modelGenerator(latentDim, inputShape, hidden);
  const discriminator = modelDiscriminator(inputShape, hidden);
  const model = new AdversarialModel({
    baseModel: helpers.simpleGan(generator, discriminator, helpers.normalLatentSampling([latentDim])),
    playerParams: [generator.trainableWeights, discriminator.trainableWeights],
    playerNames: ['generator', 'discriminator'],
  });
  model.setSeed(seed);
  model.compile({ adversarialOptimizer: new Simultaneous(), playerOptimizers: [train.adam({ lr: 1e-4, decay: 1e-4 }), train.adam({ lr: 1e-3, decay: 1e-4 })], loss: 'binaryCrossentropy' });
  const zSamples = tf.randomNormal([100, latentDim], 0, 1, 'float32', seed);
  const files: string[] = [];
  try {
    const y = helpers.ganTargets(data.xtrain.shape[0]!);
    const yTest = helpers.ganTargets(data.xtest.shape[0]!);
    const history = await model.fit(data.xtrain, y, {
      epochs,
      batchSize: 32,
      validationData: [data.xtest, yTest],
      verbose: false,
      callbacks: [
        // ImageGridCallback(os.path.join(path, "epoch-{:03d}.png"), generator_sampler)
        callbacks.imageGrid({ generator: () => generator.predict(zSamples) as tf.Tensor, draw: pngFiles({ dir: out }), rows: 10, cols: 10, range: [0, 1] }),
        {
          onEpochEnd: async (epoch, logs) => {
            say(
              verbose,
              `epoch ${epoch + 1}/${epochs} ${Object.entries(logs ?? {})
                .map(([k, v]) => `${k}=${Number(v).toFixed(4)}`)
                .join(' ')}`,
            );
            files.push(`${out}/epoch-${String(epoch).padStart(4, '0')}.png`);
          },
        },
      ],
    });
    tf.dispose([...y, ...yTest]);
    await writeHistory(out, history);
    files.push(`${out}/history.csv`, await saveCheckpoint(model, out));
    say(verbose, `wrote ${files.length} files to ${out}`);
    return { history, out, files };
  } finally {
    zSamples.dispose();
    tf.dispose(Object.values(data));
    model.dispose();
  }
}

await main(import.meta, spec, run);
