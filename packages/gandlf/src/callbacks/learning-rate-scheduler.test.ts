import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { AdversarialModel } from '../engine/adversarial-model';
import { Alternating } from '../engine/alternating';
import { InvalidArgumentError, UnknownOptionError } from '../errors';
import { buildGan } from '../helpers/builders';
import { ganTargets } from '../helpers/targets';
import { Model } from '../model/model';
import { adam } from '../optim/keras-adam';
import { sgd } from '../optim/keras-sgd';
import { allWeights } from '../test-utils/seeded-gan';
import { mlpDiscriminator, mlpGenerator } from '../test-utils/models';
import type { Callback } from '../training/callbacks';
import { learningRateScheduler } from './learning-rate-scheduler';

function gan(playerOptimizers: tf.Optimizer[]) {
  const g = mlpGenerator(2, 3, 4);
  const d = mlpDiscriminator(3, 4);
  const model = new AdversarialModel({ baseModel: buildGan(g, d), playerParams: [g.trainableWeights, d.trainableWeights], playerNames: ['generator', 'discriminator'] });
  model.compile({ adversarialOptimizer: new Alternating(), playerOptimizers, loss: 'binaryCrossentropy' });
  return model;
}

const rateOf = (o: tf.Optimizer) => (o as unknown as { learningRate: number }).learningRate;

describe('learningRateScheduler', () => {
  it("sets every player's rate at each epoch's start, and the optimizers step with it", async () => {
    const model = gan([tf.train.sgd(0.1), adam({ lr: 0.01, decay: 0.5 })]);
    const [z, x, y] = [tf.randomNormal([8, 2]), tf.randomNormal([8, 3]), ganTargets(8)];
    // Epoch 1 trains at rate 0: nothing moves, for tfjs's SGD (whose step keeps a cached scalar) as for Adam.
    const schedule = (epoch: number, lr: number) => (epoch === 1 ? 0 : lr / 2);
    const seen: number[][] = [];
    const weights: number[][] = [];
    const record: Callback = {
      onEpochBegin: () => void seen.push(model.getPlayers().map((p) => rateOf(p.optimizer))),
      onEpochEnd: () => void weights.push(allWeights(model.playerModels[0]!)),
    };
    await model.fit([z, x], y, { epochs: 1, batchSize: 4, callbacks: [learningRateScheduler(schedule, { model }), record] });
    const before = tf.memory().numTensors;
    await model.fit([z, x], y, { epochs: 3, initialEpoch: 1, batchSize: 4, callbacks: [learningRateScheduler(schedule, { model }), record] });
    expect(tf.memory().numTensors).toBe(before);
    expect(seen).toEqual([
      [0.05, 0.005],
      [0, 0],
      [0, 0],
    ]);
    expect(weights[1]).toEqual(weights[0]);
    tf.dispose([z, x, ...y]);
    model.dispose();
  });

  it('reaches a gandlf Model through its engine, per player, and prints as Keras does', async () => {
    const model = new Model({ generator: mlpGenerator(2, 3, 4), discriminator: mlpDiscriminator(3, 4) });
    model.compile({ loss: 'binaryCrossentropy', optimizer: { generator: sgd({ lr: 0.5 }), discriminator: sgd({ lr: 0.5 }) } });
    const lines: string[] = [];
    const callback = learningRateScheduler((epoch, _lr, player) => (player === 'generator' ? 0.01 : 0.02) * (epoch + 1), { model, verbose: 1, print: (l) => lines.push(l) });
    const x = tf.randomNormal([8, 3]);
    await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 2, batchSize: 8, callbacks: [callback] });
    const rates = Object.fromEntries(model.adversarial.getPlayers().map((p) => [p.name, rateOf(p.optimizer)]));
    expect(rates).toEqual({ generator: 0.02, discriminator: 0.04 });
    expect(lines).toEqual([
      "Epoch 00001: LearningRateScheduler setting learning rate of 'generator' to 0.01.",
      "Epoch 00001: LearningRateScheduler setting learning rate of 'discriminator' to 0.02.",
      "Epoch 00002: LearningRateScheduler setting learning rate of 'generator' to 0.02.",
      "Epoch 00002: LearningRateScheduler setting learning rate of 'discriminator' to 0.04.",
    ]);
    x.dispose();
    model.dispose();
  });

  it('rejects a schedule that returns no rate before setting any, and bad options', () => {
    const model = gan([tf.train.sgd(0.1), tf.train.sgd(0.2)]);
    const bad = learningRateScheduler((_e, lr) => (lr > 0.15 ? Number.NaN : lr * 2), { model });
    expect(() => bad.onEpochBegin!(0)).toThrowError(/must return a finite number >= 0. Received: NaN for player 'discriminator' at epoch 0/);
    expect(model.getPlayers().map((p) => rateOf(p.optimizer))).toEqual([0.1, 0.2]);
    expect(() => learningRateScheduler('step' as never, { model })).toThrowError(/Received: schedule="step"/);
    expect(() => learningRateScheduler(() => 1, { model: {} as never })).toThrowError(InvalidArgumentError);
    expect(() => learningRateScheduler(() => 1, { model, verbose: 2 as never })).toThrowError(/Received: verbose=2/);
    expect(() => learningRateScheduler(() => 1, { model, lr: 1 } as never)).toThrowError(UnknownOptionError);
    model.dispose();
  });
});
