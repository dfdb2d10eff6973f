import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GandlfError, InvalidArgumentError, NonFiniteDataError, NotCompiledError, ShapeMismatchError, UnknownNameError } from '../errors';
import { buildGan } from '../helpers/builders';
import { ganTargets } from '../helpers/targets';
import type { AdversarialOptimizer } from './adversarial-optimizer';
import { Alternating } from './alternating';
import { Scheduled } from './scheduled';
import { Simultaneous } from './simultaneous';
import { Unrolled } from './unrolled';
import { changedVariables, mlpDiscriminator, mlpGenerator, snapshotVariables } from '../test-utils/models';
import { AdversarialModel } from './adversarial-model';
import type { Player } from './player';

const LATENT = 10;
const DIM = 5;

function makeGan(names: string[] | undefined = ['generator', 'discriminator']) {
  const g = mlpGenerator(LATENT, DIM);
  const d = mlpDiscriminator(DIM);
  const gan = new AdversarialModel({
    baseModel: buildGan(g, d),
    playerParams: [g.trainableWeights, d.trainableWeights],
    ...(names ? { playerNames: names } : {}),
  });
  return { g, d, gan };
}

const compileArgs = (adversarialOptimizer: AdversarialOptimizer = new Alternating()) => ({
  adversarialOptimizer,
  playerOptimizers: [tf.train.adam(1e-3, 0.5, 0.999, 1e-7), 'adam'] as const,
  loss: 'binaryCrossentropy',
});

let data: { z: tf.Tensor; x: tf.Tensor; y: tf.Tensor[] };
beforeEach(() => {
  const n = 64;
  data = { z: tf.randomNormal([n, LATENT]), x: tf.add(tf.randomNormal([n, DIM], 0, 0.5), 2), y: ganTargets(n) };
});
afterEach(() => tf.dispose([data.z, data.x, ...data.y]));

describe('AdversarialModel: the seed integration test', () => {
  const optimizers: [string, () => AdversarialOptimizer][] = [
    ['Simultaneous', () => new Simultaneous()],
    ['Alternating', () => new Alternating()],
    ['Scheduled', () => new Scheduled(['discriminator', 'generator'])],
    ['Unrolled', () => new Unrolled({ depth: 2, player: 'generator' })],
  ];
  for (const [name, make] of optimizers) {
    it(`trains an MLP GAN (latent 10, 5-D Gaussian, 3 epochs) with ${name}`, async () => {
      const { gan } = makeGan();
      gan.compile({ ...compileArgs(make()), playerOptimizers: ['adam', 'adam'] });
      const history = await gan.fit([data.z, data.x], data.y, { epochs: 3, batchSize: 16 });
      expect(history.epoch).toEqual([0, 1, 2]);
      expect(Object.keys(history.history)).toEqual([
        'loss',
        'generator_loss',
        'generator_yFake_loss',
        'generator_yReal_loss',
        'discriminator_loss',
        'discriminator_yFake_loss',
        'discriminator_yReal_loss',
      ]);
      for (const values of Object.values(history.history)) {
        expect(values).toHaveLength(3);
        for (const v of values) expect(Number.isFinite(v)).toBe(true);
      }
      // loss is the sum of the players' totals.
      const h = history.history;
      expect(h.loss![2]).toBeCloseTo(h.generator_loss![2]! + h.discriminator_loss![2]!, 4);
    });
  }
});

describe('AdversarialModel: who moves', () => {
  it('player i changes only playerParams[i]; no other variable moves', async () => {
    const { g, d, gan } = makeGan();
    gan.compile(compileArgs(new Scheduled(['discriminator', 'generator'])));
    const gVars = g.trainableWeights.map((w) => (w.read() as tf.Variable).name);
    const dVars = d.trainableWeights.map((w) => (w.read() as tf.Variable).name);
    // Optimizer slots only exist after the first update of each player.
    await gan.trainOnBatch([data.z, data.x], data.y);
    await gan.trainOnBatch([data.z, data.x], data.y);
    const [gPlayer, dPlayer] = gan.getPlayers() as [Player, Player];

    let before = snapshotVariables();
    await gan.trainOnBatch([data.z, data.x], data.y); // step 2: discriminator
    expect(changedVariables(before).sort()).toEqual([...dVars, ...(await optimizerState(dPlayer))].sort());

    before = snapshotVariables();
    await gan.trainOnBatch([data.z, data.x], data.y); // step 3: generator
    expect(changedVariables(before).sort()).toEqual([...gVars, ...(await optimizerState(gPlayer))].sort());
  });

  it('shares weights between players when given playerModels', async () => {
    const g = mlpGenerator(LATENT, DIM);
    const d = mlpDiscriminator(DIM);
    // The discriminator player sees D with dropout; the generator player without.
    const dDrop = tf.sequential({ layers: [tf.layers.dropout({ rate: 0.3, inputShape: [DIM] }), d] });
    const z = tf.input({ shape: [LATENT] });
    const x = tf.input({ shape: [DIM] });
    const gModel = tf.model({ inputs: [z, x], outputs: [d.apply(g.apply(z)) as tf.SymbolicTensor, d.apply(x) as tf.SymbolicTensor] });
    const dModel = tf.model({ inputs: [z, x], outputs: [dDrop.apply(g.apply(z)) as tf.SymbolicTensor, dDrop.apply(x) as tf.SymbolicTensor] });
    const gan = new AdversarialModel({ playerModels: [gModel, dModel], playerParams: [g.trainableWeights, d.trainableWeights] });
    gan.compile({ adversarialOptimizer: new Alternating(), playerOptimizers: ['adam', 'adam'], loss: 'binaryCrossentropy' });
    expect(gan.playerNames).toEqual(['player_0', 'player_1']);
    const logs = await gan.trainOnBatch([data.z, data.x], data.y);
    expect(Object.keys(logs)[1]).toBe('player_0_loss');
    for (const v of Object.values(logs)) expect(Number.isFinite(v)).toBe(true);
  });
});

/** Names of the variables an Adam optimizer owns: its moments and its beta powers. */
async function optimizerState(p: Player): Promise<string[]> {
  const weights = await p.optimizer.getWeights();
  weights[0]!.tensor.dispose(); // the iteration count is a fresh scalar
  const adam = p.optimizer as unknown as { accBeta1: tf.Variable; accBeta2: tf.Variable };
  return [...weights.slice(1).map((w) => (w.tensor as unknown as tf.Variable).name), adam.accBeta1.name, adam.accBeta2.name];
}

describe('AdversarialModel: compile arguments', () => {
  it('playerCompileArgs override loss and lossWeights per player (zero-sum game)', async () => {
    const { gan } = makeGan();
    gan.compile({
      ...compileArgs(new Simultaneous()),
      playerCompileArgs: [{ loss: 'minimize', lossWeights: { yReal: 0 } }, { loss: 'maximize' }],
    });
    const logs = await gan.evaluate([data.z, data.x], data.y);
    expect(logs.generator_loss).toBeCloseTo(logs.generator_yFake_loss!, 6);
    expect(logs.discriminator_loss).toBeCloseTo(logs.discriminator_yFake_loss! + logs.discriminator_yReal_loss!, 6);
    expect(logs.discriminator_yFake_loss).toBeCloseTo(-logs.generator_yFake_loss!, 6);
  });

  it('logs metrics as ${player}_${output}_${metric}', async () => {
    const { gan } = makeGan();
    gan.compile({ ...compileArgs(), metrics: ['accuracy'] });
    expect(gan.metricsNames).toContain('discriminator_yReal_acc');
    const logs = await gan.trainOnBatch([data.z, data.x], data.y);
    expect(logs.discriminator_yReal_acc).toBeGreaterThanOrEqual(0);
    expect(logs.discriminator_yReal_acc).toBeLessThanOrEqual(1);
  });

  it('takes targets as a record keyed by ${player}_${output}', async () => {
    const { gan } = makeGan();
    gan.compile(compileArgs(new Simultaneous()));
    const [a, b, c, e] = data.y as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
    const fromList = await gan.evaluate([data.z, data.x], data.y);
    const fromRecord = await gan.evaluate([data.z, data.x], {
      discriminator_yReal: e,
      generator_yFake: a,
      generator_yReal: b,
      discriminator_yFake: c,
    });
    expect(fromRecord).toEqual(fromList);
  });
});

describe('AdversarialModel: fit', () => {
  it('keeps tf.memory().numTensors flat across epochs and steps', async () => {
    const { gan } = makeGan();
    gan.compile(compileArgs());
    await gan.fit([data.z, data.x], data.y, { epochs: 1, batchSize: 16 });
    const before = tf.memory().numTensors;
    await gan.fit([data.z, data.x], data.y, { epochs: 2, batchSize: 16, validationData: [[data.z, data.x], data.y] });
    await gan.trainOnBatch([data.z, data.x], data.y);
    await gan.evaluate([data.z, data.x], data.y);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('calls back in order, logs validation, stops on request and continues from initialEpoch', async () => {
    const { gan } = makeGan();
    gan.compile(compileArgs());
    const calls: string[] = [];
    const history = await gan.fit([data.z, data.x], data.y, {
      epochs: 4,
      initialEpoch: 1,
      batchSize: 32,
      validationData: [[data.z, data.x], data.y],
      callbacks: [
        {
          onTrainBegin: () => void calls.push('trainBegin'),
          onEpochBegin: (e) => void calls.push(`epochBegin ${e}`),
          onBatchEnd: (b, logs) => {
            calls.push(`batchEnd ${b}`);
            expect(Number.isFinite(logs?.loss)).toBe(true);
          },
          onEpochEnd: (e, logs) => {
            calls.push(`epochEnd ${e}`);
            expect(logs).toHaveProperty('val_discriminator_loss');
            if (e === 2) gan.stopTraining = true;
          },
          onTrainEnd: () => void calls.push('trainEnd'),
        },
      ],
    });
    expect(calls).toEqual(['trainBegin', 'epochBegin 1', 'batchEnd 0', 'batchEnd 1', 'epochEnd 1', 'epochBegin 2', 'batchEnd 0', 'batchEnd 1', 'epochEnd 2', 'trainEnd']);
    expect(history.epoch).toEqual([1, 2]);
    expect(gan.step).toBe(4);
  });

  it('repeats exactly with the same seed', async () => {
    const run = async () => {
      tf.randomNormal([1]).dispose();
      const { g, gan } = makeGan();
      // Same starting weights for both runs.
      g.setWeights(g.getWeights().map((w) => tf.fill(w.shape, 0.1)));
      const { d } = { d: gan.playerModels[0]! };
      d.layers.forEach((l) => l.setWeights(l.getWeights().map((w) => tf.fill(w.shape, 0.05))));
      gan.compile(compileArgs());
      const h = await gan.fit([(n: number, r) => tf.randomNormal([n, LATENT], 0, 1, 'float32', r.nextSeed()), data.x], data.y, {
        epochs: 2,
        batchSize: 16,
        seed: 7,
      });
      return h.history.loss;
    };
    expect(await run()).toEqual(await run());
  });
});

describe('AdversarialModel: errors', () => {
  it('needs exactly one of baseModel and playerModels', () => {
    const g = mlpGenerator(LATENT, DIM);
    const d = mlpDiscriminator(DIM);
    const base = buildGan(g, d);
    const params = [g.trainableWeights, d.trainableWeights];
    expect(() => new AdversarialModel({ playerParams: params })).toThrowError(/exactly one of 'baseModel' and 'playerModels'. Received: neither/);
    expect(() => new AdversarialModel({ baseModel: base, playerModels: [base, base], playerParams: params })).toThrowError(/Received: both/);
  });

  it('rejects a wrong number of players, names or models', () => {
    const { g, d } = makeGan();
    const base = buildGan(g, d);
    const params = [g.trainableWeights, d.trainableWeights];
    expect(() => new AdversarialModel({ baseModel: base, playerParams: params, playerNames: ['g'] })).toThrowError(ShapeMismatchError);
    expect(() => new AdversarialModel({ baseModel: base, playerParams: params, playerNames: ['g', 'g'] })).toThrowError(/distinct/);
    expect(() => new AdversarialModel({ playerModels: [base], playerParams: params })).toThrowError(/2 playerParams but 1 playerModels/);
  });

  it('rejects a player with no trainable parameters, naming it', () => {
    const { g, d } = makeGan();
    expect(() => new AdversarialModel({ baseModel: buildGan(g, d), playerParams: [g.trainableWeights, []], playerNames: ['generator', 'critic'] })).toThrowError(
      /Player 'critic'.*no trainable parameters.*playerParams\[1\]=\[\]/,
    );
  });

  it('rejects fit, trainOnBatch and evaluate before compile', async () => {
    const { gan } = makeGan();
    await expect(gan.fit([data.z, data.x], data.y)).rejects.toThrowError(NotCompiledError);
    await expect(gan.fit([data.z, data.x], data.y)).rejects.toThrowError('You must call compile() before fit().');
    await expect(gan.trainOnBatch([data.z, data.x], data.y)).rejects.toThrowError(/before trainOnBatch/);
    await expect(gan.evaluate([data.z, data.x], data.y)).rejects.toThrowError(/before evaluate/);
  });

  it('rejects a wrong number of optimizers and unknown names', () => {
    const { gan } = makeGan();
    expect(() => gan.compile({ ...compileArgs(), playerOptimizers: ['adam'] })).toThrowError(/one optimizer per player \(2: generator, discriminator\)/);
    expect(() => gan.compile({ ...compileArgs(), playerOptimizers: ['adam', 'adamw'] })).toThrowError(UnknownNameError);
    expect(() => gan.compile({ ...compileArgs(), playerOptimizers: ['adam', 'adamw'] })).toThrowError(/playerOptimizers\[1\] \(player 'discriminator'\).*Received: "adamw"/);
    expect(() => gan.compile({ ...compileArgs(), loss: 'bce' })).toThrowError(/loss of player 'generator', output 'yFake'.*Received: "bce"/);
    const shared = tf.train.adam();
    expect(() => gan.compile({ ...compileArgs(), playerOptimizers: [shared, shared] })).toThrowError(/same optimizer instance/);
    expect(() => gan.compile({ ...compileArgs(), adversarialOptimizer: 'alternating' as never })).toThrowError(/adversarialOptimizer="alternating"/);
    expect(() => gan.compile({ ...compileArgs(), lossWeights: { yFak: 1 } })).toThrowError(/\["yFak"\]/);
  });

  it('rejects a wrong number of targets or inputs and wrong shapes', async () => {
    const { gan } = makeGan();
    gan.compile(compileArgs());
    await expect(gan.fit([data.z, data.x], data.y.slice(0, 3))).rejects.toThrowError(ShapeMismatchError);
    await expect(gan.fit([data.z, data.x], data.y.slice(0, 3))).rejects.toThrowError(/must hold 4 targets \(generator_yFake, generator_yReal, discriminator_yFake, discriminator_yReal\). Received: 3/);
    await expect(gan.fit([data.z], data.y)).rejects.toThrowError(/must hold 2 inputs/);
    const wide = tf.zeros([64, DIM + 1]);
    await expect(gan.fit([data.z, wide], data.y)).rejects.toThrowError(/Input '.*' passed to 'fit' has the wrong shape: expected \[batch,5\]. Received: shape \[64,6\]/);
    const short = tf.zeros([10, DIM]);
    await expect(gan.fit([data.z, short], data.y)).rejects.toThrowError(/same number of samples/);
    await expect(gan.fit([data.z, data.x], { generator_yFake: 1 })).rejects.toThrowError(/missing \["generator_yReal"/);
    await expect(gan.fit([data.z, data.x], data.y, { batchSize: 0 })).rejects.toThrowError(InvalidArgumentError);
    await expect(gan.fit([data.z, data.x], data.y, { batchSize: 0 })).rejects.toThrowError(/batchSize=0/);
    await expect(gan.fit([() => tf.zeros([3, 2]), data.x], data.y)).rejects.toThrowError(/expected \[32,10\]. Received: shape \[3,2\]/);
    tf.dispose([wide, short]);
  });

  it('rejects non-finite real data before anything is updated', async () => {
    const { gan } = makeGan();
    gan.compile(compileArgs());
    const bad = data.x.arraySync() as number[][];
    bad[17]![3] = Number.NaN;
    const x = tf.tensor2d(bad);
    const before = snapshotVariables();
    await expect(gan.fit([data.z, x], data.y)).rejects.toThrowError(NonFiniteDataError);
    await expect(gan.trainOnBatch([data.z, x], data.y)).rejects.toThrowError(/Input '.*' passed to 'trainOnBatch' contains NaN or Infinity.*row 17/);
    expect(changedVariables(before)).toEqual([]);
    x.dispose();
  });

  it('rejects a second fit while one runs', async () => {
    const { gan } = makeGan();
    gan.compile(compileArgs());
    const first = gan.fit([data.z, data.x], data.y, { epochs: 1, batchSize: 8 });
    await expect(gan.trainOnBatch([data.z, data.x], data.y)).rejects.toThrowError(GandlfError);
    await first;
  });
});
