import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { UnknownNameError } from '../errors';
import { Alternating } from './alternating';
import { seededData, seededGan } from '../test-utils/seeded-gan';
import { AdversarialModel } from './adversarial-model';
import { registerPenalty, type Penalty } from './penalty';

/** weight * mean(yReal^2): a penalty on the discriminator's output on real data. */
function outputPenalty(weight: number): Penalty {
  return {
    name: 'out2',
    className: 'TestOutputPenalty',
    compute: ({ predictions }) => tf.mul(weight, tf.mean(tf.square(predictions[1]!))) as tf.Scalar,
    getConfig: () => ({ weight }),
  };
}
registerPenalty('TestOutputPenalty', (c) => outputPenalty(c.weight as number));

describe('penalties', () => {
  it('add to the player total, are logged by name, and survive a checkpoint', async () => {
    const gan = seededGan(new Alternating());
    gan.compile({
      adversarialOptimizer: new Alternating(),
      playerOptimizers: ['adam', 'adam'],
      loss: 'binaryCrossentropy',
      playerCompileArgs: [{}, { penalties: [outputPenalty(2)] }],
    });
    expect(gan.metricsNames).toContain('discriminator_out2');
    const data = seededData(16);
    const logs = await gan.evaluate(data.inputs, data.y);
    const p = (gan.playerModels[0]!.predict([tf.zeros([16, 3]), data.inputs[1]]) as tf.Tensor[])[1]!;
    expect(logs.discriminator_out2).toBeCloseTo(2 * (tf.mean(tf.square(p)).dataSync()[0] as number), 5);
    expect(logs.discriminator_loss).toBeCloseTo(logs.discriminator_yFake_loss! + logs.discriminator_yReal_loss! + logs.discriminator_out2!, 5);

    await gan.trainOnBatch(data.inputs, data.y);
    const before = tf.memory().numTensors;
    await gan.trainOnBatch(data.inputs, data.y);
    expect(tf.memory().numTensors).toBe(before);

    await gan.save('memory://penalty');
    const back = await AdversarialModel.load('memory://penalty');
    expect(back.metricsNames).toEqual(gan.metricsNames);
    expect((await back.evaluate(data.inputs, data.y)).discriminator_out2).toBeCloseTo((await gan.evaluate(data.inputs, data.y)).discriminator_out2!, 6);
    data.dispose();
  });

  it('an unregistered penalty in a checkpoint is named in the error', async () => {
    const gan = seededGan(new Alternating());
    gan.compile({
      adversarialOptimizer: new Alternating(),
      playerOptimizers: ['adam', 'adam'],
      loss: 'binaryCrossentropy',
      playerCompileArgs: [{}, { penalties: [{ ...outputPenalty(1), className: 'Unregistered' }] }],
    });
    await gan.save('memory://penalty-unknown');
    await expect(AdversarialModel.load('memory://penalty-unknown')).rejects.toThrowError(UnknownNameError);
    await expect(AdversarialModel.load('memory://penalty-unknown')).rejects.toThrowError(/penalty 'Unregistered'/);
  });
});
