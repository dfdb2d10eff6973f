import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { AdversarialModel } from './engine/adversarial-model';
import { UnknownOptionError } from './errors';
import { buildGan } from './helpers/builders';
import { ganTargets } from './helpers/targets';
import { Residual } from './layers/residual';
import { Model } from './model/model';
import { Alternating } from './engine/alternating';
import { Unrolled } from './engine/unrolled';
import { changedVariables, mlpDiscriminator, mlpGenerator, snapshotVariables } from './test-utils/models';

// The five examples of issue 17: keys that used to be ignored, silently.

function compiledModel(): Model {
  const model = new Model({ generator: mlpGenerator(2, 3, 4), discriminator: mlpDiscriminator(3, 4) });
  model.compile({ loss: 'binaryCrossentropy' });
  return model;
}

async function rejection(f: () => Promise<unknown>): Promise<UnknownOptionError> {
  const e = await f().then(
    () => new Error('expected an UnknownOptionError'),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UnknownOptionError);
  return e as UnknownOptionError;
}

describe('unknown options (issue 17)', () => {
  it.each([
    [{ nb_epoch: 2 }, 'nb_epoch', 'epochs'],
    [{ batch_size: 4 }, 'batch_size', 'batchSize'],
  ])('fit(..., %o) throws before training, suggesting the real key', async (options, key, meant) => {
    const model = compiledModel();
    const x = tf.randomNormal([8, 3]);
    const before = snapshotVariables();
    const e = await rejection(() => model.fit(['normal', x], ['zeros', 'ones'], options as never));
    expect(e.key).toBe(key);
    expect(e.suggestion).toBe(meant);
    expect(e.message).toMatch(new RegExp(`^Unknown option '${key}' passed to 'fit'; did you mean '${meant}'\\? Accepted: epochs, batchSize, `));
    expect(e.message).toContain(`Received: ${key}=`);
    expect(changedVariables(before)).toEqual([]);
    expect(model.step).toBe(0);
    x.dispose();
    model.dispose();
  });

  it('new Unrolled({ depthG: 3 }) throws instead of quietly using depth 5', () => {
    const e = (() => {
      try {
        new Unrolled({ depthG: 3 } as never);
      } catch (err) {
        return err as UnknownOptionError;
      }
      throw new Error('expected an UnknownOptionError');
    })();
    expect(e).toBeInstanceOf(UnknownOptionError);
    expect(e.message).toBe("Unknown option 'depthG' passed to 'Unrolled'; did you mean 'depth'? Accepted: depth, player, depths, secondOrder. Received: depthG=3");
  });

  it("new Residual({ layer, merge_mode: 'mul' }) throws, listing the accepted keys and suggesting mergeMode", () => {
    const layer = tf.layers.dense({ units: 3 });
    expect(() => new Residual({ layer, merge_mode: 'mul' } as never)).toThrowError(UnknownOptionError);
    expect(() => new Residual({ layer, merge_mode: 'mul' } as never)).toThrow(
      /^Unknown option 'merge_mode' passed to 'Residual'; did you mean 'mergeMode'\? Accepted: inputShape, .*layer, mergeMode\. Received: merge_mode="mul"$/,
    );
  });

  it('compile({ player_optimizers }) says which key was meant, not that playerOptimizers is undefined', () => {
    const g = mlpGenerator(2, 3, 4);
    const d = mlpDiscriminator(3, 4);
    const gan = new AdversarialModel({ baseModel: buildGan(g, d), playerParams: [g.trainableWeights, d.trainableWeights] });
    const args = { adversarialOptimizer: new Alternating(), player_optimizers: ['adam', 'adam'], loss: 'binaryCrossentropy' };
    expect(() => gan.compile(args as never)).toThrowError(UnknownOptionError);
    expect(() => gan.compile(args as never)).toThrow(/^Unknown option 'player_optimizers' passed to 'compile'; did you mean 'playerOptimizers'\?/);
    gan.dispose();
  });

  it('AdversarialModel.fit checks divergence options, their rollback, and trainOnBatch and evaluate options', async () => {
    const g = mlpGenerator(2, 3, 4);
    const d = mlpDiscriminator(3, 4);
    const gan = new AdversarialModel({ baseModel: buildGan(g, d), playerParams: [g.trainableWeights, d.trainableWeights] });
    gan.compile({ adversarialOptimizer: new Alternating(), playerOptimizers: ['adam', 'adam'], loss: 'binaryCrossentropy' });
    const x = [tf.randomNormal([4, 2]), tf.randomNormal([4, 3])];
    const y = ganTargets(4);
    const before = snapshotVariables();
    expect((await rejection(() => gan.fit(x, y, { divergence: { check_every: 5 } } as never))).suggestion).toBe('checkEvery');
    const nested = await rejection(() => gan.fit(x, y, { divergence: { rollback: { max_retries: 1 } } } as never));
    expect(nested.message).toMatch(/^Unknown option 'max_retries' in 'divergence.rollback' passed to 'fit'; did you mean 'maxRetries'\?/);
    expect((await rejection(() => gan.trainOnBatch(x, y, { check_finite: false } as never))).suggestion).toBe('checkFinite');
    expect((await rejection(() => gan.evaluate(x, y, { batch_size: 2 } as never))).suggestion).toBe('batchSize');
    expect(changedVariables(before)).toEqual([]);
    // Known keys, verbose included, still train.
    await gan.fit(x, y, { epochs: 1, batchSize: 4, verbose: 0 } as never);
    expect(gan.step).toBe(1);
    tf.dispose([...x, ...y]);
    gan.dispose();
  });
});
