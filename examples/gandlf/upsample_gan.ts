// gandlf's upsample_gan.py: a conditional GAN that super-resolves images. G
// takes a 2x-downsampled image (and noise of its size) and draws the full
// image; D judges (image, small image) pairs. G is fully convolutional, so
// the trained weights then upsample any size: 14 -> 28 -> 56 -> ... -> 448.
//   pnpm example examples/gandlf/upsample_gan.ts [--tiny] [--dataset mnist|cifar --data DIR] [--reset-weights]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import 'gandlf/node';
import { Model, type History } from 'gandlf';
import { main, outDir, type ExampleOptions, type ExampleSpec } from '../support/cli';
import { cifar10Data, mnistData } from '../support/data';
import { saveCheckpoint, say, writeGrid, writeHistory } from '../support/output';
import { progressLine } from '../support/train';

export const spec: ExampleSpec = {
  name: 'gandlf/upsample_gan',
  summary: 'A GAN that super-resolves images 2x, then applies itself again and again (gandlf upsample_gan.py).',
  notes: [
    'Training resumes from <out>/checkpoint when one is there (as the seed loads its weights file); --reset-weights starts afresh.',
    'Writes <out>/generator (the generator alone) and stage-N-HxW.png: three images at each stage, from the downsampled input up.',
    'CIFAR-10: --dataset cifar --data DIR, the folder holding the binary batches.',
  ],
  flags: {
    dataset: { type: 'string', choices: ['mnist', 'cifar'], help: 'the images to learn (default mnist)' },
    resetWeights: { type: 'boolean', help: 'ignore an earlier checkpoint in --out' },
  },
};

/** upsample_gan.py's flags besides the shared ones. */
export interface UpsampleGanOptions extends ExampleOptions {
  /** `'mnist'`, or `'cifar'` read from `data`. @default 'mnist' */
  dataset?: string;
  /** Start afresh even if `<out>/checkpoint` exists. @default false */
  resetWeights?: boolean;
}

/** Channel widths of the networks: upsample_gan.py's, or narrower for tiny runs. */
export interface Widths {
  /** G's two 5x5 convs and D's. @default 64 */
  conv: number;
  /** The 1x1 conv before the output (G) and the pooling (D). @default 128 */
  mix: number;
}

const FULL: Widths = { conv: 64, mix: 128 };

/** G(latent, small image): the two side by side, upsampled, two 5x5 tanh convs, a 1x1 tanh conv, a sigmoid 1x1 conv to the image's channels. */
export function buildGenerator(smallShape: readonly number[], upFactor: number, widths: Widths = FULL): tf.LayersModel {
  const channels = smallShape[smallShape.length - 1]!;
  const latent = tf.input({ shape: [...smallShape], name: 'latent' });
  const lowDim = tf.input({ shape: [...smallShape], name: 'low_dim_gen' });
  let h = tf.layers.concatenate().apply([lowDim, latent]) as tf.SymbolicTensor;
  h = tf.layers.upSampling2d({ size: [upFactor, upFactor] }).apply(h) as tf.SymbolicTensor;
  for (let i = 0; i < 2; i++) h = tf.layers.conv2d({ filters: widths.conv, kernelSize: 5, padding: 'same', activation: 'tanh' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.conv2d({ filters: widths.mix, kernelSize: 1, activation: 'tanh' }).apply(h) as tf.SymbolicTensor;
  const image = tf.layers.conv2d({ filters: channels, kernelSize: 1, activation: 'sigmoid' }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: [latent, lowDim], outputs: image, name: 'generator' });
}

/** D(image, small image): the small one upsampled beside the big one, two 5x5 convs with 2x2 max pooling and LeakyReLU, a 1x1 tanh conv, global average pooling, `src`. */
export function buildDiscriminator(smallShape: readonly number[], upFactor: number, widths: Widths = FULL): tf.LayersModel {
  const [height, width, channels] = smallShape as [number, number, number];
  const image = tf.input({ shape: [height * upFactor, width * upFactor, channels], name: 'real_image' });
  const lowDim = tf.input({ shape: [...smallShape], name: 'low_dim_dis' });
  const lowExp = tf.layers.upSampling2d({ size: [upFactor, upFactor] }).apply(lowDim) as tf.SymbolicTensor;
  let h = tf.layers.concatenate({ axis: -1 }).apply([image, lowExp]) as tf.SymbolicTensor;
  for (let i = 0; i < 2; i++) {
    h = tf.layers.conv2d({ filters: widths.conv, kernelSize: 5 }).apply(h) as tf.SymbolicTensor;
    h = tf.layers.leakyReLU().apply(tf.layers.maxPooling2d({ poolSize: [2, 2] }).apply(h)) as tf.SymbolicTensor;
  }
  h = tf.layers.conv2d({ filters: widths.mix, kernelSize: 1, activation: 'tanh' }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.globalAveragePooling2d({}).apply(h) as tf.SymbolicTensor;
  // Keras 1's W_regularizer='l2' is l2(0.01).
  const fake = tf.layers.dense({ units: 1, kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }), activation: 'sigmoid', name: 'src' }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: [image, lowDim], outputs: fake, name: 'discriminator' });
}

/** upsample_gan.py's `mean_bins`: each 2x2 block averaged. */
export const meanBins = (x: tf.Tensor4D): tf.Tensor4D => tf.avgPool(x, 2, 2, 'valid');

/**
 * upsample_gan.py's `upsample`: a fresh generator for the input's size with
 * the saved generator's weights (all convolutions, so they fit any size),
 * wrapped in a `Model` as the seed does, sampled once with fresh noise.
 */
export async function upsample(xInput: tf.Tensor4D, generatorUrl: string, upFactor: number, widths: Widths, seed: number): Promise<tf.Tensor4D> {
  const smallShape = xInput.shape.slice(1);
  const saved = await tf.loadLayersModel(generatorUrl);
  const model = new Model({ generator: buildGenerator(smallShape, upFactor, widths), discriminator: buildDiscriminator(smallShape, upFactor, widths) });
  try {
    model.generator.setWeights(saved.getWeights());
    return model.sample(['normal', xInput], { seed }) as tf.Tensor4D;
  } finally {
    saved.dispose();
    model.dispose();
  }
}

/** What a run reports: the history, the sizes it upsampled to, and where its files went. */
export interface UpsampleRun {
  history: History;
  /** `[height, width]` of each stage, from the downsampled input up. */
  sizes: [number, number][];
  out: string;
  files: string[];
}

export async function run(options: UpsampleGanOptions = {}): Promise<UpsampleRun> {
  const { tiny = false, seed = 0, verbose, dataset = 'mnist', resetWeights = false } = options;
  if (dataset !== 'mnist' && dataset !== 'cifar') throw new Error(`dataset should be "mnist" or "cifar". Received: dataset=${dataset}`);
  const out = outDir(spec, options);
  // upsample_gan.py: 10 epochs on the whole training set in batches of 100,
  // then 4 rounds of upsampling. Tiny: 2 epochs on 16 images in batches of 8,
  // channels / 32, and 1 round: tfjs's cpu Conv2DBackpropFilter manages about
  // 2M multiply-adds a second.
  const epochs = options.epochs ?? (tiny ? 2 : 10);
  const batchSize = tiny ? 8 : 100;
  const widths: Widths = tiny ? { conv: 2, mix: 4 } : FULL;
  const rounds = tiny ? 1 : 4;
  const images = dataset === 'mnist' ? await mnistData({ tiny, range: [0, 1] }) : await cifar10Data(options.data, { range: [0, 1], ...(tiny ? { limit: 16 } : {}) });
  const take = tiny ? 16 : images.xtrain.shape[0]!;
  const xData = tf.tidy(() => {
    const x = images.xtrain.slice(0, take);
    return (x.rank === 3 ? x.expandDims(-1) : x) as tf.Tensor4D;
  });
  tf.dispose(Object.values(images));
  // Downsamples by averaging adjacent pixels; the seed's float up_factor (a
  // Python 3 division) is the integer 2 it meant.
  const xLowDim = meanBins(xData);
  const upFactor = xData.shape[1] / xLowDim.shape[1];
  const smallShape = xLowDim.shape.slice(1);
  const checkpoint = join(out, 'checkpoint');
  const generatorUrl = `file://${join(out, 'generator')}`;
  const model = new Model({ generator: buildGenerator(smallShape, upFactor, widths), discriminator: buildDiscriminator(smallShape, upFactor, widths) });
  const files: string[] = [];
  const stages: tf.Tensor4D[] = [];
  try {
    model.compile({ optimizer: tf.train.adam(1e-4, 0.9, 0.999, 1e-8), loss: { dis: 'binary_crossentropy', gen: 'binary_crossentropy' } });
    if (existsSync(join(checkpoint, 'model.json')) && !resetWeights) {
      // As the seed's load_weights: the networks' weights, not the optimizers' state.
      const previous = await Model.load(`file://${checkpoint}`);
      try {
        model.generator.setWeights(previous.generator.getWeights());
        model.discriminator.setWeights(previous.discriminator.getWeights());
      } catch (e) {
        throw new Error(`The checkpoint in ${checkpoint} does not fit these networks (another --dataset or --tiny?); pass --reset-weights. ${(e as Error).message}`);
      } finally {
        previous.dispose();
      }
      say(verbose, `Loaded weights from ${checkpoint}`);
    }
    // Inputs: G's noise and small image, the real image, then D's small image (the conditional input both paths share).
    // Targets: G's fakes and real images -> 1, D's view of fakes -> 0.
    const history = await model.fit(
      ['normal', xLowDim, xData, xLowDim],
      { gen_real: '1', fake: '0' },
      {
        batchSize,
        epochs,
        seed,
        verbose: false,
        callbacks: [progressLine(epochs, verbose, ['generator_loss', 'discriminator_loss'])],
      },
    );
    files.push(await saveCheckpoint(model, out));
    say(verbose, `Saved weights to "${files.at(-1)}"`);
    await model.generator.save(generatorUrl);
    files.push(generatorUrl);
    say(verbose, `Saved generator weights to "${generatorUrl}"`);

    stages.push(xLowDim.slice(0, 3), xData.slice(0, 3));
    for (let i = 0; i < rounds; i++) {
      stages.push(await upsample(stages.at(-1)!, generatorUrl, upFactor, widths, seed + i));
      say(verbose, `New shape: [${stages.at(-1)!.shape.join(', ')}]`);
    }
    for (const [i, stage] of stages.entries()) {
      const [, h, w] = stage.shape;
      const path = `${out}/stage-${i}-${h}x${w}.png`;
      // As the seed's imshow(-x, cmap='gray') for MNIST: dark strokes on white (colour images as they are).
      const gray = stage.shape[3] === 1;
      const shown = gray ? tf.neg(stage) : stage;
      await writeGrid(path, shown, { rows: 1, cols: 3, range: gray ? [-1, 0] : [0, 1] });
      if (gray) shown.dispose();
      files.push(path);
    }
    await writeHistory(out, history);
    files.push(`${out}/history.csv`);
    say(verbose, `wrote ${files.length} files to ${out}`);
    return { history, sizes: stages.map((s) => [s.shape[1], s.shape[2]]), out, files };
  } finally {
    tf.dispose([xData, xLowDim, ...stages]);
    model.dispose();
  }
}

await main(import.meta, spec, run);
