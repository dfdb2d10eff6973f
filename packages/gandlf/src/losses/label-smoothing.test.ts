import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Model } from '../model/model';
import { mlpDiscriminator, mlpGenerator } from '../test-utils/models';
import { binaryCrossentropy } from './losses';
import { getLoss, smoothLabels } from './registry';

describe('smoothLabels', () => {
  it('moves targets towards 0.5 by amount (hand-computed)', () => {
    const loss = smoothLabels('binaryCrossentropy', 0.1);
    // Target 1 -> 0.9, target 0 -> 0.1; p = 0.8:
    const v1 = loss(tf.tensor1d([1]), tf.tensor1d([0.8])).dataSync()[0];
    expect(v1).toBeCloseTo(-(0.9 * Math.log(0.8) + 0.1 * Math.log(0.2)), 5);
    const v0 = loss(tf.tensor1d([0]), tf.tensor1d([0.8])).dataSync()[0];
    expect(v0).toBeCloseTo(-(0.1 * Math.log(0.8) + 0.9 * Math.log(0.2)), 5);
    expect(loss.name).toBe('smoothLabels(binaryCrossentropy,0.1)');
    expect(smoothLabels(binaryCrossentropy, 0.1).name).toBe(loss.name);
  });

  it('is found again by name, and rejects amounts outside [0, 0.5)', () => {
    const back = getLoss('smoothLabels(binaryCrossentropy,0.1)', 'test');
    expect(back(tf.tensor1d([1]), tf.tensor1d([0.8])).dataSync()[0]).toBeCloseTo(-(0.9 * Math.log(0.8) + 0.1 * Math.log(0.2)), 5);
    expect(() => smoothLabels('binaryCrossentropy', 0.5)).toThrowError(/'amount' passed to 'smoothLabels'.*Received: amount=0.5/);
    expect(() => smoothLabels('nope', 0.1)).toThrowError(/'smoothLabels': argument 'loss'/);
  });

  it('one-sided in a Model: only the real mode is smoothed; trains leak-free and survives a checkpoint', async () => {
    const model = new Model({ generator: mlpGenerator(3, 2), discriminator: mlpDiscriminator(2) });
    model.compile({ loss: { real: smoothLabels('binaryCrossentropy', 0.1), gen_fake: 'binaryCrossentropy' } });
    const x = tf.randomNormal([32, 2], 0, 1, 'float32', 1);
    const logs = await model.evaluate([tf.zeros([32, 3]), x], ['zeros', 'ones']);
    const pReal = model.predict([x]) as tf.Tensor;
    const expected = tf.tidy(() => binaryCrossentropy(tf.fill([32, 1], 0.1), pReal).dataSync()[0]!);
    expect(logs[Object.keys(logs).find((k) => k.endsWith('_real_loss'))!]).toBeCloseTo(expected, 5);
    await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 1, batchSize: 8 });
    const before = tf.memory().numTensors;
    await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 1, batchSize: 8 });
    expect(tf.memory().numTensors).toBe(before);
    await model.save('memory://smoothed');
    const back = await Model.load('memory://smoothed');
    const a = await back.evaluate([tf.zeros([32, 3]), x], ['zeros', 'ones']);
    const b = await model.evaluate([tf.zeros([32, 3]), x], ['zeros', 'ones']);
    expect(a.discriminator_loss).toBeCloseTo(b.discriminator_loss!, 5);
    tf.dispose([x, pReal]);
  });
});
