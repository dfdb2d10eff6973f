import * as tf from '@tensorflow/tfjs';
import { mnistSampleQuality } from '@gandlf/demo-shell/mnist-quality';
import { adam, adversarialOptimizer, imageGrid, restoredRun, type CreateContext, type Trainer } from '@gandlf/demo-shell/worker';
import { AdversarialModel, Random } from 'gandlf';
import type { AaeKnobs } from './config';
import { loadMnist } from '@gandlf/demo-shell/mnist';
import { aaeModel, buildNetworks, type Networks } from './models';

/** Seed of the prior draws the sample grid decodes: the same digits every time. */
const GRID_SEED = 7;
const RUN = 'aae';
/** The scatter shows [-EXTENT, EXTENT]^2: about 4 standard deviations of the N(0, 1) prior. */
const EXTENT = 4;

/** The loss knob fixes D's head and the values of "real" and "fake" targets. */
function lossSetup(loss: string): { head: 'sigmoid' | 'linear'; real: number; fake: number } {
  if (loss === 'binaryCrossentropy' || loss === 'meanSquaredError') return { head: loss === 'binaryCrossentropy' ? 'sigmoid' : 'linear', real: 1, fake: 0 };
  if (loss === 'hinge') return { head: 'linear', real: 1, fake: -1 };
  throw new Error(`Unknown loss. Expected binaryCrossentropy, hinge or meanSquaredError. Received: ${loss}`);
}

function networksOf(model: AdversarialModel): Networks {
  const base = model.playerModels[0]!;
  const get = (name: string) => base.getLayer(name) as tf.LayersModel;
  return { encoder: get('encoder'), decoder: get('generator'), discriminator: get('discriminator') };
}

/** Loads an AAE checkpoint (the shell's default loader builds gandlf Models). */
export const loadRun = (url: string) => AdversarialModel.load(url);

/**
 * The AAE trainer, as keras_adversarial's example_aae: players encoder+decoder
 * ("generator") vs discriminator; outputs xpred (mean squared error, weight 1)
 * and yfake, yreal (the adversarial loss, weight `adversarialWeight`).
 */
export async function createTrainer(knobs: AaeKnobs, { restored, progress }: CreateContext): Promise<Trainer> {
  const data = await loadMnist(knobs.split, knobs.limit, progress);
  const pixels = data.height * data.width;
  const { head, real, fake } = lossSetup(knobs.loss);

  let model: AdversarialModel;
  if (restored) {
    model = restoredRun(restored, RUN, AdversarialModel);
  } else {
    progress('Building the networks…');
    const nets = buildNetworks(knobs, head);
    model = new AdversarialModel({
      baseModel: aaeModel(nets),
      playerParams: [[...nets.decoder.trainableWeights, ...nets.encoder.trainableWeights], nets.discriminator.trainableWeights],
      playerNames: ['generator', 'discriminator'],
    });
    const w = knobs.adversarialWeight;
    model.compile({
      adversarialOptimizer: adversarialOptimizer(knobs.adversarialOptimizer, knobs.unrollDepth),
      playerOptimizers: [adam(knobs.lrG, knobs.beta1), adam(knobs.lrD, knobs.beta1)],
      loss: { xpred: 'meanSquaredError', yfake: knobs.loss, yreal: knobs.loss },
      lossWeights: { xpred: 1, yfake: w, yreal: w },
    });
    model.setSeed(knobs.seed);
  }
  const nets = networksOf(model);
  const latentDim = nets.decoder.inputs[0]!.shape[1]!;

  const rng = new Random(knobs.seed + model.step);
  let order = rng.permutation(data.count);
  let cursor = 0;
  const n = Math.min(knobs.batchSize, data.count);
  const nextBatch = (): tf.Tensor2D => {
    const buf = new Float32Array(n * pixels);
    for (let i = 0; i < n; i++) {
      if (cursor === order.length) [order, cursor] = [rng.permutation(data.count), 0];
      const row = order[cursor++]!;
      buf.set(data.images.subarray(row * pixels, (row + 1) * pixels), i * pixels);
    }
    return tf.tensor2d(buf, [n, pixels]);
  };
  // The encoder+decoder wants its codes scored "real"; the discriminator wants them "fake" and prior draws "real".
  const [tReal, tFake] = [tf.fill([n, 1], real), tf.fill([n, 1], fake)];
  const zSource = (batch: number, random: Random) => tf.randomNormal([batch, latentDim], 0, 1, 'float32', random.nextSeed());
  // Fixed digits for the reconstructions and the scatter.
  const k = Math.min(knobs.reconstructions, data.count);
  const shown = tf.tensor2d(data.images.slice(0, k * pixels), [k, pixels]);
  const m = Math.min(knobs.scatterPoints, data.count);
  const scattered = tf.tensor2d(data.images.slice(0, m * pixels), [m, pixels]);
  const labels = data.labels.slice(0, m);

  return {
    runs: [{ key: RUN, label: 'AAE', model, generator: nets.decoder }],
    async step() {
      const x = nextBatch();
      try {
        return { [RUN]: await model.trainOnBatch([x, zSource], [x, tReal, tFake, x, tFake, tReal]) };
      } finally {
        x.dispose();
      }
    },
    async view() {
      const g = knobs.gridSize * knobs.gridSize;
      const [samples, pairs, codes] = tf.tidy(() => {
        const z = tf.randomNormal([g, latentDim], 0, 1, 'float32', GRID_SEED);
        const s = (nets.decoder.predict(z) as tf.Tensor).reshape([g, 28, 28, 1]) as tf.Tensor4D;
        const recon = nets.decoder.predict(nets.encoder.predict(shown) as tf.Tensor) as tf.Tensor;
        const p = tf.stack([shown, recon], 1).reshape([2 * k, 28, 28, 1]) as tf.Tensor4D;
        const c = nets.encoder.predict(scattered) as tf.Tensor2D;
        // The first two dimensions of the code (the whole code at latent size 2; zero-padded at 1).
        const xy = latentDim >= 2 ? c.slice([0, 0], [m, 2]) : tf.concat([c, tf.zerosLike(c)], 1);
        return [s, p, xy];
      });
      try {
        const grid = await imageGrid(samples, { cols: knobs.gridSize });
        const row = await imageGrid(pairs, { cols: 2 });
        const points = (await codes.data()) as Float32Array;
        return {
          kind: 'panels',
          panels: [
            { ...grid, caption: 'decoder(z), z ~ N(0, 1)' },
            { ...row, caption: 'x, decoder(E(x))' },
            { kind: 'scatter', extent: EXTENT, points, labels, caption: latentDim === 2 ? 'E(x) by digit' : `E(x) by digit (dims 1-2 of ${latentDim})` },
          ],
        };
      } finally {
        tf.dispose([samples, pairs, codes]);
      }
    },
    quality: () => mnistSampleQuality((n) => tf.tidy(() => nets.decoder.predict(tf.randomNormal([n, latentDim], 0, 1, 'float32', 11)) as tf.Tensor)),
    dispose() {
      tf.dispose([tReal, tFake, shown, scattered]);
      model.dispose();
    },
  };
}
