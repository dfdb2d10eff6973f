import * as tf from '@tensorflow/tfjs';
import type { MnistData } from '@gandlf/datasets';
import { AdversarialModel, type Random } from 'gandlf';
import type { CreateContext } from '../kit/context';
import { ganLoss } from '../kit/gan';
import { layersOf, runModel } from '../kit/run-model';
import type { GanKnobs, MnistDataKnobs } from '../knobs';
import type { ImageView } from '../protocol';
import { imageGrid } from './image-grid';

/** Seed of the prior draws the sample grid decodes: the same digits every time. */
const GRID_SEED = 7;
/** Seed of the prior draws the quality metrics score. */
const QUALITY_SEED = 11;

/** The knobs a codec game reads. */
export type CodecKnobs = GanKnobs & MnistDataKnobs & { gridSize: number; reconstructions: number };

/** Options of {@link codecGame}. */
export interface CodecGameOptions {
  /** The run's key in checkpoints. */
  key: string;
  /** The layer names of the networks that decode codes into digits and encode digits into codes. */
  names: { decoder: string; encoder: string };
  /** Builds and compiles a fresh game, given the discriminator's head for the loss knob. */
  build(head: 'sigmoid' | 'linear'): AdversarialModel;
}

/** An MNIST game with an encoder, ready to train: what BiGAN and AAE share. */
export interface CodecGame {
  readonly data: MnistData;
  readonly model: AdversarialModel;
  readonly decoder: tf.LayersModel;
  readonly encoder: tf.LayersModel;
  /** Rows of every training batch. */
  readonly batchSize: number;
  /** keras_adversarial's targets for the loss knob, `[G: yfake, yreal; D: yfake, yreal]`, made once (the batch size never changes). */
  readonly targets: readonly tf.Tensor2D[];
  /** The next real batch `[batchSize, 784]`, from the checkpointed stream; the caller frees it. */
  nextBatch(): tf.Tensor2D;
  /** The prior: a batch of N(0, 1) codes from the game's seeded stream. */
  zSource(batch: number, random: Random): tf.Tensor;
  /** The decoder on fixed prior draws, then real digits each followed by decoder(encoder(x)), with their captions. */
  panels(captions: readonly [string, string], pairCols: number): Promise<(ImageView & { caption: string })[]>;
  /** `n` of the decoder's digits from seeded prior draws, for the quality metrics (`mnistSampleQuality(game.samples)`). */
  samples(n: number): tf.Tensor;
  /** Frees the targets, the shown digits and the model. */
  dispose(): void;
}

/**
 * Opens the batch stream over the digits and gets the game (restored or built,
 * compiled and seeded): the part of an encoder demo's trainer that is not
 * specific to it. The trainer loads the digits (and scores the samples) through
 * '@gandlf/demo-shell/mnist' and '/mnist-quality', which Node tools replace.
 */
export function codecGame(knobs: CodecKnobs, context: CreateContext, data: MnistData, { key, names, build }: CodecGameOptions): CodecGame {
  const pixels = data.height * data.width;
  const { activation, playerTargets } = ganLoss(knobs.loss);
  const model = runModel(context, { key, kind: AdversarialModel, seed: knobs.seed, build: () => build(activation) });
  const { [names.decoder]: decoder, [names.encoder]: encoder } = layersOf(model, [names.decoder, names.encoder]);
  const latentDim = decoder!.inputs[0]!.shape[1]!;
  const stream = context.batches({ seed: knobs.seed, count: data.count });
  const batchSize = Math.min(knobs.batchSize, data.count);
  const targets = playerTargets(batchSize);
  // The first digits of the set, always the same ones, for the reconstructions.
  const k = Math.min(knobs.reconstructions, data.count);
  const shown = tf.tensor2d(data.images.slice(0, k * pixels), [k, pixels]);
  const prior = (n: number, seed: number) => tf.randomNormal([n, latentDim], 0, 1, 'float32', seed);

  return {
    data,
    model,
    decoder: decoder!,
    encoder: encoder!,
    batchSize,
    targets,
    nextBatch: () => tf.tensor2d(stream.gather(data.images, pixels, batchSize).values, [batchSize, pixels]),
    zSource: (batch, random) => prior(batch, random.nextSeed()),
    async panels(captions, pairCols) {
      const g = knobs.gridSize * knobs.gridSize;
      const [samples, pairs] = tf.tidy(() => {
        const s = (decoder!.predict(prior(g, GRID_SEED)) as tf.Tensor).reshape([g, 28, 28, 1]) as tf.Tensor4D;
        const recon = decoder!.predict(encoder!.predict(shown) as tf.Tensor) as tf.Tensor;
        // real 1, decoder(E(real 1)), real 2, ...
        return [s, tf.stack([shown, recon], 1).reshape([2 * k, 28, 28, 1]) as tf.Tensor4D];
      });
      try {
        return [
          { ...(await imageGrid(samples, { cols: knobs.gridSize })), caption: captions[0] },
          { ...(await imageGrid(pairs, { cols: pairCols })), caption: captions[1] },
        ];
      } finally {
        tf.dispose([samples, pairs]);
      }
    },
    samples: (n) => tf.tidy(() => decoder!.predict(prior(n, QUALITY_SEED)) as tf.Tensor),
    dispose() {
      tf.dispose([...targets, shown]);
      model.dispose();
    },
  };
}
