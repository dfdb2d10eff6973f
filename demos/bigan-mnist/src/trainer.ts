import { codecGame } from '@gandlf/demo-shell/codec-game';
import { loadMnist } from '@gandlf/demo-shell/mnist';
import { mnistSampleQuality } from '@gandlf/demo-shell/mnist-quality';
import { ganTraining, type CreateContext } from '@gandlf/demo-shell/kit';
import type { Trainer } from '@gandlf/demo-shell/worker';
import { AdversarialModel, helpers } from 'gandlf';
import type { BiganKnobs } from './config';
import { buildNetworks } from './models';

const RUN = 'bigan';

/** The BiGAN game, compiled: players generator+encoder vs discriminator on `simpleBigan(G, E, D)`. */
function buildGame(knobs: BiganKnobs, head: 'sigmoid' | 'linear'): AdversarialModel {
  const { generator, encoder, discriminator } = buildNetworks(knobs, head);
  const game = new AdversarialModel({
    baseModel: helpers.simpleBigan(generator, encoder, discriminator),
    playerParams: [[...generator.trainableWeights, ...encoder.trainableWeights], discriminator.trainableWeights],
    playerNames: ['generator', 'discriminator'],
  });
  const {
    optimizer: [d, g],
    adversarialOptimizer,
  } = ganTraining(knobs);
  game.compile({ adversarialOptimizer, playerOptimizers: [g, d], loss: knobs.loss });
  return game;
}

/** The BiGAN trainer, as keras_adversarial's example_bigan: D tells (z, G(z)) from (E(x), x). */
export async function createTrainer(knobs: BiganKnobs, context: CreateContext): Promise<Trainer> {
  const data = await loadMnist(knobs.split, knobs.limit, context.progress);
  const game = codecGame(knobs, context, data, { key: RUN, names: { decoder: 'generator', encoder: 'encoder' }, build: (head) => buildGame(knobs, head) });
  const { model } = game;
  const pairCols = 2 * Math.min(knobs.reconstructions, data.count);
  return {
    runs: [{ key: RUN, label: 'BiGAN', model, generator: game.decoder }],
    async step(only) {
      const x = game.nextBatch();
      try {
        return { [RUN]: await model.trainOnBatch([game.zSource, x], [...game.targets], { only }) };
      } finally {
        x.dispose();
      }
    },
    view: async () => ({ kind: 'panels', panels: await game.panels(['G(z), fixed z', 'x, G(E(x))'], pairCols) }),
    quality: () => mnistSampleQuality(game.samples),
    dispose: () => game.dispose(),
  };
}
