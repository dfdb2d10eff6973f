// gandlf's mnist_gan.py: an Auxiliary Classifier GAN (Odena et al. 2017) on
// MNIST, with the Keras mnist_acgan.py networks or, with --lite, two small
// MLPs that train faster on a CPU; --unsupervised drops the classes (a plain GAN).
//   pnpm example examples/gandlf/mnist_gan.ts [--tiny] [--lite] [--unsupervised] [--latent-type normal|uniform]
import * as tf from '@tensorflow/tfjs';
import 'gandlf/node';
import { layers, Model, Random, type History, type ModelTargets } from 'gandlf';
import { main, outDir, type ExampleOptions, type ExampleSpec } from '../support/cli';
import { mnistData } from '../support/data';
import { saveCheckpoint, say, writeGrid, writeHistory } from '../support/output';
import { progressLine } from '../support/train';

export const spec: ExampleSpec = {
  name: 'gandlf/mnist_gan',
  summary: 'An ACGAN on MNIST (gandlf mnist_gan.py): the Keras ACGAN networks, or two MLPs with --lite; a plain GAN with --unsupervised.',
  notes: ['Writes a 10x10 grid of samples after every epoch (each column one digit, unless --unsupervised), where mnist_gan.py --plot shows them.'],
  flags: {
    lite: { type: 'boolean', help: 'train the small MLP networks instead (mnist_gan.py --lite)' },
    unsupervised: { type: 'boolean', help: 'no class labels: a plain GAN (mnist_gan.py --unsupervised)' },
    latentType: { type: 'string', choices: ['normal', 'uniform'], help: 'the latent vectors (default uniform)' },
    binarize: { type: 'boolean', help: 'train on binary images, pixels >= 10/255 -> 1, else -1' },
    nbBatch: { type: 'number', help: 'samples per batch (default 32)' },
    nbLatent: { type: 'number', help: 'dimensions of the latent vector (default 10)' },
    lr: { type: 'number', help: "Adam's learning rate (default 0.0002)" },
    beta: { type: 'number', help: "Adam's beta 1 (default 0.5)" },
  },
};

/** mnist_gan.py's flags besides the shared ones. */
export interface MnistGanOptions extends ExampleOptions {
  /** The small MLPs instead of the convolutional networks. @default false */
  lite?: boolean;
  /** No classes: G takes only the latent, D only says real or fake. @default false */
  unsupervised?: boolean;
  /** The latent's distribution, `'normal'` or `'uniform'` (any case). @default 'uniform' */
  latentType?: string;
  /** Binary images in {-1, 1} instead of [-1, 1]. @default false */
  binarize?: boolean;
  /** Batch size. @default 32 */
  nbBatch?: number;
  /** Latent dimensions. @default 10 */
  nbLatent?: number;
  /** Adam's learning rate. @default 0.0002 */
  lr?: number;
  /** Adam's beta 1. @default 0.5 */
  beta?: number;
}

/** Layer widths divided by `shrink` (tiny runs shrink them; 1 is mnist_gan.py's). */
const w = (units: number, shrink: number) => Math.max(1, Math.round(units / shrink));
const glorotNormal = () => tf.initializers.glorotNormal({});

/**
 * G's class input: the latent times the class's learned embedding (both
 * networks), so each class gets its own scaling of the latent space. Returns
 * the inputs and the merged vector, or just the latent without classes.
 */
function latentAndClass(latentSize: number, supervised: boolean): { inputs: tf.SymbolicTensor[]; h: tf.SymbolicTensor } {
  const latent = tf.input({ shape: [latentSize], name: 'latent' });
  if (!supervised) return { inputs: [latent], h: latent };
  const imageClass = tf.input({ shape: [1], dtype: 'int32', name: 'image_class' });
  const embedded = tf.layers.embedding({ inputDim: 10, outputDim: latentSize, embeddingsInitializer: glorotNormal() }).apply(imageClass) as tf.SymbolicTensor;
  const cls = tf.layers.flatten().apply(embedded) as tf.SymbolicTensor;
  return { inputs: [latent, imageClass], h: tf.layers.multiply().apply([latent, cls]) as tf.SymbolicTensor };
}

/** The Keras ACGAN generator: Dense(1024), Dense(128·7·7), then two upsample-and-conv stages to a tanh image. */
export function buildGenerator(latentSize: number, supervised: boolean, shrink = 1): tf.LayersModel {
  const cnn = tf.sequential({
    name: 'generator_cnn',
    layers: [
      tf.layers.dense({ units: w(1024, shrink), inputShape: [latentSize], activation: 'relu' }),
      tf.layers.dense({ units: w(128, shrink) * 7 * 7, activation: 'relu' }),
      tf.layers.reshape({ targetShape: [7, 7, w(128, shrink)] }),
      tf.layers.upSampling2d({ size: [2, 2] }),
      tf.layers.conv2d({ filters: w(256, shrink), kernelSize: 5, padding: 'same', activation: 'relu', kernelInitializer: glorotNormal() }),
      tf.layers.upSampling2d({ size: [2, 2] }),
      tf.layers.conv2d({ filters: w(128, shrink), kernelSize: 5, padding: 'same', activation: 'relu', kernelInitializer: glorotNormal() }),
      tf.layers.conv2d({ filters: 1, kernelSize: 2, padding: 'same', activation: 'tanh', kernelInitializer: glorotNormal() }),
    ],
  });
  const { inputs, h } = latentAndClass(latentSize, supervised);
  // mnist_gan.py's unsupervised branch returns `output_fake_image`, a name it
  // never defines (a NameError); it meant the image the CNN makes, as here.
  return tf.model({ inputs, outputs: cnn.apply(h) as tf.SymbolicTensor, name: 'generator' });
}

/** D's heads: `src` (real or fake) and, with classes, `class` (a softmax over the digits). */
function heads(image: tf.SymbolicTensor, features: tf.SymbolicTensor, supervised: boolean): tf.LayersModel {
  const fake = tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'src' }).apply(features) as tf.SymbolicTensor;
  if (!supervised) return tf.model({ inputs: image, outputs: fake, name: 'discriminator' });
  const aux = tf.layers.dense({ units: 10, activation: 'softmax', name: 'class' }).apply(features) as tf.SymbolicTensor;
  return tf.model({ inputs: image, outputs: [fake, aux], name: 'discriminator' });
}

/** The Keras ACGAN discriminator: four 3x3 convs (strides 2, 1, 2, 1) with LeakyReLU and Dropout(0.3). */
export function buildDiscriminator(supervised: boolean, shrink = 1): tf.LayersModel {
  const stack: tf.layers.Layer[] = [];
  [32, 64, 128, 256].forEach((filters, i) => {
    stack.push(
      tf.layers.conv2d({ filters: w(filters, shrink), kernelSize: 3, padding: 'same', strides: i % 2 === 0 ? 2 : 1, ...(i === 0 ? { inputShape: [28, 28, 1] } : {}) }),
      tf.layers.leakyReLU(),
      tf.layers.dropout({ rate: 0.3 }),
    );
  });
  const cnn = tf.sequential({ name: 'discriminator_cnn', layers: [...stack, tf.layers.flatten()] });
  const image = tf.input({ shape: [28, 28, 1], name: 'real_data' });
  return heads(image, cnn.apply(image) as tf.SymbolicTensor, supervised);
}

/** The lite generator: (latent x class embedding, batch-normalised), two Dense(512) + LeakyReLU + PermanentDropout(0.3), a tanh image. */
export function buildGeneratorLite(latentSize: number, supervised: boolean, shrink = 1): tf.LayersModel {
  const { inputs, h: merged } = latentAndClass(latentSize, supervised);
  let h = supervised ? (tf.layers.batchNormalization().apply(merged) as tf.SymbolicTensor) : merged;
  for (let i = 0; i < 2; i++) {
    h = tf.layers.leakyReLU().apply(tf.layers.dense({ units: w(512, shrink) }).apply(h)) as tf.SymbolicTensor;
    // Dropout that stays on when sampling: a second source of noise besides the latent.
    h = new layers.PermanentDropout({ rate: 0.3 }).apply(h) as tf.SymbolicTensor;
  }
  const image = tf.layers.dense({ units: 28 * 28, activation: 'tanh' }).apply(h);
  return tf.model({ inputs, outputs: tf.layers.reshape({ targetShape: [28, 28, 1] }).apply(image) as tf.SymbolicTensor, name: 'generator' });
}

/** The lite discriminator: two Dense(512) + Dropout(0.3) + LeakyReLU. */
export function buildDiscriminatorLite(supervised: boolean, shrink = 1): tf.LayersModel {
  const image = tf.input({ shape: [28, 28, 1], name: 'real_data' });
  let h = tf.layers.flatten().apply(image) as tf.SymbolicTensor;
  for (let i = 0; i < 2; i++) {
    h = tf.layers.leakyReLU().apply(tf.layers.dropout({ rate: 0.3 }).apply(tf.layers.dense({ units: w(512, shrink) }).apply(h))) as tf.SymbolicTensor;
  }
  return heads(image, h, supervised);
}

/** mnist_gan.py's `get_mnist_data`: `[n, 28, 28, 1]` images in [-1, 1] (or {-1, 1} binarized) and labels `[n, 1]`. */
export async function mnistGanData(options: { tiny: boolean; binarize: boolean }): Promise<{ xTrain: tf.Tensor4D; yTrain: tf.Tensor2D }> {
  const data = await mnistData({ tiny: options.tiny, range: [0, 1] });
  try {
    const xTrain = tf.tidy(() => {
      const x = data.xtrain.expandDims(-1) as tf.Tensor4D;
      // The seed thresholds raw bytes at 10: x * 255 >= 10, with half a level of slack for rounding.
      return (options.binarize ? tf.where(tf.greaterEqual(x, 9.5 / 255), 1, -1).toFloat() : tf.sub(tf.mul(x, 2), 1)) as tf.Tensor4D;
    });
    return { xTrain, yTrain: data.ytrain.reshape([-1, 1]) as tf.Tensor2D };
  } finally {
    tf.dispose([data.xtrain, data.ytrain, data.xtest, data.ytest]);
  }
}

/** What a run reports: the history and where its files went. */
export interface GanRun {
  history: History;
  out: string;
  files: string[];
}

export async function run(options: MnistGanOptions = {}): Promise<GanRun> {
  const { tiny = false, seed = 0, verbose, lite = false, unsupervised = false, binarize = false, nbLatent = 10, lr = 0.0002, beta = 0.5 } = options;
  const latentType = (options.latentType ?? 'uniform').toLowerCase();
  if (latentType !== 'normal' && latentType !== 'uniform') {
    throw new Error(`Latent vector must be either "normal" or "uniform". Received: latentType=${options.latentType}`);
  }
  const supervised = !unsupervised;
  const out = outDir(spec, options);
  // mnist_gan.py trains 50 epochs on all 60,000 digits in batches of 32.
  // Tiny: 2 epochs on a few digits with narrower layers. The convolutional
  // networks shrink most (widths / 128, 32 digits in batches of 16): tfjs's
  // cpu Conv2DBackpropFilter manages about 2M multiply-adds a second.
  const epochs = options.epochs ?? (tiny ? 2 : 50);
  const shrink = tiny ? (lite ? 4 : 128) : 1;
  const nbBatch = options.nbBatch ?? (tiny && !lite ? 16 : 32);
  const data = await mnistGanData({ tiny, binarize });
  const take = tiny ? (lite ? 128 : 32) : data.xTrain.shape[0];
  const xTrain = tiny ? data.xTrain.slice(0, take) : data.xTrain;
  const yTrain = tiny ? data.yTrain.slice(0, take) : data.yTrain;
  const yTrainOhe = tf.tidy(() => tf.oneHot(yTrain.reshape([-1]).toInt(), 10).toFloat());
  say(verbose, lite ? 'building lite version' : 'building the ACGAN networks');
  const generator = lite ? buildGeneratorLite(nbLatent, supervised, shrink) : buildGenerator(nbLatent, supervised, shrink);
  const discriminator = lite ? buildDiscriminatorLite(supervised, shrink) : buildDiscriminator(supervised, shrink);
  const model = new Model({ generator, discriminator });
  // The class loss trains D on real digits and G to make D see the class it
  // asked for; D is not trained to classify fakes (`class_fake` weighs 0).
  const lossWeights: Record<string, number> = supervised ? { src: 1, class: 1, class_fake: 0 } : { src: 1 };
  const loss: Record<string, string> = supervised ? { src: 'binary_crossentropy', class: 'categorical_crossentropy' } : { src: 'binary_crossentropy' };
  // Keras 1's Adam(lr, beta_1), epsilon 1e-8; each network gets its own copy.
  model.compile({ optimizer: tf.train.adam(lr, beta, 0.999, 1e-8), loss, lossWeights });
  // A fixed latent and, with classes, digits 0-9 along each row: the grid's columns are digits.
  const r = new Random(seed);
  const zSamples = latentType === 'normal' ? tf.randomNormal([100, nbLatent], 0, 1, 'float32', r.nextSeed()) : tf.randomUniform([100, nbLatent], 0, 1, 'float32', r.nextSeed());
  const digits = tf.tensor2d(
    Array.from({ length: 100 }, (_, i) => i % 10),
    [100, 1],
    'int32',
  );
  const files: string[] = [];
  try {
    // D: real -> 1, fake -> 0; G: its fakes -> 1. The class target is the digit in every mode.
    const targets: ModelTargets = { src: '1', src_fake: '0', ...(supervised ? { class: yTrainOhe } : {}) };
    const inputs = [latentType, ...(supervised ? [yTrain] : []), xTrain] as const;
    const history = await model.fit(inputs, targets, {
      epochs,
      batchSize: nbBatch,
      seed,
      verbose: false,
      callbacks: [
        progressLine(epochs, verbose, ['generator_loss', 'discriminator_loss', ...(supervised ? ['discriminator_class_real_loss'] : [])]),
        {
          onEpochEnd: async (epoch) => {
            const path = `${out}/epoch-${String(epoch).padStart(3, '0')}.png`;
            const images = model.sample(supervised ? [zSamples, digits] : [zSamples]) as tf.Tensor;
            // As the seed's imshow(-sample, cmap='gray'): dark digits on white.
            const shown = tf.neg(images);
            await writeGrid(path, shown, { rows: 10, cols: 10, range: [-1, 1] });
            tf.dispose([images, shown]);
            files.push(path);
          },
        },
      ],
    });
    await writeHistory(out, history);
    files.push(`${out}/history.csv`, await saveCheckpoint(model, out));
    say(verbose, `Saved model: ${files.at(-1)}`);
    return { history, out, files };
  } finally {
    tf.dispose([zSamples, digits, yTrainOhe, data.xTrain, data.yTrain, ...(tiny ? [xTrain, yTrain] : [])]);
    model.dispose();
  }
}

await main(import.meta, spec, run);
