import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { Model } from '../model/model';
import { setLearningRate } from '../optim/weight-clipping';
import { mlpDiscriminator, mlpGenerator } from '../test-utils/models';
import { adaptiveLearningRate, adaptiveRates } from './adaptive-learning-rate';

const lr = (o: tf.Optimizer) => (o as unknown as { learningRate: number }).learningRate;

describe('adaptiveLearningRate', () => {
  it("follows gandlf's rule (hand-computed)", () => {
    // gen = 0.6, dis = (0.3 + 0.5) / 2 = 0.4, total = 1: G gets 60% of 0.01, D 40% of 0.02.
    const logs = { loss: 9, generator_loss: 9, generator_src_gen_loss: 0.6, discriminator_src_fake_loss: 0.3, discriminator_src_real_loss: 0.5, discriminator_gp: 5 };
    const r = adaptiveRates(logs, 0.01, 0.02);
    expect(r.generator).toBeCloseTo(0.006, 9);
    expect(r.discriminator).toBeCloseTo(0.008, 9);
    expect(adaptiveRates({ a_gen_loss: 0, b_real_loss: 0 }, 1, 1)).toEqual({ generator: 0, discriminator: 0 });
    expect(() => adaptiveRates({ discriminator_src_real_loss: -0.1 }, 1, 1)).toThrowError(InvalidArgumentError);
    expect(() => adaptiveRates({ discriminator_src_real_loss: -0.1 }, 1, 1)).toThrowError(/must not be negative.*Received: discriminator_src_real_loss=-0.1/);
  });

  it('sets both optimizers after each batch, and the new rate takes effect (SGD and Adam)', async () => {
    const model = new Model({ generator: mlpGenerator(3, 2), discriminator: mlpDiscriminator(2) });
    model.compile({ loss: 'binaryCrossentropy', optimizer: [tf.train.adam(0.5), tf.train.sgd(0.5)] });
    const x = tf.randomNormal([16, 2], 0, 1, 'float32', 1);
    let seen: Record<string, number> = {};
    const spy = { onBatchEnd: (_: number, logs?: Record<string, number>) => void (seen = { ...logs }) };
    const callback = adaptiveLearningRate({ model, generatorLr: 0.01, discriminatorLr: 0.02 });
    await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 1, batchSize: 16, callbacks: [spy, callback] });
    const want = adaptiveRates(seen, 0.01, 0.02);
    const [g, d] = model.adversarial.getPlayers().map((p) => p.optimizer) as [tf.Optimizer, tf.Optimizer];
    expect(lr(g)).toBeCloseTo(want.generator, 9);
    expect(lr(d)).toBeCloseTo(want.discriminator, 9);
    // SGD keeps the rate as a tensor: one step w - lr·grad shows it.
    const v = tf.variable(tf.scalar(1));
    g.applyGradients([{ name: v.name, tensor: tf.scalar(1) }]);
    expect(v.dataSync()[0]).toBeCloseTo(1 - want.generator, 6);
    // Adam reads the field on every update: its first step moves by about lr, whatever the gradient.
    const adam = tf.train.adam(0.5);
    setLearningRate(adam, lr(d), 'test');
    const u = tf.variable(tf.scalar(1));
    adam.applyGradients([{ name: u.name, tensor: tf.scalar(3) }]);
    expect(1 - u.dataSync()[0]!).toBeCloseTo(want.discriminator, 3);
    tf.dispose([x, v, u]);
  });

  it('trains leak-free, and rejects bad rates', async () => {
    const model = new Model({ generator: mlpGenerator(3, 2), discriminator: mlpDiscriminator(2) });
    model.compile({ loss: 'binaryCrossentropy' });
    const callbacks = [adaptiveLearningRate({ model, generatorLr: 1e-3, discriminatorLr: 1e-3 })];
    const x = tf.randomNormal([16, 2], 0, 1, 'float32', 1);
    await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 1, batchSize: 8, callbacks });
    const before = tf.memory().numTensors;
    await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 2, batchSize: 8, callbacks });
    expect(tf.memory().numTensors).toBe(before);
    expect(() => adaptiveLearningRate({ model, generatorLr: 0, discriminatorLr: 1 })).toThrowError(/'generatorLr' passed to 'adaptiveLearningRate'.*Received: generatorLr=0/);
    x.dispose();
  });
});
