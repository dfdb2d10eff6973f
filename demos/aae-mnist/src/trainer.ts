import * as tf from '@tensorflow/tfjs';
import { codecGame } from '@gandlf/demo-shell/codec-game';
import { loadMnist } from '@gandlf/demo-shell/mnist';
import { mnistSampleQuality } from '@gandlf/demo-shell/mnist-quality';
import { ganTraining, type CreateContext } from '@gandlf/demo-shell/kit';
import type { Trainer } from '@gandlf/demo-shell/worker';
import { AdversarialModel } from 'gandlf';
import type { AaeKnobs } from './config';
import { aaeModel, buildNetworks } from './models';

const RUN = 'aae';
/** The scatter shows [-EXTENT, EXTENT]^2: about 4 standard deviations of the N(0, 1) prior. */
const EXTENT = 4;

/** The AAE game, compiled: reconstruction (mean squared error) weighs 1, the adversarial terms `adversarialWeight`. */
function buildGame(knobs: AaeKnobs, head: 'sigmoid' | 'linear'): AdversarialModel {
  const nets = buildNetworks(knobs, head);
  const game = new AdversarialModel({
    baseModel: aaeModel(nets),
    playerParams: [[...nets.decoder.trainableWeights, ...nets.encoder.trainableWeights], nets.discriminator.trainableWeights],
    playerNames: ['generator', 'discriminator'],
  });
  const w = knobs.adversarialWeight;
  const {
    optimizer: [d, g],
    adversarialOptimizer,
  } = ganTraining(knobs);
  game.compile({
    adversarialOptimizer,
    playerOptimizers: [g, d],
    loss: { xpred: 'meanSquaredError', yfake: knobs.loss, yreal: knobs.loss },
    lossWeights: { xpred: 1, yfake: w, yreal: w },
  });
  return game;
}

/**
 * The AAE trainer, as keras_adversarial's example_aae: players encoder+decoder
 * ("generator") vs discriminator; outputs xpred, yfake (D on E(x)) and yreal
 * (D on prior draws). Beside the shared panels, a scatter of the codes.
 */
export async function createTrainer(knobs: AaeKnobs, context: CreateContext): Promise<Trainer> {
  const data = await loadMnist(knobs.split, knobs.limit, context.progress);
  const game = codecGame(knobs, context, data, { key: RUN, names: { decoder: 'generator', encoder: 'encoder' }, build: (head) => buildGame(knobs, head) });
  const { model, encoder } = game;
  // The encoder+decoder wants its codes scored "real"; the discriminator wants them "fake" and prior draws "real".
  const [gFake, gReal, dFake, dReal] = game.targets as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
  const latentDim = encoder.outputs[0]!.shape[1]!;
  const m = Math.min(knobs.scatterPoints, data.count);
  const scattered = tf.tensor2d(data.images.slice(0, m * 784), [m, 784]);
  const labels = data.labels.slice(0, m);

  return {
    runs: [{ key: RUN, label: 'AAE', model, generator: game.decoder }],
    async step(only) {
      const x = game.nextBatch();
      try {
        return { [RUN]: await model.trainOnBatch([x, game.zSource], [x, gFake, gReal, x, dFake, dReal], { only }) };
      } finally {
        x.dispose();
      }
    },
    async view() {
      const codes = tf.tidy(() => {
        const c = encoder.predict(scattered) as tf.Tensor2D;
        // The first two dimensions of the code (the whole code at latent size 2; zero-padded at 1).
        return latentDim >= 2 ? c.slice([0, 0], [m, 2]) : tf.concat([c, tf.zerosLike(c)], 1);
      });
      try {
        const panels = await game.panels(['decoder(z), z ~ N(0, 1)', 'x, decoder(E(x))'], 2);
        const points = (await codes.data()) as Float32Array;
        const caption = latentDim === 2 ? 'E(x) by digit' : `E(x) by digit (dims 1-2 of ${latentDim})`;
        return { kind: 'panels', panels: [...panels, { kind: 'scatter', extent: EXTENT, points, labels, caption }] };
      } finally {
        codes.dispose();
      }
    },
    quality: () => mnistSampleQuality(game.samples),
    dispose() {
      scattered.dispose();
      game.dispose();
    },
  };
}
