import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { AdversarialModel } from '../engine/adversarial-model';
import { DiffAugment } from '../augment/diff-augment-layer';
import { buildGan } from '../helpers/builders';
import { ganTargets } from '../helpers/targets';
import { Alternating } from '../engine/alternating';
import { BatchSimilarity } from './batch-similarity';
import { PermanentDropout } from './permanent-dropout';
import { Residual } from './residual';
import { SpectralNormalization } from './spectral-normalization';

/** A generator and a discriminator that use every custom layer (seeded, so copies agree). */
function networks() {
  const z = tf.input({ shape: [3] });
  let h = tf.layers.dense({ units: 8, activation: 'relu' }).apply(z) as tf.SymbolicTensor;
  h = new Residual({ layer: tf.layers.dense({ units: 8, activation: 'tanh' }) }).apply(h) as tf.SymbolicTensor;
  h = new PermanentDropout({ rate: 0.25, seed: 3 }).apply(h) as tf.SymbolicTensor;
  const img = tf.layers.reshape({ targetShape: [2, 2, 1] }).apply(tf.layers.dense({ units: 4 }).apply(h)) as tf.SymbolicTensor;
  const generator = tf.model({ inputs: z, outputs: img, name: 'generator' });
  const x = tf.input({ shape: [2, 2, 1] });
  let f = new DiffAugment({ policy: 'color,translation', seed: 2 }).apply(x) as tf.SymbolicTensor;
  f = new SpectralNormalization({ layer: tf.layers.conv2d({ filters: 2, kernelSize: 2, padding: 'same' }), seed: 5 }).apply(f) as tf.SymbolicTensor;
  f = tf.layers.flatten().apply(f) as tf.SymbolicTensor;
  const sims = new BatchSimilarity({ similarity: ['l1', 'cosine'], n: 2, seed: 4 }).apply(f) as tf.SymbolicTensor;
  f = tf.layers.concatenate().apply([f, sims]) as tf.SymbolicTensor;
  const p = new SpectralNormalization({ layer: tf.layers.dense({ units: 1, activation: 'sigmoid' }), seed: 6 }).apply(f) as tf.SymbolicTensor;
  const discriminator = tf.model({ inputs: x, outputs: p, name: 'discriminator' });
  return { generator, discriminator };
}

const values = (ts: tf.Tensor[]) => ts.map((t) => Array.from(t.dataSync()));

describe('custom layers: serialisation round trips', () => {
  it('toJSON -> modelFromJSON: the same classes, weights and outputs', async () => {
    for (const model of Object.values(networks())) {
      const back = await tf.models.modelFromJSON({ modelTopology: model.toJSON(null, false) as tf.io.ModelArtifacts['modelTopology'] } as never);
      back.setWeights(model.getWeights());
      expect(back.layers.map((l) => l.getClassName())).toEqual(model.layers.map((l) => l.getClassName()));
      expect(values(back.getWeights())).toEqual(values(model.getWeights()));
      expect(back.trainableWeights.length).toBe(model.trainableWeights.length);
      const input = tf.randomNormal([4, ...(model.inputs[0]!.shape.slice(1) as number[])], 0, 1, 'float32', 7);
      // Seeded random layers start their streams afresh in the copy: first calls agree, in training too.
      const a = [model.apply(input, { training: true }) as tf.Tensor, model.predict(input) as tf.Tensor];
      const b = [back.apply(input, { training: true }) as tf.Tensor, back.predict(input) as tf.Tensor];
      values(a).forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(values(b)[i]![j]!, 5)));
      tf.dispose([input, ...a, ...b]);
    }
  });

  it('AdversarialModel.save/load via memory:// restores them, with their weights and the spectral-norm vectors', async () => {
    const { generator, discriminator } = networks();
    const gan = new AdversarialModel({
      baseModel: buildGan(generator, discriminator),
      playerParams: [generator.trainableWeights, discriminator.trainableWeights],
      playerNames: ['generator', 'discriminator'],
    });
    gan.compile({ adversarialOptimizer: new Alternating(), playerOptimizers: ['adam', 'adam'], loss: 'binaryCrossentropy' });
    const x = tf.randomNormal([8, 2, 2, 1], 0, 1, 'float32', 1);
    const y = ganTargets(8);
    await gan.trainOnBatch([tf.randomNormal([8, 3], 0, 1, 'float32', 2), x], y);
    const before = tf.memory().numTensors;
    await gan.trainOnBatch([tf.randomNormal([8, 3], 0, 1, 'float32', 3), x], y);
    expect(tf.memory().numTensors).toBe(before + 1); // the latent batch passed in
    await gan.save('memory://custom-layers');
    const back = await AdversarialModel.load('memory://custom-layers');
    const names = back.playerModels[0]!.layers.flatMap((l) => (l instanceof tf.LayersModel ? l.layers : [l])).map((l) => l.getClassName());
    expect(names).toEqual(expect.arrayContaining(['GandlfResidual', 'GandlfPermanentDropout', 'GandlfDiffAugment', 'GandlfSpectralNormalization', 'GandlfBatchSimilarity']));
    expect(values(back.playerModels[0]!.getWeights())).toEqual(values(gan.playerModels[0]!.getWeights()));
    const d = back.playerModels[0]!.layers.find((l) => l.name === 'discriminator') as tf.LayersModel;
    // Two samples: BatchSimilarity's partner is then the other sample, whatever the random state.
    const two = x.slice(0, 2);
    const p = [discriminator.predict(two) as tf.Tensor, d.predict(two) as tf.Tensor, two];
    values([p[0]!])[0]!.forEach((v, i) => expect(v).toBeCloseTo(values([p[1]!])[0]![i]!, 5));
    tf.dispose([x, ...y, ...p]);
  });
});
