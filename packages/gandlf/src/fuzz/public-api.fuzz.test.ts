import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AdversarialModel } from '../engine/adversarial-model';
import { buildGan } from '../helpers/builders';
import { Model } from '../model/model';
import { Alternating } from '../engine/alternating';
import { Scheduled } from '../engine/scheduled';
import { Simultaneous } from '../engine/simultaneous';
import { Unrolled } from '../engine/unrolled';
import { changedVariables, mlpDiscriminator, mlpGenerator, snapshotVariables } from '../test-utils/models';
import { expectCleanOutcome } from './expect-clean';
import { unknownOptionEntryPoints } from './unknown-option-entry-points';
import { UnknownOptionError } from '../errors';
import { FUZZ_RUNS } from './settings';

// Random and invalid input thrown at every public entry point of the core.
// The property: training either works or stops with a GandlfError before
// changing anything, never with a TypeError, a NaN result or a half update.

const RUNS = FUZZ_RUNS;

/** Values of every kind a user might pass by mistake. */
const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -3, max: 70 }),
  fc.double({ noNaN: false }),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('normal', 'uniform', 'zeros', 'ones', 'onehot', 'gaussian', ''),
  fc.boolean(),
  fc.constant({}),
  fc.constant([]),
  fc.constant(() => 1),
);

/** Tensors of random shape and dtype, sometimes with NaN. */
const tensorArb = fc
  .record({
    rows: fc.integer({ min: 0, max: 9 }),
    cols: fc.integer({ min: 1, max: 6 }),
    rank: fc.integer({ min: 1, max: 3 }),
    dtype: fc.constantFrom('float32', 'int32', 'bool'),
    nan: fc.boolean(),
  })
  .map(({ rows, cols, rank, dtype, nan }) => {
    const shape = [rows, cols, 2].slice(0, rank);
    const t = tf.tidy(() => {
      const base = tf.randomNormal(shape);
      const withNan = nan && rows > 0 ? tf.where(tf.greater(base, 1.5), tf.fill(shape, Number.NaN), base) : base;
      return withNan.cast(dtype as tf.DataType);
    });
    return t;
  });

const sourceArb = fc.oneof(
  junk,
  tensorArb,
  fc.constant((n: number) => tf.zeros([n, 3])),
  fc.constant((n: number) => tf.zeros([n + 1, 3])),
);

function weightsAreFinite(m: tf.LayersModel): boolean {
  return m.getWeights().every((w) => w.dataSync().every(Number.isFinite));
}

describe('fuzz: Model', () => {
  it('constructor, compile and fit with random inputs, targets and options', async () => {
    const model = new Model({ generator: mlpGenerator(4, 3, 4), discriminator: mlpDiscriminator(3, 4) });
    model.compile({ loss: 'binaryCrossentropy' });
    await fc.assert(
      fc.asyncProperty(
        fc.array(sourceArb, { maxLength: 3 }),
        fc.oneof(fc.array(sourceArb, { maxLength: 4 }), fc.dictionary(fc.constantFrom('src', 'gen', 'fake', 'real', 'dis', 'dense_x_real'), sourceArb), junk),
        fc.record({ epochs: fc.oneof(fc.integer({ min: -1, max: 2 }), junk), batchSize: fc.oneof(fc.integer({ min: -1, max: 5 }), junk) }, { requiredKeys: [] }),
        async (x, y, opts) => {
          const before = snapshotVariables();
          const outcome = await expectCleanOutcome(() => model.fit(x as never, y as never, { ...(opts as object), yieldEvery: 'never', divergence: false }));
          if (outcome !== 'ok') expect(changedVariables(before)).toEqual([]);
          expect(weightsAreFinite(model.generator)).toBe(true);
          tf.dispose([...(x as unknown[]), ...(Array.isArray(y) ? y : [])].filter((t): t is tf.Tensor => t instanceof tf.Tensor));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('compile with random losses, weights, optimizers and adversarial optimizers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(junk, fc.constantFrom('binaryCrossentropy', 'hinge', 'mse', 'nope'), fc.dictionary(fc.string({ maxLength: 6 }), junk)),
        fc.oneof(junk, fc.constantFrom('adam', 'sgd', 'rmsprop', 'adamx'), fc.array(fc.constantFrom('adam', 'sgd', 'x'), { maxLength: 3 })),
        fc.oneof(junk, fc.constant({ src_real: Number.NaN })),
        async (loss, optimizer, lossWeights) => {
          const model = new Model({ generator: mlpGenerator(4, 3, 4), discriminator: mlpDiscriminator(3, 4) });
          await expectCleanOutcome(() => model.compile({ loss: loss as never, optimizer: optimizer as never, lossWeights: lossWeights as never }));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('sample and predict with random inputs', async () => {
    const model = new Model({ generator: mlpGenerator(4, 3, 4), discriminator: mlpDiscriminator(3, 4) });
    await fc.assert(
      fc.asyncProperty(fc.array(sourceArb, { maxLength: 2 }), fc.record({ numSamples: junk, seed: junk, batchSize: junk }, { requiredKeys: [] }), async (x, opts) => {
        await expectCleanOutcome(() => tf.dispose(model.sample(x as never, opts as never)));
        await expectCleanOutcome(() => tf.dispose(model.predict(x as never, opts as never)));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: AdversarialModel', () => {
  it('constructor arguments', async () => {
    const g = mlpGenerator(4, 3, 4);
    const d = mlpDiscriminator(3, 4);
    const base = buildGan(g, d);
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            baseModel: fc.oneof(junk, fc.constant(base)),
            playerModels: fc.oneof(junk, fc.constant([base, base]), fc.constant([base])),
            playerParams: fc.oneof(junk, fc.constant([g.trainableWeights, d.trainableWeights]), fc.constant([[], d.trainableWeights]), fc.constant([[1, 2]])),
            playerNames: fc.oneof(junk, fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 })),
          },
          { requiredKeys: [] },
        ),
        async (args) => {
          await expectCleanOutcome(() => new AdversarialModel(args as never));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('compile and fit with random players, schedules and data', async () => {
    const g = mlpGenerator(4, 3, 4);
    const d = mlpDiscriminator(3, 4);
    const gan = new AdversarialModel({ baseModel: buildGan(g, d), playerParams: [g.trainableWeights, d.trainableWeights], playerNames: ['g', 'd'] });
    const adversarial = fc.oneof(
      junk,
      fc.constant(new Simultaneous()),
      fc.array(fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constantFrom('g', 'd', 'x')), { maxLength: 3 }).map((s) => () => new Scheduled(s)),
      fc.dictionary(fc.constantFrom('g', 'd', 'q'), fc.integer({ min: -1, max: 3 })).map((steps) => () => new Alternating({ steps })),
      fc.integer({ min: -1, max: 3 }).map((depth) => () => new Unrolled({ depth })),
    );
    await fc.assert(
      fc.asyncProperty(adversarial, fc.array(sourceArb, { maxLength: 3 }), fc.array(sourceArb, { maxLength: 5 }), async (adv, x, y) => {
        const compiled = await expectCleanOutcome(() =>
          gan.compile({ adversarialOptimizer: (typeof adv === 'function' ? (adv as () => unknown)() : adv) as never, playerOptimizers: ['adam', 'sgd'], loss: 'binaryCrossentropy' }),
        );
        if (compiled !== 'ok') return;
        const before = snapshotVariables();
        const outcome = await expectCleanOutcome(() => gan.trainOnBatch(x as never, y as never));
        if (outcome !== 'ok') expect(changedVariables(before)).toEqual([]);
        tf.dispose([...(x as unknown[]), ...(y as unknown[])].filter((t): t is tf.Tensor => t instanceof tf.Tensor));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: unknown option keys', () => {
  /** Keras 1/2 and snake_case spellings users bring along, besides random keys. */
  const KERAS_SPELLINGS = [
    'nb_epoch',
    'batch_size',
    'samples_per_epoch',
    'nb_worker',
    'validation_data',
    'initial_epoch',
    'player_optimizers',
    'loss_weights',
    'lr',
    'learning_rate',
    'verbose',
    'epoch',
    'optimizer',
    'p',
    'input_shape',
    'clip_value',
    'steps_per_epoch',
  ];
  const keyArb = fc.oneof(fc.string({ minLength: 1, maxLength: 10 }), fc.constantFrom(...KERAS_SPELLINGS));

  it('every entry point throws UnknownOptionError naming the key, before any weight changes', async () => {
    const entries = unknownOptionEntryPoints();
    // Each entry point's accepted keys, read from its own error: a random key among them is no mistake.
    const allowed = new Map<string, readonly string[]>();
    for (const entry of entries) {
      const e = await entry.call('__not_an_option__', 1).then(
        () => null,
        (err: unknown) => err,
      );
      expect(e, entry.name).toBeInstanceOf(UnknownOptionError);
      allowed.set(entry.name, (e as UnknownOptionError).allowed);
    }
    await fc.assert(
      fc.asyncProperty(keyArb, junk, async (key, value) => {
        const before = snapshotVariables();
        for (const entry of entries) {
          if (allowed.get(entry.name)!.includes(key)) continue;
          const e = await entry.call(key, value).then(
            () => null,
            (err: unknown) => err,
          );
          expect(e, `${entry.name} with ${JSON.stringify(key)}`).toBeInstanceOf(UnknownOptionError);
          expect((e as UnknownOptionError).key).toBe(key);
          expect((e as UnknownOptionError).message).toContain(`'${entry.fn}'`);
        }
        expect(changedVariables(before)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
