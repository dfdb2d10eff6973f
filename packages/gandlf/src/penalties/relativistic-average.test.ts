import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { relativisticAverageDiscriminatorLoss, relativisticAverageGeneratorLoss } from '../losses/relativistic';
import { Model } from '../model/model';
import { relativisticAverage, relativisticAverageLoss } from './relativistic-average';
import { linearCritic, linearGenerator } from './test-models';

describe('relativisticAverage', () => {
  it("gives each player its relativistic loss on D's real and generated scores", async () => {
    const model = new Model({
      generator: linearGenerator([
        [1, 0],
        [0, 1],
      ]),
      discriminator: linearCritic([1, -1], 0.5),
    });
    model.compile({ loss: 'binaryCrossentropyFromLogits', lossWeights: 0, penalties: relativisticAverage({ kind: 'hinge' }) });
    const z = tf.tensor2d([
      [0, 1],
      [2, 0],
      [1, 1],
    ]);
    const x = tf.tensor2d([
      [1, 0],
      [0, 0],
      [3, 1],
    ]);
    const logs = await model.evaluate([z, x], [0, 1]);
    const dx = model.predict([x]) as tf.Tensor; // [1.5, 0.5, 2.5]
    const dgz = model.predict([z]) as tf.Tensor; // G = identity: [-0.5, 2.5, 0.5]
    const want = {
      d: relativisticAverageDiscriminatorLoss(dx, dgz, 'hinge').dataSync()[0]!,
      g: relativisticAverageGeneratorLoss(dx, dgz, 'hinge').dataSync()[0]!,
    };
    expect(logs.discriminator_ra_loss).toBeCloseTo(want.d, 5);
    expect(logs.generator_ra_loss).toBeCloseTo(want.g, 5);
    // Output losses weigh 0: the totals are the relativistic losses.
    expect(logs.discriminator_loss).toBeCloseTo(want.d, 5);
    expect(logs.generator_loss).toBeCloseTo(want.g, 5);
    tf.dispose([z, x, dx, dgz]);
  });

  it('trains leak-free, and survives a checkpoint', async () => {
    const model = new Model({
      generator: linearGenerator([
        [1, 0],
        [0, 1],
      ]),
      discriminator: linearCritic([1, -1]),
    });
    model.compile({ loss: 'binaryCrossentropyFromLogits', lossWeights: 0, penalties: relativisticAverage() });
    const x = tf.randomNormal([16, 2], 0, 1, 'float32', 4);
    await model.fit(['normal', x], [0, 1], { epochs: 1, batchSize: 8 });
    const before = tf.memory().numTensors;
    await model.fit(['normal', x], [0, 1], { epochs: 2, batchSize: 8 });
    expect(tf.memory().numTensors).toBe(before);
    await model.save('memory://ra');
    const back = await Model.load('memory://ra');
    const z = tf.zeros([16, 2]);
    expect((await back.evaluate([z, x], [0, 1])).generator_ra_loss).toBeCloseTo((await model.evaluate([z, x], [0, 1])).generator_ra_loss!, 5);
    tf.dispose([x, z]);
  });

  it('names a bad role or kind', () => {
    expect(() => relativisticAverageLoss('critic' as never)).toThrowError(/'role' passed to 'relativisticAverage'.*Received: role="critic"/);
    expect(() => relativisticAverage({ kind: 'wgan' as never })).toThrowError(/Received: kind="wgan"/);
  });
});
