import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { mlpDiscriminator, mlpGenerator } from '../test-utils/models';
import { ExponentialMovingAverage } from './ema';
import { Model } from './model';

const flat = (m: tf.LayersModel) => m.getWeights().flatMap((w) => Array.from(w.dataSync()));

describe('ExponentialMovingAverage', () => {
  it('averages trainable weights and copies the others (hand-computed)', () => {
    const source = tf.sequential({ layers: [tf.layers.dense({ inputShape: [1], units: 1, useBias: false }), tf.layers.batchNormalization()] });
    source.setWeights([tf.tensor2d([[1]]), tf.tensor1d([1]), tf.tensor1d([0]), tf.tensor1d([0]), tf.tensor1d([1])]);
    const ema = new ExponentialMovingAverage(source, { decay: 0.5 });
    expect(ema.shadow).not.toBe(source);
    // Kernel 1 -> 3: average 0.5·1 + 0.5·3 = 2; then -> 5: 0.5·2 + 0.5·5 = 3.5. Moving mean is copied.
    source.setWeights([tf.tensor2d([[3]]), tf.tensor1d([1]), tf.tensor1d([0]), tf.tensor1d([7]), tf.tensor1d([1])]);
    ema.update();
    expect(flat(ema.shadow)[0]).toBeCloseTo(2, 6);
    source.setWeights([tf.tensor2d([[5]]), tf.tensor1d([1]), tf.tensor1d([0]), tf.tensor1d([9]), tf.tensor1d([1])]);
    ema.update();
    expect(flat(ema.shadow)).toEqual([3.5, 1, 0, 9, 1]);
    ema.dispose();
  });

  it('rejects a decay outside [0, 1) and a non-model', () => {
    expect(() => new ExponentialMovingAverage(mlpGenerator(2, 2), { decay: 1 })).toThrowError(InvalidArgumentError);
    expect(() => new ExponentialMovingAverage(mlpGenerator(2, 2), { decay: 1 })).toThrowError(/'decay' passed to 'ExponentialMovingAverage'.*Received: decay=1/);
    expect(() => new ExponentialMovingAverage({} as tf.LayersModel)).toThrowError(/'source'/);
  });
});

describe('Model({ ema })', () => {
  it('updates the average once per step in fit (matches the recorded weights), and samples from it', async () => {
    const model = new Model({ generator: mlpGenerator(3, 2), discriminator: mlpDiscriminator(2) });
    model.compile({ loss: 'binaryCrossentropy', optimizer: tf.train.adam(0.05), ema: { decay: 0.8 } });
    let expected = flat(model.generator);
    const record = { onBatchEnd: () => void (expected = flat(model.generator).map((w, i) => 0.8 * expected[i]! + 0.2 * w)) };
    const x = tf.randomNormal([20, 2], 0, 1, 'float32', 1);
    await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 2, batchSize: 8, callbacks: [record] });
    expect(model.step).toBe(6);
    flat(model.ema!.shadow).forEach((w, i) => expect(w).toBeCloseTo(expected[i]!, 5));
    // trainOnBatch updates it too.
    await model.trainOnBatch(['normal', x], ['zeros', 'ones']);
    flat(model.ema!.shadow).forEach((w, i) => expect(w).toBeCloseTo(0.8 * expected[i]! + 0.2 * flat(model.generator)[i]!, 5));
    const z = tf.randomNormal([4, 3], 0, 1, 'float32', 2);
    const [s, avg, raw] = [model.sample([z]) as tf.Tensor, model.ema!.shadow.predict(z) as tf.Tensor, model.generator.predict(z) as tf.Tensor];
    expect(Array.from(s.dataSync())).toEqual(Array.from(avg.dataSync()));
    expect(Array.from(s.dataSync())).not.toEqual(Array.from(raw.dataSync()));
    tf.dispose([x, z, s, avg, raw]);
  });

  it('trains leak-free, and save/load keeps the average', async () => {
    const model = new Model({ generator: mlpGenerator(3, 2), discriminator: mlpDiscriminator(2) });
    model.compile({ loss: 'binaryCrossentropy', optimizer: tf.train.adam(0.05), ema: { decay: 0.9 } });
    const x = tf.randomNormal([16, 2], 0, 1, 'float32', 1);
    await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 1, batchSize: 8 });
    const before = tf.memory().numTensors;
    await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 2, batchSize: 8 });
    expect(tf.memory().numTensors).toBe(before);
    await model.save('memory://ema');
    const back = await Model.load('memory://ema');
    expect(back.ema?.decay).toBe(0.9);
    expect(flat(back.ema!.shadow)).toEqual(flat(model.ema!.shadow));
    expect(flat(back.generator)).toEqual(flat(model.generator));
    expect(flat(back.ema!.shadow)).not.toEqual(flat(back.generator));
    x.dispose();
  });
});
