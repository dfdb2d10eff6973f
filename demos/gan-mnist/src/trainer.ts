import * as tf from '@tensorflow/tfjs';
import { adam, adversarialOptimizer, disposeModel, ganLoss, imageGrid, restoredRun, type CreateContext, type Trainer } from '@gandlf/demo-shell/worker';
import { Model, Random } from 'gandlf';
import type { MnistKnobs } from './config';
import { loadMnist } from './data';
import { buildNetworks, imageShape } from './models';

/** Seed of the latent batch the grid is drawn from: the same digits every time. */
const GRID_SEED = 7;
const RUN = 'gan';

/** The MNIST trainer: one GAN, fed shuffled real digits batch by batch. */
export async function createTrainer(knobs: MnistKnobs, { restored, progress }: CreateContext): Promise<Trainer> {
  const data = await loadMnist(knobs.split, knobs.limit, progress);
  const pixels = data.height * data.width;
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
    // Seeds the noise of every training batch.
    model.adversarial.random = new Random(knobs.seed);
  }
  const shape = model.generator.outputs[0]!.shape.slice(1) as number[];
  if (shape.reduce((a, b) => a * b, 1) !== pixels) {
    throw new Error(`The generator makes samples of shape [${shape.join(',')}], not ${data.height}x${data.width} images.`);
  }
  const xShape = imageShape(shape.length === 1 ? 'mlp' : 'dcgan');

  // Real batches walk through a seeded permutation of the digits, epoch after epoch.
  const rng = new Random(knobs.seed + model.step);
  let order = rng.permutation(data.count);
  let cursor = 0;
  const nextBatch = (): tf.Tensor => {
    const n = Math.min(knobs.batchSize, data.count);
    const buf = new Float32Array(n * pixels);
    for (let i = 0; i < n; i++) {
      if (cursor === order.length) [order, cursor] = [rng.permutation(data.count), 0];
      const row = order[cursor++]!;
      buf.set(data.images.subarray(row * pixels, (row + 1) * pixels), i * pixels);
    }
    return tf.tensor(buf, [n, ...xShape]);
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
    async view() {
      const n = knobs.gridSize * knobs.gridSize;
      const images = tf.tidy(() => (model.sample(['normal'], { numSamples: n, seed: GRID_SEED }) as tf.Tensor).reshape([n, data.height, data.width, 1]) as tf.Tensor4D);
      try {
        return await imageGrid(images, { cols: knobs.gridSize });
      } finally {
        images.dispose();
      }
    },
    dispose: () => disposeModel(model),
  };
}
