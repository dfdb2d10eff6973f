import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { listCheckpoints } from '../checkpoint/checkpoint-store';
import { Model } from '../model/model';
import { mlpDiscriminator, mlpGenerator } from '../test-utils/models';
import { checkpoint, checkpointName } from './checkpoint';

function tinyModel() {
  const model = new Model({ generator: mlpGenerator(2, 2, 4), discriminator: mlpDiscriminator(2, 4) });
  model.compile({ loss: 'binaryCrossentropy' });
  return model;
}

describe('checkpoint callback', () => {
  it('saves every N steps, names checkpoints by step and keeps the newest `keep`', async () => {
    const model = tinyModel();
    const x = tf.randomNormal([40, 2]);
    const cb = checkpoint({ model, url: 'memory://cb-steps', every: { steps: 2 }, keep: 3 });
    await model.fit(['normal', x], ['zeros', 'ones'], { epochs: 1, batchSize: 4, callbacks: [cb] });
    const names = [4, 6, 8, 10].slice(1).map((s) => checkpointName('memory://cb-steps', s));
    expect(await listCheckpoints('memory://cb-steps/')).toEqual(names);
    expect(cb.saved).toEqual(names);
    const latest = await Model.load(names.at(-1)!);
    expect(latest.step).toBe(10);
    x.dispose();
  });

  it('saves every N epochs and every T seconds', async () => {
    const model = tinyModel();
    const x = tf.randomNormal([8, 2]);
    await model.fit(['normal', x], ['zeros', 'ones'], {
      epochs: 4,
      batchSize: 4,
      callbacks: [checkpoint({ model, url: 'memory://cb-epochs', every: { epochs: 2 }, keep: 5 })],
    });
    expect(await listCheckpoints('memory://cb-epochs/')).toEqual([4, 8].map((s) => checkpointName('memory://cb-epochs', s)));

    let clock = 0;
    const timed = checkpoint({ model, url: 'memory://cb-time', every: { seconds: 10 }, now: () => clock });
    await model.fit(['normal', x], ['zeros', 'ones'], {
      epochs: 2,
      batchSize: 4,
      callbacks: [{ onBatchEnd: () => void (clock += 6000) }, timed],
    });
    // 6 s a batch: due after batches 2 and 4.
    expect(await listCheckpoints('memory://cb-time/')).toEqual([10, 12].map((s) => checkpointName('memory://cb-time', s)));
    x.dispose();
  });

  it('rejects bad options', () => {
    const model = tinyModel();
    expect(() => checkpoint({ model, url: 'memory://x', every: {} })).toThrowError(InvalidArgumentError);
    expect(() => checkpoint({ model, url: 'memory://x', every: { steps: 0 } })).toThrowError(/every.steps=0/);
    expect(() => checkpoint({ model, url: 'memory://x', every: { epochs: 1 }, keep: 0 })).toThrowError(/keep=0/);
  });
});
