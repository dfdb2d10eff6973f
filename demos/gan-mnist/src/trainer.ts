import * as tf from '@tensorflow/tfjs';
import { ganLoss, ganTraining, runModel, type CreateContext } from '@gandlf/demo-shell/kit';
import type { Trainer } from '@gandlf/demo-shell/worker';
import { callbacks, latent, Model, type Shortcut } from 'gandlf';
import type { MnistKnobs } from './config';
import { loadMnist } from '@gandlf/demo-shell/mnist';
import { mnistSampleQuality } from '@gandlf/demo-shell/mnist-quality';
import { drawGrid } from './grid-view';
import { buildNetworks, imageShape } from './models';
import { reconstructor } from './reconstruct';

/** Seed of the latent batch the grid is drawn from: the same digits every time. */
const GRID_SEED = 7;
/** Seed of the latents the quality metrics score. */
const QUALITY_SEED = 11;
const RUN = 'gan';
const LABELS: Record<string, string> = { mlp: 'MLP GAN', dcgan: 'DCGAN', 'mlp-plus': 'MLP GAN (residual, minibatch discrimination)', acgan: 'ACGAN', cgan: 'Conditional GAN' };

/** The MNIST trainer: one GAN, fed shuffled real digits batch by batch. */
export async function createTrainer(knobs: MnistKnobs, context: CreateContext): Promise<Trainer> {
  const { progress, batches } = context;
  const data = await loadMnist(knobs.split, knobs.limit, progress);
  const pixels = data.height * data.width;
  const { targets: srcTargets, activation, loss } = ganLoss(knobs.loss);
  const [real, fake] = srcTargets as readonly [Shortcut, Shortcut];

  const model = runModel(context, {
    key: RUN,
    kind: Model,
    seed: knobs.seed,
    build() {
      const augment = knobs.augment && knobs.augment !== 'none' ? { augment: { policy: knobs.augment, seed: knobs.seed } } : {};
      const gan = new Model({ ...buildNetworks(knobs, activation), ...augment });
      gan.compile({
        ...ganTraining(knobs),
        // ACGAN: D's class head learns the digit in every mode (categorical cross-entropy).
        loss: knobs.architecture === 'acgan' ? { src: loss, class: 'categoricalCrossentropy' } : loss,
        ...(knobs.ema > 0 ? { ema: { decay: knobs.ema } } : {}),
      });
      return gan;
    },
  });
  // Conditional: the generator takes the one-hot digit besides z (acgan, cgan); the cgan's D takes it too.
  const conditional = model.generator.inputs.length > 1;
  const conditionalD = model.discriminator.inputs.length > 1;
  const adaptive = knobs.adaptiveLr === 'on' ? callbacks.adaptiveLearningRate({ model, generatorLr: knobs.lrG, discriminatorLr: knobs.lrD }) : null;
  const shape = model.generator.outputs[0]!.shape.slice(1) as number[];
  if (shape.reduce((a, b) => a * b, 1) !== pixels) {
    throw new Error(`The generator makes samples of shape [${shape.join(',')}], not ${data.height}x${data.width} images.`);
  }
  const xShape = imageShape(shape.length === 1 ? 'mlp' : 'dcgan');

  // Real batches walk through a seeded permutation of the digits, epoch after epoch.
  const stream = batches({ seed: knobs.seed, count: data.count });
  const nextBatch = (): { x: tf.Tensor; y: tf.Tensor } => {
    const n = Math.min(knobs.batchSize, data.count);
    const { values, rows } = stream.gather(data.images, pixels, n);
    const y = new Float32Array(n * 10);
    rows.forEach((row, i) => (y[i * 10 + data.labels[row]!] = 1));
    return { x: tf.tensor(values, [n, ...xShape]), y: tf.tensor2d(y, [n, 10]) };
  };
  /** n rows of the one-hot `digit`. */
  const digitRows = (n: number) => tf.tidy(() => tf.oneHot(tf.fill([n], Number(knobs.digit) || 0, 'int32') as tf.Tensor1D, 10).toFloat());
  /** side rows of side latents, each row on a great circle between two seeded latents (interpolateLatents, spherical). */
  const interpolationRows = (side: number) =>
    tf.tidy(() => {
      const latentDim = model.generator.inputs[0]!.shape[1]!;
      const ends = tf.randomNormal([2 * side, latentDim], 0, 1, 'float32', GRID_SEED);
      const rows = [];
      for (let r = 0; r < side; r++) rows.push(latent.interpolateLatents(ends.slice(2 * r, 1), ends.slice(2 * r + 1, 1), side, { spherical: true }).reshape([side, latentDim]));
      return tf.concat(rows);
    });
  // The first digits of the file, above G's closest drawings of them (made on the first 'reconstruct' view).
  const reconstruct = reconstructor({ side: knobs.gridSize, data, sampleShape: xShape, seed: GRID_SEED });

  return {
    runs: [{ key: RUN, label: LABELS[knobs.architecture] ?? 'GAN', model }],
    async step(only) {
      const { x, y } = nextBatch();
      try {
        let logs;
        if (conditionalD) {
          // Conditional GAN: G draws the batch's digits; D's conditional input gets the same digits on the real and the fake path.
          logs = await model.trainOnBatch(['normal', y, x, y], srcTargets, { only });
        } else if (conditional) {
          // ACGAN: G draws the batch's real digits, and D's class head learns them for real and fake alike.
          logs = await model.trainOnBatch(['normal', y, x], { src: real, src_fake: fake, class: y }, { only });
        } else {
          logs = await model.trainOnBatch(['normal', x], srcTargets, { only });
        }
        adaptive?.onBatchEnd?.(model.step, logs);
        return { [RUN]: logs };
      } finally {
        tf.dispose([x, y]);
      }
    },
    // Reads knobs.digit and knobs.gridView on every draw: the shell updates them in place (live knobs).
    async view() {
      if (knobs.gridView === 'reconstruct') return reconstruct.draw(model.generator);
      const side = knobs.gridSize;
      const z = knobs.gridView === 'interpolation' && side >= 2 ? interpolationRows(side) : null;
      const digits = conditional ? digitRows(side * side) : null;
      try {
        const inputs = [z ?? 'normal', ...(digits ? [digits] : [])];
        return await drawGrid(model, { inputs, rows: side, cols: side, seed: GRID_SEED, imageShape: [data.height, data.width, 1], epoch: stream.epoch });
      } finally {
        tf.dispose([z, digits].filter((t): t is tf.Tensor => t !== null));
      }
    },
    // Conditional generators draw every digit in turn, as the metrics' class coverage expects.
    quality: () =>
      mnistSampleQuality((n) => {
        const digits = conditional
          ? tf.tidy(() =>
              tf
                .oneHot(
                  tf.tensor1d(
                    Array.from({ length: n }, (_, i) => i % 10),
                    'int32',
                  ),
                  10,
                )
                .toFloat(),
            )
          : null;
        try {
          return model.sample(digits ? ['normal', digits] : ['normal'], { numSamples: n, seed: QUALITY_SEED }) as tf.Tensor;
        } finally {
          digits?.dispose();
        }
      }),
    dispose: () => {
      reconstruct.dispose();
      model.dispose();
    },
  };
}
