import * as tf from '@tensorflow/tfjs';
import { adam, adversarialOptimizer, disposeModel, ganLoss, imageGrid, restoredRun, type CreateContext, type Trainer } from '@gandlf/demo-shell/worker';
import { Model, Random } from 'gandlf';
import type { ImagesKnobs } from './config';
import { currentData, fromFiles, setData, SIDE, type ImageSet } from './data';
import { buildNetworks } from './models';

/** Seed of the latent batch the grid is drawn from: the same images every time. */
const GRID_SEED = 7;
const RUN = 'gan';
/** Real images shown beside the samples. */
const SHOWN = 16;

/** The images trainer: one GAN on 32x32 RGB images, whose data the user can swap while it trains. */
export async function createTrainer(knobs: ImagesKnobs, { restored, progress }: CreateContext): Promise<Trainer> {
  const { targets, activation, loss } = ganLoss(knobs.loss);
  let model: Model;
  if (restored) {
    model = restoredRun(restored, RUN, Model);
  } else {
    progress('Building the networks…');
    model = new Model(buildNetworks(knobs, activation));
    model.compile({
      optimizer: [adam(knobs.lrD, knobs.beta1), adam(knobs.lrG, knobs.beta1)],
      loss,
      adversarialOptimizer: adversarialOptimizer(knobs.adversarialOptimizer, knobs.unrollDepth),
    });
    model.adversarial.random = new Random(knobs.seed);
  }
  const shape = model.generator.outputs[0]!.shape.slice(1) as number[];
  if (shape.reduce((a, b) => a * b, 1) !== SIDE * SIDE * 3) {
    throw new Error(`The generator makes samples of shape [${shape.join(',')}], not ${SIDE}x${SIDE} RGB images.`);
  }
  const pixels = SIDE * SIDE * 3;

  const rng = new Random(knobs.seed + model.step);
  let data: ImageSet;
  let order: Int32Array;
  let cursor = 0;
  const use = (set: ImageSet) => {
    data = set;
    order = rng.permutation(set.count);
    cursor = 0;
  };
  use(currentData(knobs.seed));
  const nextBatch = (): tf.Tensor => {
    const n = Math.min(knobs.batchSize, data.count);
    const buf = new Float32Array(n * pixels);
    for (let i = 0; i < n; i++) {
      if (cursor === order.length) [order, cursor] = [rng.permutation(data.count), 0];
      const row = order[cursor++]!;
      buf.set(data.images.subarray(row * pixels, (row + 1) * pixels), i * pixels);
    }
    return tf.tensor(buf, [n, ...shape]);
  };

  return {
    runs: [{ key: RUN, label: knobs.architecture === 'mlp' ? 'MLP GAN' : 'DCGAN', model }],
    async step() {
      const x = nextBatch();
      try {
        return { [RUN]: await model.trainOnBatch(['normal', x], targets) };
      } finally {
        x.dispose();
      }
    },
    async input(files) {
      // Parsing may throw (a corrupt file): the old data stays in use.
      const set = await fromFiles(files);
      setData(set);
      use(set);
      return set.description;
    },
    async view() {
      const n = knobs.gridSize * knobs.gridSize;
      const k = Math.min(SHOWN, data.count);
      const [samples, reals] = tf.tidy(() => [
        (model.sample(['normal'], { numSamples: n, seed: GRID_SEED }) as tf.Tensor).reshape([n, SIDE, SIDE, 3]) as tf.Tensor4D,
        tf.tensor4d(data.images.slice(0, k * pixels), [k, SIDE, SIDE, 3]),
      ]);
      try {
        const grid = await imageGrid(samples, { cols: knobs.gridSize });
        const real = await imageGrid(reals, { cols: 4 });
        return {
          kind: 'panels',
          panels: [
            { ...grid, caption: 'G(z), fixed z' },
            { ...real, caption: `training images (${data.kind})` },
          ],
          dataset: { trainingData: data.kind, trainingCount: String(data.count) },
        };
      } finally {
        tf.dispose([samples, reals]);
      }
    },
    dispose: () => disposeModel(model),
  };
}
