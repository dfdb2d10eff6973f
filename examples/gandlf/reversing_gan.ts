// gandlf's reversing_gan.py: maps an image back to a latent vector by
// gradient descent on the generator's input, before and after training the
// GAN (a conditional MLP ACGAN on MNIST), to show that training makes the
// latent space reach real digits.
//   pnpm example examples/gandlf/reversing_gan.ts [--tiny]
import * as tf from '@tensorflow/tfjs';
import 'gandlf/node';
import { Model, Random, type History } from 'gandlf';
import { main, outDir, type ExampleOptions, type ExampleSpec } from '../support/cli';
import { mnistData } from '../support/data';
import { saveCheckpoint, say, writeGrid, writeHistory } from '../support/output';
import { progressLine } from '../support/train';

export const spec: ExampleSpec = {
  name: 'gandlf/reversing_gan',
  summary: 'Gradient descent from a generated image back to its latent vector, before and after training the GAN (gandlf reversing_gan.py).',
  notes: [
    "Writes reference.png (test digit 5) and, for each pass, a grid of G's output every 10 descent steps, where the seed saves a GIF:",
    'before_training_generator.png and after_training_generator.png.',
  ],
};

/** G(z, class): the latent plus a Dense(100) projection of the one-hot class, two Dense(512) + LeakyReLU, a tanh image. */
export function buildGenerator(hidden = 512): tf.LayersModel {
  const latent = tf.input({ shape: [100], name: 'latent' });
  const imageClass = tf.input({ shape: [10], name: 'image_class' });
  const d = tf.layers.dense({ units: 100 }).apply(imageClass) as tf.SymbolicTensor;
  let h = tf.layers.add().apply([latent, d]) as tf.SymbolicTensor;
  for (let i = 0; i < 2; i++) h = tf.layers.leakyReLU().apply(tf.layers.dense({ units: hidden }).apply(h)) as tf.SymbolicTensor;
  const flat = tf.layers.dense({ units: 28 * 28, activation: 'tanh' }).apply(h);
  return tf.model({ inputs: [latent, imageClass], outputs: tf.layers.reshape({ targetShape: [28, 28, 1] }).apply(flat) as tf.SymbolicTensor, name: 'generator' });
}

/** D(x) -> [s (real or fake), c (the digit, softmax)]: two Dense(512) + Dropout(0.3) + LeakyReLU. */
export function buildDiscriminator(hidden = 512): tf.LayersModel {
  const image = tf.input({ shape: [28, 28, 1], name: 'real_data' });
  let h = tf.layers.flatten().apply(image) as tf.SymbolicTensor;
  for (let i = 0; i < 2; i++) {
    h = tf.layers.leakyReLU().apply(tf.layers.dropout({ rate: 0.3 }).apply(tf.layers.dense({ units: hidden }).apply(h))) as tf.SymbolicTensor;
  }
  const fake = tf.layers.dense({ units: 1, activation: 'sigmoid', name: 's' }).apply(h) as tf.SymbolicTensor;
  const aux = tf.layers.dense({ units: 10, activation: 'softmax', name: 'c' }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: image, outputs: [fake, aux], name: 'discriminator' });
}

/** One descent from a random latent towards `xSample`: G's output before each round of steps, and its squared error. */
export interface Reversal {
  /** `[frames, 28, 28, 1]`; yours to dispose. */
  frames: tf.Tensor4D;
  /** `sum((G(z, y) - x)^2)` at each frame. */
  errors: number[];
}

/**
 * reversing_gan.py's `reverse_generator`: plain gradient descent on
 * `sum((G(z, y) - x)^2)` with respect to `z` only, `updateRate` times the
 * gradient per step, `steps` steps between frames. G's weights do not change.
 * (`latent.latentSearch` does the same with Adam on the mean error.)
 */
export async function reverseGenerator(
  generator: tf.LayersModel,
  xSample: tf.Tensor,
  ySample: tf.Tensor,
  options: { frames: number; steps: number; updateRate: number; seed: number; verbose?: boolean },
): Promise<Reversal> {
  const { frames, steps, updateRate, seed, verbose } = options;
  let z = tf.randomNormal([1, 100], 0, 1, 'float32', new Random(seed).nextSeed());
  const grad = tf.grad((latent: tf.Tensor) => tf.sum(tf.square(tf.sub(generator.apply([latent, ySample]) as tf.Tensor, xSample))));
  const shots: tf.Tensor[] = [];
  const errors: number[] = [];
  try {
    for (let i = 0; i < frames; i++) {
      const frame = generator.predict([z, ySample]) as tf.Tensor;
      shots.push(frame);
      const [error, mean, std] = await Promise.all(
        tf
          .tidy(() => {
            const { mean, variance } = tf.moments(z);
            return [tf.sum(tf.square(tf.sub(frame, xSample))), mean, tf.sqrt(variance)];
          })
          .map(async (t) => {
            const v = (await t.data())[0]!;
            t.dispose();
            return v;
          }),
      );
      errors.push(error!);
      say(verbose, `${i}: latent_vec mean=${mean!.toFixed(6)}, std=${std!.toFixed(6)}, squared error=${error!.toFixed(2)}`);
      for (let s = 0; s < steps; s++) {
        const next = tf.tidy(() => tf.sub(z, tf.mul(grad(z), updateRate)));
        z.dispose();
        z = next;
      }
    }
    return { frames: tf.concat(shots, 0) as tf.Tensor4D, errors };
  } finally {
    tf.dispose([z, ...shots]);
  }
}

/** What a run reports: the history, the two descents' errors, and where its files went. */
export interface ReversingRun {
  history: History;
  /** Squared error of G's output against the digit at each frame, before and after training. */
  errors: { before: number[]; after: number[] };
  out: string;
  files: string[];
}

export async function run(options: ExampleOptions = {}): Promise<ReversingRun> {
  const { tiny = false, seed = 0, verbose } = options;
  const out = outDir(spec, options);
  // reversing_gan.py: 60 frames of 10 steps at rate 0.1, hidden layers of
  // 512, and 1 epoch on all of MNIST. Tiny: 12 frames, layers of 64, 2 epochs on 128 digits.
  const epochs = options.epochs ?? (tiny ? 2 : 1);
  const frames = tiny ? 12 : 60;
  const hidden = tiny ? 64 : 512;
  const descent = { frames, steps: 10, updateRate: 0.1, verbose };
  const data = await mnistData({ tiny, range: [-1, 1] });
  const generator = buildGenerator(hidden);
  const model = new Model({ generator, discriminator: buildDiscriminator(hidden) });
  const n = tiny ? 128 : data.xtrain.shape[0]!;
  const [xTrain, yTrain, xSample, ySample] = tf.tidy(() => [
    data.xtrain.slice(0, n).expandDims(-1),
    tf.oneHot(data.ytrain.slice(0, n), 10).toFloat(),
    // The seed's X_test[5:6] and y_test[5:6].
    data.xtest.slice(5, 1).expandDims(-1),
    tf.oneHot(data.ytest.slice(5, 1), 10).toFloat(),
  ]);
  const files: string[] = [];
  const writeReversal = async (title: string, reversal: Reversal) => {
    const path = `${out}/${title.toLowerCase().replace(/ /g, '_')}.png`;
    await writeGrid(path, reversal.frames, { cols: 10, range: [-1, 1] });
    reversal.frames.dispose();
    files.push(path);
  };
  try {
    await writeGrid(`${out}/reference.png`, xSample, { range: [-1, 1] });
    files.push(`${out}/reference.png`);
    say(verbose, 'Before training generator');
    const before = await reverseGenerator(generator, xSample, ySample, { ...descent, seed });
    await writeReversal('Before training generator', before);

    // The seed's optimizer list is [discriminator, generator]: D takes Adam, G plain SGD.
    // Its loss list means one loss per output; with two outputs a list of two
    // could also mean [gen and real, fake], which Model rejects, so name them.
    model.compile({ optimizer: { discriminator: 'adam', generator: 'sgd' }, loss: { s: 'binary_crossentropy', c: 'categorical_crossentropy' }, lossWeights: { s: 1, c: 1, c_fake: 0 } });
    const history = await model.fit(
      ['normal', yTrain, xTrain],
      { s: 'ones', s_fake: 'zeros', c: yTrain },
      { epochs, batchSize: 32, seed, verbose: false, callbacks: [progressLine(epochs, verbose, ['generator_loss', 'discriminator_loss'])] },
    );

    say(verbose, 'After training generator');
    const after = await reverseGenerator(generator, xSample, ySample, { ...descent, seed });
    await writeReversal('After training generator', after);
    await writeHistory(out, history);
    files.push(`${out}/history.csv`, await saveCheckpoint(model, out));
    say(verbose, `wrote ${files.length} files to ${out}`);
    return { history, errors: { before: before.errors, after: after.errors }, out, files };
  } finally {
    tf.dispose([xTrain, yTrain, xSample, ySample, data.xtrain, data.ytrain, data.xtest, data.ytest]);
    model.dispose();
  }
}

await main(import.meta, spec, run);
