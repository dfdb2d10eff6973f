import * as tf from '@tensorflow/tfjs';
import { AdversarialModel, helpers, Model, Simultaneous } from 'gandlf';
import { describe, expect, it } from 'vitest';
import { mlp } from './networks';
import { layersOf, runModel } from './run-model';

const gan = () => {
  const model = new Model({
    generator: mlp({ name: 'generator', inputSize: 2, units: [4, 2], seed: 1 }),
    discriminator: mlp({ name: 'discriminator', inputSize: 2, units: [4, 1], activation: 'sigmoid', seed: 3 }),
  });
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
  return model;
};

describe('runModel', () => {
  it('builds, compiles and seeds a fresh run: two runs of one seed train alike', async () => {
    const lines: string[] = [];
    const context = { progress: (m: string) => lines.push(m) };
    const [a, b] = [runModel(context, { key: 'gan', kind: Model, seed: 5, build: gan }), runModel(context, { key: 'gan', kind: Model, seed: 5, build: gan })];
    expect(lines).toEqual(['Building the networks…', 'Building the networks…']);
    const x = tf.ones([4, 2]);
    // Layer names differ between the two (tfjs counts layers), the losses do not.
    const losses = async (m: Model) => Object.values(await m.trainOnBatch(['normal', x], ['zeros', 'ones']));
    expect(await losses(a)).toEqual(await losses(b));
    const before = tf.memory().numTensors;
    a.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
    b.dispose();
    x.dispose();
  });

  it('returns the restored run without building, and checks its kind', () => {
    const model = gan();
    const build = () => {
      throw new Error('must not build');
    };
    expect(runModel({ restored: { gan: model }, progress: () => {} }, { key: 'gan', kind: Model, seed: 1, build })).toBe(model);
    expect(() => runModel({ restored: { gan: model }, progress: () => {} }, { key: 'other', kind: Model, seed: 1, build })).toThrow(/no run 'other'; it holds gan/);
    expect(() => runModel({ restored: { gan: model }, progress: () => {} }, { key: 'gan', kind: AdversarialModel, seed: 1, build })).toThrow(/not a AdversarialModel/);
    model.dispose();
  });

  it('layersOf finds the named networks inside a game model', () => {
    const [g, e, d] = [
      mlp({ name: 'generator', inputSize: 2, units: [3], seed: 1 }),
      mlp({ name: 'encoder', inputSize: 3, units: [2], seed: 2 }),
      (() => {
        const [z, x] = [tf.input({ shape: [2] }), tf.input({ shape: [3] })];
        const y = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(tf.layers.concatenate().apply([z, x])) as tf.SymbolicTensor;
        return tf.model({ inputs: [z, x], outputs: y, name: 'discriminator' });
      })(),
    ];
    const game = new AdversarialModel({
      baseModel: helpers.simpleBigan(g, e, d),
      playerParams: [[...g.trainableWeights, ...e.trainableWeights], d.trainableWeights],
      playerNames: ['generator', 'discriminator'],
    });
    game.compile({ adversarialOptimizer: new Simultaneous(), playerOptimizers: ['sgd', 'sgd'], loss: 'binaryCrossentropy' });
    const { generator, encoder } = layersOf(game, ['generator', 'encoder']);
    expect(generator).toBe(g);
    expect(encoder).toBe(e);
    game.dispose();
  });
});
