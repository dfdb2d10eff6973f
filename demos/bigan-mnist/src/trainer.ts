import * as tf from '@tensorflow/tfjs';
import { mnistSampleQuality } from '@gandlf/demo-shell/mnist-quality';
import { adam, adversarialOptimizer, imageGrid, restoredRun, type CreateContext, type Trainer } from '@gandlf/demo-shell/worker';
import { AdversarialModel, helpers, Random } from 'gandlf';
import type { BiganKnobs } from './config';
import { loadMnist } from '@gandlf/demo-shell/mnist';
import { buildNetworks, type Networks } from './models';

/** Seed of the latent batch the sample grid is drawn from: the same digits every time. */
const GRID_SEED = 7;
const RUN = 'bigan';

/** The loss knob fixes D's head and the targets (keras_adversarial's gan_targets, or their hinge version). */
function lossSetup(loss: string): { head: 'sigmoid' | 'linear'; targets: (n: number) => tf.Tensor2D[] } {
  if (loss === 'binaryCrossentropy') return { head: 'sigmoid', targets: helpers.ganTargets };
  if (loss === 'hinge') return { head: 'linear', targets: helpers.ganTargetsHinge };
  if (loss === 'meanSquaredError') return { head: 'linear', targets: helpers.ganTargets };
  throw new Error(`Unknown loss. Expected binaryCrossentropy, hinge or meanSquaredError. Received: ${loss}`);
}

/** The networks inside a BiGAN game model (fresh or loaded): its layers named generator, encoder, discriminator. */
function networksOf(model: AdversarialModel): Networks {
  const base = model.playerModels[0]!;
  const get = (name: string) => base.getLayer(name) as tf.LayersModel;
  return { generator: get('generator'), encoder: get('encoder'), discriminator: get('discriminator') };
}

/** Loads a BiGAN checkpoint (the shell's default loader builds gandlf Models). */
export const loadRun = (url: string) => AdversarialModel.load(url);

/**
 * The BiGAN trainer: players generator+encoder vs discriminator on
 * `simpleBigan(G, E, D)`, as keras_adversarial's example_bigan.
 */
export async function createTrainer(knobs: BiganKnobs, { restored, progress }: CreateContext): Promise<Trainer> {
  const data = await loadMnist(knobs.split, knobs.limit, progress);
  const pixels = data.height * data.width;
  const { head, targets } = lossSetup(knobs.loss);

  let model: AdversarialModel;
  if (restored) {
    model = restoredRun(restored, RUN, AdversarialModel);
  } else {
    progress('Building the networks…');
    const { generator, encoder, discriminator } = buildNetworks(knobs, head);
    model = new AdversarialModel({
      baseModel: helpers.simpleBigan(generator, encoder, discriminator),
      playerParams: [[...generator.trainableWeights, ...encoder.trainableWeights], discriminator.trainableWeights],
      playerNames: ['generator', 'discriminator'],
    });
    model.compile({
      adversarialOptimizer: adversarialOptimizer(knobs.adversarialOptimizer, knobs.unrollDepth),
      playerOptimizers: [adam(knobs.lrG, knobs.beta1), adam(knobs.lrD, knobs.beta1)],
      loss: knobs.loss,
    });
    model.setSeed(knobs.seed);
  }
  const nets = networksOf(model);
  const latentDim = nets.generator.inputs[0]!.shape[1]!;

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
  // [G: yFake, yReal; D: yFake, yReal]; the batch size never changes, so they are made once.
  const y = targets(n);
  // The first digits of the set, always the same ones, for the reconstruction row.
  const k = Math.min(knobs.reconstructions, data.count);
  const shown = tf.tensor2d(data.images.slice(0, k * pixels), [k, pixels]);
  const zSource = (batch: number, random: Random) => tf.randomNormal([batch, latentDim], 0, 1, 'float32', random.nextSeed());

  return {
    runs: [{ key: RUN, label: 'BiGAN', model, generator: nets.generator }],
    async step() {
      const x = nextBatch();
      try {
        return { [RUN]: await model.trainOnBatch([zSource, x], y) };
      } finally {
        x.dispose();
      }
    },
    async view() {
      const g = knobs.gridSize * knobs.gridSize;
      const [samples, pairs] = tf.tidy(() => {
        const z = tf.randomNormal([g, latentDim], 0, 1, 'float32', GRID_SEED);
        const s = (nets.generator.predict(z) as tf.Tensor).reshape([g, 28, 28, 1]) as tf.Tensor4D;
        const recon = nets.generator.predict(nets.encoder.predict(shown) as tf.Tensor) as tf.Tensor;
        // real 1, G(E(real 1)), real 2, G(E(real 2)), ...
        const p = tf.stack([shown, recon], 1).reshape([2 * k, 28, 28, 1]) as tf.Tensor4D;
        return [s, p];
      });
      try {
        const grid = await imageGrid(samples, { cols: knobs.gridSize });
        const row = await imageGrid(pairs, { cols: 2 * k });
        return {
          kind: 'panels',
          panels: [
            { ...grid, caption: 'G(z), fixed z' },
            { ...row, caption: 'x, G(E(x))' },
          ],
        };
      } finally {
        tf.dispose([samples, pairs]);
      }
    },
    quality: () => mnistSampleQuality((n) => tf.tidy(() => nets.generator.predict(tf.randomNormal([n, latentDim], 0, 1, 'float32', 11)) as tf.Tensor)),
    dispose() {
      tf.dispose([...y, shown]);
      model.dispose();
    },
  };
}
