// gandlf's xor.py, "Hello Gandlf!": a GAN learns four normal-ish blobs centred
// near (±0.8, ±0.8), as an Auxiliary Classifier GAN by default (D also says
// which blob a point is from, and G is told which blob to draw from).
//   pnpm example examples/gandlf/xor.ts [--tiny] [--unsupervised] [--minibatch-discriminate]
//
// Classes on the plane (class = [x > 0] + 2 [y > 0]):   2 | 3
//                                                      --+--
//                                                       0 | 1
import { mkdir, writeFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { encodePng } from 'gandlf/node';
import { layers, losses, Model, Random, type History } from 'gandlf';
import { main, outDir, type ExampleOptions, type ExampleSpec } from '../support/cli';
import { saveCheckpoint, say, writeHistory } from '../support/output';
import { progressLine } from '../support/train';

export const spec: ExampleSpec = {
  name: 'gandlf/xor',
  summary: 'A GAN on four 2-D blobs (gandlf xor.py): an ACGAN by default, a vanilla GAN with --unsupervised.',
  notes: ['Writes scatter.png: real points in grey, generated points coloured by the class G was asked for.'],
  flags: {
    unsupervised: { type: 'boolean', help: 'train as a vanilla GAN (the class loss weighs 0), as xor.py --unsupervised' },
    minibatchDiscriminate: { type: 'boolean', help: 'give D a BatchSimilarity layer, as xor.py --minibatch_discriminate' },
    nbBatch: { type: 'number', help: 'samples per batch (default 100)' },
    nbLatent: { type: 'number', help: 'dimensions of the latent vector (default 10)' },
    nbSamples: { type: 'number', help: 'training samples (default 10000; --tiny 2000)' },
  },
};

/** xor.py's flags besides the shared ones. */
export interface XorOptions extends ExampleOptions {
  /** Class loss weight 0: a vanilla GAN that ignores the class. @default false */
  unsupervised?: boolean;
  /** Minibatch discrimination in D. @default false */
  minibatchDiscriminate?: boolean;
  /** Batch size. @default 100 */
  nbBatch?: number;
  /** Latent dimensions. @default 10 */
  nbLatent?: number;
  /** Training samples. @default 10000 (tiny: 2000) */
  nbSamples?: number;
}

/** xor.py's `get_training_data`: corners of [-0.8, 0.8]² plus U(-0.1, 0.1) noise, with the class as a number and one-hot. */
export function trainingData(numSamples: number, seed: number): { x: tf.Tensor2D; y: tf.Tensor2D; yOhe: tf.Tensor2D } {
  const r = new Random(seed);
  return tf.tidy(() => {
    const bits = tf.randomUniform([numSamples, 2], 0, 2, 'int32', r.nextSeed());
    const cls = tf.add(bits.slice([0, 0], [-1, 1]), tf.mul(bits.slice([0, 1], [-1, 1]), 2)) as tf.Tensor2D;
    const x = tf.add(tf.sub(tf.mul(bits.toFloat(), 1.6), 0.8), tf.randomUniform([numSamples, 2], -0.1, 0.1, 'float32', r.nextSeed())) as tf.Tensor2D;
    return { x, y: cls.toFloat(), yOhe: tf.oneHot(cls.reshape([-1]).toInt(), 4).toFloat() as tf.Tensor2D };
  });
}

// tfjs initializers draw unseeded; the seeded ones make --seed reproduce a run.
const glorot = (r: Random) => tf.initializers.glorotUniform({ seed: r.nextSeed() });

/** G(z, class): z times the class's embedding, through Dense(64) and LeakyReLU to a tanh point. */
export function buildGenerator(latentSize: number, r: Random): tf.LayersModel {
  const latent = tf.input({ shape: [latentSize], name: 'latent_input' });
  const cls = tf.input({ shape: [1], name: 'class_input' });
  const embedded = tf.layers.embedding({ inputDim: 4, outputDim: latentSize, embeddingsInitializer: tf.initializers.glorotNormal({ seed: r.nextSeed() }) }).apply(cls);
  const h0 = tf.layers.multiply().apply([latent, tf.layers.flatten().apply(embedded) as tf.SymbolicTensor]);
  const h = tf.layers.leakyReLU().apply(tf.layers.dense({ units: 64, kernelInitializer: glorot(r) }).apply(h0));
  const out = tf.layers.activation({ activation: 'tanh' }).apply(tf.layers.dense({ units: 2, kernelInitializer: glorot(r) }).apply(h));
  return tf.model({ inputs: [latent, cls], outputs: out as tf.SymbolicTensor, name: 'generator' });
}

/** D(x) -> [src (real or fake), class (4 sigmoids, as in xor.py)]. */
export function buildDiscriminator(useMinibatchDiscrimination: boolean, r: Random): tf.LayersModel {
  const input = tf.input({ shape: [2], name: 'data_input' });
  let h: tf.SymbolicTensor = input;
  if (useMinibatchDiscrimination) {
    const sims = new layers.BatchSimilarity({ seed: r.nextSeed() }).apply(input) as tf.SymbolicTensor;
    h = tf.layers.concatenate().apply([input, sims]) as tf.SymbolicTensor;
  }
  h = tf.layers.leakyReLU().apply(tf.layers.dense({ units: 64, kernelInitializer: glorot(r) }).apply(h)) as tf.SymbolicTensor;
  const src = tf.layers.activation({ activation: 'sigmoid', name: 'src' }).apply(tf.layers.dense({ units: 1, kernelInitializer: glorot(r) }).apply(h));
  const cls = tf.layers.activation({ activation: 'sigmoid', name: 'class' }).apply(tf.layers.dense({ units: 4, kernelInitializer: glorot(r) }).apply(h));
  return tf.model({ inputs: input, outputs: [src as tf.SymbolicTensor, cls as tf.SymbolicTensor], name: 'discriminator' });
}

/** The class of a point by its quadrant: `[x > 0] + 2 [y > 0]`. */
const quadrantOf = (px: number, py: number) => (px > 0 ? 1 : 0) + (py > 0 ? 2 : 0);

const COLOURS: readonly (readonly [number, number, number])[] = [
  [31, 119, 180],
  [255, 127, 14],
  [44, 160, 44],
  [214, 39, 40],
];

/** A scatter plot as RGBA: real points grey, generated points in their class's colour, axes through 0. */
export function scatterRgba(real: Float32Array, fake: Float32Array, fakeClass: Int32Array, size = 256): Uint8Array {
  const rgba = new Uint8Array(size * size * 4).fill(255);
  const put = (px: number, py: number, c: readonly [number, number, number], radius: number) => {
    // [-1.2, 1.2]² onto the canvas, y up.
    const cx = Math.round(((px + 1.2) / 2.4) * (size - 1));
    const cy = Math.round(((1.2 - py) / 2.4) * (size - 1));
    for (let dy = -radius; dy <= radius; dy++) {
      for (let dx = -radius; dx <= radius; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        if (x < 0 || y < 0 || x >= size || y >= size) continue;
        rgba.set([...c, 255], (y * size + x) * 4);
      }
    }
  };
  for (let i = 0; i < size; i++) {
    const mid = Math.round((size - 1) / 2);
    rgba.set([0, 0, 0, 255], (mid * size + i) * 4);
    rgba.set([0, 0, 0, 255], (i * size + mid) * 4);
  }
  for (let i = 0; i < real.length / 2; i++) put(real[2 * i]!, real[2 * i + 1]!, [190, 190, 190], 0);
  for (let i = 0; i < fake.length / 2; i++) put(fake[2 * i]!, fake[2 * i + 1]!, COLOURS[fakeClass[i]!]!, 1);
  return rgba;
}

/** What a run reports: the history, the quadrant claim, and where its files went. */
export interface XorRun {
  history: History;
  /** Share of generated points that fall in the quadrant of the class G was given (chance: 0.25). */
  quadrantAccuracy: number;
  /** D's class accuracy on real and on generated points (ACGAN runs only). */
  classAccuracy?: { real: number; generated: number };
  out: string;
  files: string[];
}

export async function run(options: XorOptions = {}): Promise<XorRun> {
  const { tiny = false, seed = 0, verbose, unsupervised = false, minibatchDiscriminate = false, nbBatch = 100, nbLatent = 10 } = options;
  const out = outDir(spec, options);
  // xor.py's defaults: 1 epoch of 10,000 samples in batches of 100, a 10-d
  // latent, Adam(0.001). Tiny: 12 epochs of 2,000 samples (240 steps) at 10x
  // the learning rate, which puts G's points in their quadrant (87-99% at
  // seeds 0-5 on cpu) within a few seconds; at xor.py's rate the class takes
  // about 500 steps to sink in.
  const epochs = options.epochs ?? (tiny ? 12 : 1);
  const numSamples = options.nbSamples ?? (tiny ? 2000 : 10_000);
  const learningRate = tiny ? 0.01 : 0.001;
  const r = new Random(seed);
  const data = trainingData(numSamples, r.nextSeed());
  const model = new Model({ generator: buildGenerator(nbLatent, r), discriminator: buildDiscriminator(minibatchDiscriminate, r) });
  // D's real/fake loss weighs 3 (as in xor.py); turning the class output's
  // weight to 0 turns the ACGAN into a vanilla GAN.
  const lossWeights = { src_dis: 3, src_gen: 1, class: unsupervised ? 0 : 1 };
  // D learns real -> 1, fake -> 0 with cross-entropy; G takes the minimax
  // loss log(1 - D(G(z))) (negative cross-entropy on target 1).
  const loss = { src_dis: 'binary_crossentropy', src_gen: losses.negativeBinaryCrossentropy, class: 'categorical_crossentropy' };
  // Keras 1's Adam (epsilon 1e-8); one optimizer gives each network its own copy.
  model.compile({ optimizer: tf.train.adam(learningRate, 0.9, 0.999, 1e-8), loss, metrics: ['accuracy'], lossWeights });
  const files: string[] = [];
  // 100 points of each class, for the quadrant count and the scatter.
  const probe = tf.tensor2d(
    Array.from({ length: 400 }, (_, i) => i % 4),
    [400, 1],
  );
  try {
    say(verbose, `xor: ${unsupervised ? 'vanilla GAN' : 'ACGAN'}${minibatchDiscriminate ? ' with minibatch discrimination' : ''}, ${numSamples} samples, ${epochs} epoch(s)`);
    // Targets: G wants D to call its points real (1), D calls them fake (0) and real points real; the class target is the label in every mode.
    const history = await model.fit(
      ['normal', data.y, data.x],
      { src_gen_real: 'ones', src_fake: 'zeros', class: data.yOhe },
      {
        epochs,
        batchSize: nbBatch,
        seed,
        verbose: false,
        callbacks: [progressLine(epochs, verbose, ['generator_loss', 'discriminator_loss', 'discriminator_src_real_acc', 'generator_class_gen_acc'])],
      },
    );

    // As xor.py prints: generated points for known classes, and D's guesses.
    const fake = model.sample(['normal', probe], { seed: seed + 1 }) as tf.Tensor2D;
    const realHead = data.x.slice([0, 0], [Math.min(1000, numSamples), 2]);
    const [fakeXY, probeCls, realXY] = await Promise.all([fake.data() as Promise<Float32Array>, probe.data(), realHead.data() as Promise<Float32Array>]);
    realHead.dispose();
    let hits = 0;
    for (let i = 0; i < 400; i++) if (quadrantOf(fakeXY[2 * i]!, fakeXY[2 * i + 1]!) === probeCls[i]) hits++;
    const quadrantAccuracy = hits / 400;
    say(verbose, `generated points in their class's quadrant: ${(100 * quadrantAccuracy).toFixed(1)}% (chance 25%)`);
    let classAccuracy: XorRun['classAccuracy'];
    if (!unsupervised) {
      const accuracy = async (x: tf.Tensor, labels: tf.Tensor) => {
        const p = model.predict([x]) as tf.Tensor[];
        const acc = tf.tidy(() => tf.mean(tf.equal(tf.argMax(p[1]!, -1), labels.reshape([-1]).toInt()).toFloat()));
        const value = (await acc.data())[0]!;
        tf.dispose([...p, acc]);
        return value;
      };
      classAccuracy = { real: await accuracy(data.x, data.y), generated: await accuracy(fake, probe) };
      say(verbose, `D's class accuracy: ${(100 * classAccuracy.real).toFixed(1)}% on real points, ${(100 * classAccuracy.generated).toFixed(1)}% on generated ones`);
    }
    fake.dispose();

    await mkdir(out, { recursive: true });
    const scatter = `${out}/scatter.png`;
    await writeFile(scatter, encodePng(scatterRgba(realXY, fakeXY, Int32Array.from(probeCls)), 256, 256));
    await writeHistory(out, history);
    files.push(scatter, `${out}/history.csv`, await saveCheckpoint(model, out));
    say(verbose, `wrote ${files.length} files to ${out}`);
    return { history, quadrantAccuracy, ...(classAccuracy ? { classAccuracy } : {}), out, files };
  } finally {
    tf.dispose([probe, data.x, data.y, data.yOhe]);
    model.dispose();
  }
}

await main(import.meta, spec, run);
