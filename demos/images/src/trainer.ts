import * as tf from '@tensorflow/tfjs';
import { ganLoss, ganTraining, runModel, type CreateContext } from '@gandlf/demo-shell/kit';
import { imageGrid, type Trainer } from '@gandlf/demo-shell/worker';
import { Model } from 'gandlf';
import type { ImagesKnobs } from './config';
import { currentData, fromFiles, setData, SIDE, type ImageSet } from './data';
import { buildNetworks } from './models';

/** Seed of the latent batch the grid is drawn from: the same images every time. */
const GRID_SEED = 7;
const RUN = 'gan';
/** Real images shown beside the samples. */
const SHOWN = 16;

/** The images trainer: one GAN on 32x32 RGB images, whose data the user can swap while it trains. */
export async function createTrainer(knobs: ImagesKnobs, context: CreateContext): Promise<Trainer> {
  const { batches } = context;
  const { targets, activation, loss } = ganLoss(knobs.loss);
  const model = runModel(context, {
    key: RUN,
    kind: Model,
    seed: knobs.seed,
    build() {
      const gan = new Model(buildNetworks(knobs, activation));
      gan.compile({ ...ganTraining(knobs), loss });
      return gan;
    },
  });
  const shape = model.generator.outputs[0]!.shape.slice(1) as number[];
  if (shape.reduce((a, b) => a * b, 1) !== SIDE * SIDE * 3) {
    throw new Error(`The generator makes samples of shape [${shape.join(',')}], not ${SIDE}x${SIDE} RGB images.`);
  }
  const pixels = SIDE * SIDE * 3;

  let data: ImageSet = currentData(knobs.seed);
  const stream = batches({ seed: knobs.seed, count: data.count });
  const use = (set: ImageSet) => {
    data = set;
    stream.reset(set.count);
  };
  const nextBatch = (): tf.Tensor => {
    const n = Math.min(knobs.batchSize, data.count);
    return tf.tensor(stream.gather(data.images, pixels, n).values, [n, ...shape]);
  };

  return {
    runs: [{ key: RUN, label: knobs.architecture === 'mlp' ? 'MLP GAN' : 'DCGAN', model }],
    async step(only) {
      const x = nextBatch();
      try {
        return { [RUN]: await model.trainOnBatch(['normal', x], targets, { only }) };
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
    dispose: () => model.dispose(),
  };
}
