import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ShapeMismatchError } from '../errors';
import { Model } from '../model/model';
import { DiffAugment } from './diff-augment-layer';

function imageGan(augment?: { policy?: string; seed?: number }) {
  const z = tf.input({ shape: [3] });
  const img = tf.layers.reshape({ targetShape: [4, 4, 1] }).apply(tf.layers.dense({ units: 16, activation: 'tanh' }).apply(z)) as tf.SymbolicTensor;
  const generator = tf.model({ inputs: z, outputs: img, name: 'g' });
  const discriminator = tf.sequential({ name: 'd', layers: [tf.layers.flatten({ inputShape: [4, 4, 1] }), tf.layers.dense({ units: 1, activation: 'sigmoid' })] });
  return new Model({ generator, discriminator, ...(augment ? { augment } : {}) });
}

describe('DiffAugment layer', () => {
  it('augments in training calls only', () => {
    const layer = new DiffAugment({ policy: 'translation,cutout', seed: 1 });
    const x = tf.randomUniform([2, 8, 8, 1], 0.5, 1, 'float32', 1);
    const same = layer.apply(x) as tf.Tensor;
    const aug = layer.apply(x, { training: true }) as tf.Tensor;
    expect(Array.from(same.dataSync())).toEqual(Array.from(x.dataSync()));
    expect(Array.from(aug.dataSync()).filter((v) => v === 0).length).toBeGreaterThan(0);
    expect(() => new DiffAugment().apply(tf.input({ shape: [3] }))).toThrowError(ShapeMismatchError);
    tf.dispose([x, same, aug]);
  });

  it("in a Model: augments both of D's paths in training, not predict; trains leak-free and survives a checkpoint", async () => {
    const plain = imageGan();
    const model = imageGan({ policy: 'color,translation,cutout', seed: 3 });
    model.discriminator.setWeights(plain.discriminator.getWeights());
    model.generator.setWeights(plain.generator.getWeights());
    plain.compile({ loss: 'binaryCrossentropy' });
    model.compile({ loss: 'binaryCrossentropy' });
    const x = tf.randomUniform([16, 4, 4, 1], -1, 1, 'float32', 2);
    const z = tf.randomNormal([16, 3], 0, 1, 'float32', 4);
    // Evaluation is inference: no augmentation, so both score the same images.
    const [a, b] = [await plain.evaluate([z, x], ['zeros', 'ones']), await model.evaluate([z, x], ['zeros', 'ones'])];
    expect(b.discriminator_loss).toBeCloseTo(a.discriminator_loss!, 5);
    // predict sees the plain images.
    const [pa, pb] = [plain.predict([x]) as tf.Tensor, model.predict([x]) as tf.Tensor];
    expect(Array.from(pb.dataSync())).toEqual(Array.from(pa.dataSync()));
    // A training step augments: the augmented run scores other images.
    const [ta, tb] = [await plain.trainOnBatch([z, x], ['zeros', 'ones']), await model.trainOnBatch([z, x], ['zeros', 'ones'])];
    expect(tb.discriminator_loss).not.toBeCloseTo(ta.discriminator_loss!, 4);
    await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 1, batchSize: 8 });
    const before = tf.memory().numTensors;
    await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 2, batchSize: 8 });
    expect(tf.memory().numTensors).toBe(before);
    await model.save('memory://augment');
    const back = await Model.load('memory://augment');
    expect(back.augment).toEqual({ policy: 'color,translation,cutout', seed: 3 });
    tf.dispose([x, z, pa, pb]);
  });
});
