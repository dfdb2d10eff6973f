import { describe, expect, it } from 'vitest';
import { GandlfError, InvalidArgumentError, UnknownOptionError } from './errors';
import { checkOptions, optionKeys, requireOptions, suggestKey } from './options';

interface Fit {
  epochs?: number;
  batchSize?: number;
  initialEpoch?: number;
  validationData?: unknown;
}
const FIT = optionKeys<Fit>()({ epochs: true, batchSize: true, initialEpoch: true, validationData: true });

/** The error `f` throws. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('checkOptions', () => {
  it('returns the options when every key is accepted, and {} for undefined and null', () => {
    const options = { epochs: 2, batchSize: 4 };
    expect(checkOptions(options, FIT, 'fit')).toBe(options);
    expect(checkOptions(undefined, FIT, 'fit')).toEqual({});
    expect(checkOptions(null, FIT, 'fit')).toEqual({});
    // Keys set to undefined are still keys the function knows.
    expect(checkOptions({ epochs: undefined }, FIT, 'fit')).toEqual({ epochs: undefined });
  });

  it('names the key and the function, hints the Keras spelling, lists the accepted keys and echoes the value', () => {
    const e = thrown(() => checkOptions({ nb_epoch: 2 } as Fit, FIT, 'fit'));
    expect(e).toBeInstanceOf(UnknownOptionError);
    expect(e).toBeInstanceOf(InvalidArgumentError);
    expect(e).toBeInstanceOf(GandlfError);
    const err = e as UnknownOptionError;
    expect(err.name).toBe('UnknownOptionError');
    expect(err.message).toBe("Unknown option 'nb_epoch' passed to 'fit'; did you mean 'epochs'? Accepted: epochs, batchSize, initialEpoch, validationData. Received: nb_epoch=2");
    expect(err.key).toBe('nb_epoch');
    expect(err.allowed).toEqual(['epochs', 'batchSize', 'initialEpoch', 'validationData']);
    expect(err.suggestion).toBe('epochs');
  });

  it.each([
    ['nb_epoch', 'epochs'],
    ['batch_size', 'batchSize'],
    ['validation_data', 'validationData'],
    ['initial_epoch', 'initialEpoch'],
    ['epoch', 'epochs'],
    ['BatchSize', 'batchSize'],
    ['batchsize', 'batchSize'],
    ['batchSzie', 'batchSize'],
  ])("suggests for '%s' the key '%s'", (key, meant) => {
    const e = thrown(() => checkOptions({ [key]: 1 }, FIT, 'fit')) as UnknownOptionError;
    expect(e.suggestion).toBe(meant);
    expect(e.message).toContain(`did you mean '${meant}'?`);
  });

  it('suggests across the tables only where the counterpart is accepted', () => {
    expect(suggestKey('player_optimizers', ['adversarialOptimizer', 'playerOptimizers', 'loss'])).toBe('playerOptimizers');
    expect(suggestKey('loss_weights', ['loss', 'lossWeights'])).toBe('lossWeights');
    expect(suggestKey('optimizer', ['adversarialOptimizer', 'playerOptimizers'])).toBe('playerOptimizers');
    expect(suggestKey('lr', ['steps', 'learningRate'])).toBe('learningRate');
    expect(suggestKey('lr', ['generatorLr', 'discriminatorLr'])).toBeUndefined();
    expect(suggestKey('p', ['rate', 'seed'])).toBe('rate');
    expect(suggestKey('samples_per_epoch', ['epochs', 'numSamples'])).toBe('numSamples');
    expect(suggestKey('max_to_keep', ['url', 'keep'])).toBe('keep');
  });

  it('gives no hint for a name far from every accepted one, and still lists them', () => {
    const e = thrown(() => checkOptions({ nb_worker: 4 } as Fit, FIT, 'fit')) as UnknownOptionError;
    expect(e.suggestion).toBeUndefined();
    expect(e.message).toBe("Unknown option 'nb_worker' passed to 'fit'. Accepted: epochs, batchSize, initialEpoch, validationData. Received: nb_worker=4");
    // Two edits turn any short name into any other: no hint for those.
    expect(suggestKey('ab', ['n', 'z0'])).toBeUndefined();
    expect(suggestKey('mergeMode', ['layer', 'name', 'trainable'])).toBeUndefined();
  });

  it('names the option holding a nested object, and every other unknown key', () => {
    const e = thrown(() => checkOptions({ step: 5, epoch: 1 }, ['steps', 'epochs', 'seconds'], 'checkpoint', 'every')) as UnknownOptionError;
    expect(e.message).toBe("Unknown option 'step' in 'every' passed to 'checkpoint'; did you mean 'steps'? Accepted: steps, epochs, seconds. Also unknown: epoch. Received: step=5");
  });

  it('handles keys that are names of Object.prototype', () => {
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const options = Object.fromEntries([[key, 1]]);
      expect(thrown(() => checkOptions(options, FIT, 'fit'))).toBeInstanceOf(UnknownOptionError);
    }
  });

  it('rejects an options argument that is not an object with an InvalidArgumentError', () => {
    for (const bad of [5, 'epochs', true, [], [1], () => 1]) {
      const e = thrown(() => checkOptions(bad as never, FIT, 'fit'));
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect(e).not.toBeInstanceOf(UnknownOptionError);
      expect((e as Error).message).toMatch(/^Argument 'options' passed to 'fit' must be an object with keys among epochs, batchSize, .*Received: options=/);
    }
  });

  it('requireOptions rejects undefined and null', () => {
    expect(thrown(() => requireOptions(undefined as never, FIT, 'Model', 'args'))).toBeInstanceOf(InvalidArgumentError);
    expect((thrown(() => requireOptions(null as never, FIT, 'Model', 'args')) as Error).message).toContain("Argument 'args' passed to 'Model'");
    expect(requireOptions({ epochs: 1 }, FIT, 'Model')).toEqual({ epochs: 1 });
  });

  it('optionKeys lists the keys in the order written', () => {
    expect(FIT).toEqual(['epochs', 'batchSize', 'initialEpoch', 'validationData']);
    expect(Object.isFrozen(FIT)).toBe(true);
  });
});

// Compile-time checks of optionKeys: `tsc` fails if these stop being errors.
export function typeChecks(): void {
  // @ts-expect-error: a key of the interface is missing.
  optionKeys<Fit>()({ epochs: true, batchSize: true, initialEpoch: true });
  // @ts-expect-error: a key the interface does not have.
  optionKeys<Fit>()({ epochs: true, batchSize: true, initialEpoch: true, validationData: true, nb_epoch: true });
}
