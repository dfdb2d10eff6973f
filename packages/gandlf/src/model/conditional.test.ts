import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { classPoints, oneHotRows, shareNearest } from '../test-utils/classes';
import { Model } from './model';

const dense = (units: number, seed: number, activation?: 'relu' | 'sigmoid' | 'softmax', name?: string) =>
  tf.layers.dense({ units, kernelInitializer: tf.initializers.glorotUniform({ seed }), ...(activation ? { activation } : {}), ...(name ? { name } : {}) });

/** G(z, c): z and the one-hot class, concatenated, through a small MLP. */
function conditionalGenerator(): tf.LayersModel {
  const z = tf.input({ shape: [2] });
  const c = tf.input({ shape: [3] });
  const h = dense(32, 2, 'relu').apply(dense(32, 1, 'relu').apply(tf.layers.concatenate().apply([z, c]))) as tf.SymbolicTensor;
  return tf.model({ inputs: [z, c], outputs: dense(2, 3).apply(h) as tf.SymbolicTensor, name: 'generator' });
}

async function classShares(model: Model): Promise<number[]> {
  const shares: number[] = [];
  for (let k = 0; k < 3; k++) {
    const c = oneHotRows(200, k);
    const samples = model.sample(['normal', c], { seed: 10 + k }) as tf.Tensor;
    shares.push(await shareNearest(samples, k));
    tf.dispose([c, samples]);
  }
  return shares;
}

describe('conditional models learn to generate the requested class (3 classes of 2-D points)', () => {
  it('conditional GAN: the discriminator sees the class as a conditional input', async () => {
    const x = tf.input({ shape: [2] });
    const c = tf.input({ shape: [3] });
    const h = dense(32, 5, 'relu').apply(tf.layers.concatenate().apply([x, c])) as tf.SymbolicTensor;
    const discriminator = tf.model({ inputs: [x, c], outputs: dense(1, 6, 'sigmoid', 'src').apply(h) as tf.SymbolicTensor, name: 'discriminator' });
    const model = new Model({ generator: conditionalGenerator(), discriminator });
    model.compile({ optimizer: tf.train.adam(3e-3, 0.5, 0.999, 1e-7), loss: 'binaryCrossentropy' });
    const data = classPoints(768, 1);
    // Inputs: generator inputs (z, class), real data, then D's conditional input (the same class).
    await model.fit(['normal', data.labels, data.x, data.labels], ['zeros', 'ones'], { epochs: 12, batchSize: 64, seed: 2 });
    const shares = await classShares(model);
    expect(Math.min(...shares)).toBeGreaterThan(0.8);
    tf.dispose([data.x, data.labels]);
  }, 60_000);

  it("ACGAN: the discriminator classifies ('class', categorical cross-entropy in every mode) besides scoring ('src')", async () => {
    const x = tf.input({ shape: [2] });
    const h = dense(32, 5, 'relu').apply(x) as tf.SymbolicTensor;
    const discriminator = tf.model({
      inputs: x,
      outputs: [dense(1, 6, 'sigmoid', 'src').apply(h) as tf.SymbolicTensor, dense(3, 7, 'softmax', 'class').apply(h) as tf.SymbolicTensor],
      name: 'discriminator',
    });
    const model = new Model({ generator: conditionalGenerator(), discriminator });
    model.compile({ optimizer: tf.train.adam(3e-3, 0.5, 0.999, 1e-7), loss: { src: 'binaryCrossentropy', class: 'categoricalCrossentropy' } });
    expect(model.metricsNames).toEqual(expect.arrayContaining(['generator_class_gen_loss', 'discriminator_class_fake_loss', 'discriminator_class_real_loss']));
    const data = classPoints(768, 1);
    // The class target of every mode is the label the generator was given (or the real label).
    const y = { src: 'zeros', src_fake: 'ones', class: data.labels } as const;
    await model.fit(['normal', data.labels, data.x], y, { epochs: 1, batchSize: 64 });
    const before = tf.memory().numTensors;
    await model.fit(['normal', data.labels, data.x], y, { epochs: 11, initialEpoch: 1, batchSize: 64, seed: 2 });
    expect(tf.memory().numTensors).toBe(before);
    const shares = await classShares(model);
    expect(Math.min(...shares)).toBeGreaterThan(0.8);
    // D's classifier is right on real data.
    const p = model.predict([data.x]) as tf.Tensor[];
    const acc = tf.tidy(() => tf.mean(tf.equal(tf.argMax(p[1]!, 1), tf.argMax(data.labels, 1)).toFloat()).dataSync()[0]!);
    expect(acc).toBeGreaterThan(0.95);
    tf.dispose([data.x, data.labels, ...p]);
  }, 60_000);
});
