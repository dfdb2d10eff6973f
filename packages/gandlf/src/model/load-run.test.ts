import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { AdversarialModel } from '../engine/adversarial-model';
import { Alternating } from '../engine/alternating';
import { CorruptCheckpointError, UnknownOptionError } from '../errors';
import { simpleGan } from '../helpers/builders';
import { normalLatentSampling } from '../helpers/latent-sampling';
import { mlpDiscriminator, mlpGenerator } from '../test-utils/models';
import { loadRun } from './load-run';
import { Model } from './model';

describe('io.loadRun', () => {
  it('gives back a Model for a Model checkpoint and an AdversarialModel for a game, each at its step', async () => {
    const gan = new Model({ generator: mlpGenerator(3, 2), discriminator: mlpDiscriminator(2) });
    gan.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy' });
    const x = tf.randomNormal([4, 2]);
    await gan.trainOnBatch(['normal', x], ['zeros', 'ones']);
    await gan.save('memory://load-run-model');
    const back = await loadRun('memory://load-run-model');
    expect(back).toBeInstanceOf(Model);
    expect(back.step).toBe(1);

    const [g, d] = [mlpGenerator(3, 2), mlpDiscriminator(2)];
    const game = new AdversarialModel({ baseModel: simpleGan(g, d, normalLatentSampling([3])), playerParams: [g.trainableWeights, d.trainableWeights], playerNames: ['generator', 'discriminator'] });
    game.compile({ adversarialOptimizer: new Alternating(), playerOptimizers: ['sgd', 'sgd'], loss: 'binaryCrossentropy' });
    await game.save('memory://load-run-game');
    const other = await loadRun('memory://load-run-game');
    expect(other).toBeInstanceOf(AdversarialModel);
    expect(other.step).toBe(0);
    [gan, back, game, other].forEach((m) => m.dispose());
    x.dispose();
  });

  it('names what is wrong: an unknown option, a file that is no gandlf checkpoint', async () => {
    await expect(loadRun('memory://load-run-model', { strict: true } as never)).rejects.toThrow(UnknownOptionError);
    const plain = tf.sequential({ layers: [tf.layers.dense({ inputShape: [1], units: 1 })] });
    await plain.save('memory://load-run-plain');
    await expect(loadRun('memory://load-run-plain')).rejects.toThrow(CorruptCheckpointError);
  });
});
