import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { AdversarialModel } from '../engine/adversarial-model';
import { Alternating } from '../engine/alternating';
import { allWeights, seededData, seededGan } from '../test-utils/seeded-gan';
import { cloneOptimizer } from './get-optimizer';
import { adam, KerasAdam } from './keras-adam';
import { decayedLearningRate } from './keras-optimizer';
import { rmsprop } from './keras-rmsprop';
import { KerasSGD, sgd } from './keras-sgd';
import { clipWeights, setLearningRate, WeightClipping } from './weight-clipping';

/** A seeded GAN compiled with decaying Keras optimizers, the discriminator's inside weight clipping. */
function decayingGan(): AdversarialModel {
  const gan = seededGan(new Alternating());
  const playerOptimizers = [sgd({ lr: 0.1, momentum: 0.5, decay: 0.25, nesterov: true }), clipWeights(adam({ lr: 0.01, beta1: 0.5, decay: 0.1 }), { clipValue: 1 })];
  gan.compile({ adversarialOptimizer: new Alternating(), playerOptimizers, loss: 'binaryCrossentropy' });
  return gan;
}

describe('Keras optimizers with decay in checkpoints', () => {
  it('a run saved and loaded mid-way continues the decayed rate exactly (bit-identical on cpu)', async () => {
    const data = seededData();
    const fit = { batchSize: 16, shuffle: true };
    const straight = decayingGan();
    await straight.fit(data.inputs, data.y, { ...fit, epochs: 2, seed: 9 });

    const first = decayingGan();
    await first.fit(data.inputs, data.y, { ...fit, epochs: 1, seed: 9 });
    await first.save('memory://keras-decay');
    const resumed = await AdversarialModel.load('memory://keras-decay');
    const [g, d] = resumed.getPlayers();
    expect(g!.optimizer).toBeInstanceOf(KerasSGD);
    expect(g!.optimizer.iterations).toBe(3);
    expect((g!.optimizer as KerasSGD).currentLearningRate).toBe(decayedLearningRate(0.1, 0.25, 3));
    expect(d!.optimizer).toBeInstanceOf(WeightClipping);
    const inner = (d!.optimizer as WeightClipping).optimizer as KerasAdam;
    expect([inner.iterations, inner.currentLearningRate]).toEqual([3, 0.01 / 1.3]);
    const before = tf.memory().numTensors;
    await resumed.fit(data.inputs, data.y, { ...fit, epochs: 2, initialEpoch: resumed.epoch });
    expect(tf.memory().numTensors).toBe(before);
    expect(allWeights(resumed.playerModels[0]!)).toEqual(allWeights(straight.playerModels[0]!));
    expect((resumed.getPlayers()[0]!.optimizer as KerasSGD).currentLearningRate).toBe(0.1 / (1 + 0.25 * 6));
    data.dispose();
    for (const m of [straight, first, resumed]) m.dispose();
  });

  it('cloneOptimizer copies the settings; setWeights copies the state, so a clone steps as the original', async () => {
    for (const make of [() => sgd({ lr: 0.1, momentum: 0.9, decay: 0.5 }), () => adam({ lr: 0.1, decay: 0.5 }), () => rmsprop({ lr: 0.1, decay: 0.5 })]) {
      const [a, b] = [tf.variable(tf.tensor1d([1, -2])), tf.variable(tf.tensor1d([1, -2]))];
      const loss = (w: tf.Variable) => () => tf.sum(tf.square(w)) as tf.Scalar;
      const opt = make();
      opt.minimize(loss(a), false, [a]);
      b.assign(a);
      const copy = cloneOptimizer(opt);
      expect(copy.getConfig()).toEqual(opt.getConfig());
      const weights = await opt.getWeights();
      await copy.setWeights(weights);
      weights[0]!.tensor.dispose();
      opt.minimize(loss(a), false, [a]);
      copy.minimize(loss(b), false, [b]);
      expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
      tf.dispose([a, b]);
      opt.dispose();
      copy.dispose();
    }
  });

  it('setLearningRate sets the rate before decay, as Keras sets lr', () => {
    const opt = sgd({ lr: 0.1, decay: 1 });
    const w = tf.variable(tf.tensor1d([1]));
    opt.minimize(() => tf.sum(w) as tf.Scalar, false, [w]);
    setLearningRate(opt, 0.4, 'test');
    expect([opt.learningRate, opt.currentLearningRate]).toEqual([0.4, 0.2]);
    w.dispose();
  });
});
