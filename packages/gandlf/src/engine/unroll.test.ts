import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, UnknownOptionError } from '../errors';
import { bilinearGame } from '../test-utils/bilinear';
import { AdversarialModel } from './adversarial-model';
import { adversarialOptimizerFromConfig } from './registry';
import { Unrolled } from './unrolled';

// The game: x minimises x*y; y minimises -x*y + c*y² (an L2 regularizer on y's kernel).
// With SGD at rate η and a = 1 - 2cη, y unrolled k steps against a fixed x is
// y_k = a^k y + η x (1 + a + … + a^(k-1)); x unrolled k steps against a fixed y is x - kηy.
const lr = 0.1;
const c = 0.5;
const a = 1 - 2 * c * lr;
const sum = (k: number) => Array.from({ length: k }, (_, i) => a ** i).reduce((s, v) => s + v, 0);
const yAhead = (x: number, y: number, k: number) => a ** k * y + lr * x * sum(k);

const adam = (): [tf.Optimizer, tf.Optimizer] => [tf.train.adam(0.05, 0.5, 0.999, 1e-7), tf.train.adam(0.05, 0.5, 0.999, 1e-7)];

describe("Unrolled's symmetric form: one depth per player", () => {
  it('depths [2, 3]: x steps against y unrolled 2 steps, y against x unrolled 3 steps (SGD, closed form)', async () => {
    const g = bilinearGame(new Unrolled({ depths: [2, 3] }), { yL2: c });
    await g.step();
    const [x, y] = g.xy();
    expect(x).toBeCloseTo(1 - lr * yAhead(1, 0.5, 2), 6);
    // y's gradient of -x*y + c*y² at x_3 = x - 3ηy.
    expect(y).toBeCloseTo(0.5 - lr * (-(1 - 3 * lr * 0.5) + 2 * c * 0.5), 6);
    g.dispose();
  });

  it.each([
    ['[3, 0] is depth 3 for the first player', { depths: [3, 0] }, { depth: 3 }],
    ["[0, 2] is depth 2 for player 'y'", { depths: [0, 2] }, { depth: 2, player: 'y' }],
    ['[0, 0] is depth 0', { depths: [0, 0] }, { depth: 0 }],
  ] as const)('%s (Adam, 6 steps, identical weights and logs)', async (_, symmetric, single) => {
    const u = bilinearGame(new Unrolled(symmetric), { optimizers: adam, yL2: c });
    const v = bilinearGame(new Unrolled(single), { optimizers: adam, yL2: c });
    // Values only: the output names in the keys differ per model.
    for (let i = 0; i < 6; i++) expect(Object.values(await u.step())).toEqual(Object.values(await v.step()));
    expect(u.xy()).toEqual(v.xy());
    u.dispose();
    v.dispose();
  });

  it('restores both players and their Adam state between the two look-aheads', async () => {
    // x's look-ahead must not see y's unroll, and y's must not see x's: each
    // equals the one-sided Unrolled of the same depth.
    const both = bilinearGame(new Unrolled({ depths: [2, 3] }), { optimizers: adam, yL2: c });
    const xOnly = bilinearGame(new Unrolled({ depth: 2 }), { optimizers: adam, yL2: c });
    const yOnly = bilinearGame(new Unrolled({ depth: 3, player: 'y' }), { optimizers: adam, yL2: c });
    for (const g of [both, xOnly, yOnly]) await g.step();
    expect(both.xy()[0]).toBe(xOnly.xy()[0]);
    expect(both.xy()[1]).toBe(yOnly.xy()[1]);
    [both, xOnly, yOnly].forEach((g) => g.dispose());
  });

  it('rejects depths with depth or player, a bad depths, and a depths of the wrong length at compile', () => {
    expect(() => new Unrolled({ depths: [1, 1], depth: 3 })).toThrowError(InvalidArgumentError);
    expect(() => new Unrolled({ depths: [1, 1], player: 'y' })).toThrowError(/'depths' passed to 'Unrolled' replaces 'depth' and 'player'.*player="y"/);
    expect(() => new Unrolled({ depths: [1, -1] })).toThrowError(/non-negative integers.*Received: depths=/);
    expect(() => new Unrolled({ depths: [1.5, 0] })).toThrowError(InvalidArgumentError);
    expect(() => new Unrolled({ depths: 2 as never })).toThrowError(/Received: depths=2/);
    expect(() => new Unrolled({ secondOrder: 'yes' as never })).toThrowError(/'secondOrder'.*boolean.*Received: secondOrder="yes"/);
    expect(() => new Unrolled({ depthG: 1 } as never)).toThrowError(UnknownOptionError);
    expect(() => bilinearGame(new Unrolled({ depths: [1, 1, 1] }))).toThrowError(/one depth per player, in the order \["x", ?"y"\].*depths=/);
  });

  it.each([{}, { depth: 3, player: 'y' }, { depths: [2, 1] }, { depths: [0, 4], secondOrder: true }, { depth: 1, secondOrder: true }] as const)(
    'getConfig round-trips through the registry: %j',
    (options) => {
      const u = new Unrolled(options);
      const back = adversarialOptimizerFromConfig('Unrolled', u.getConfig()) as Unrolled;
      expect(back.getConfig()).toEqual(u.getConfig());
      u.bind(['x', 'y']);
      back.bind(['x', 'y']);
      expect(back.playerDepths).toEqual(u.playerDepths);
      expect(JSON.parse(JSON.stringify(u.getConfig()))).toEqual(u.getConfig());
    },
  );

  it('a checkpoint stores depths and secondOrder, and resumes with them', async () => {
    const g = bilinearGame(new Unrolled({ depths: [2, 1], secondOrder: true }), { yL2: c });
    await g.step();
    await g.game.save('memory://unrolled-depths');
    const loaded = await AdversarialModel.load('memory://unrolled-depths');
    expect(loaded.game('test').optimizer.getConfig()).toEqual({ depths: [2, 1], secondOrder: true });
    expect((loaded.game('test').optimizer as Unrolled).playerDepths).toEqual([2, 1]);
    loaded.dispose?.();
    g.dispose();
  });
});

describe("Unrolled's logged losses are at today's weights, as Keras logs them", () => {
  it.each([
    ['x looks ahead', { depth: 3 }],
    ['y looks ahead', { depth: 2, player: 'y' }],
    ['both look ahead', { depths: [2, 3] }],
    ['second order', { depths: [2, 1], secondOrder: true }],
  ] as const)('%s: the logs equal evaluate at the pre-step weights', async (_, options) => {
    const g = bilinearGame(new Unrolled(options), { optimizers: adam, yL2: c });
    const ones = tf.ones([1, 1]);
    const zeros = tf.zeros([1, 1]);
    for (let i = 0; i < 3; i++) {
      const [x, y] = g.xy();
      const expected = await g.game.evaluate(ones, [zeros, zeros]);
      const logs = await g.step();
      expect(Object.keys(logs)).toEqual(Object.keys(expected));
      for (const [k, v] of Object.entries(expected)) expect(logs[k]).toBeCloseTo(v, 6);
      // By hand: x's loss x*y, y's -x*y + c*y².
      expect(logs.x_loss).toBeCloseTo(x * y, 6);
      expect(logs.y_loss).toBeCloseTo(-x * y + c * y * y, 6);
    }
    tf.dispose([ones, zeros]);
    g.dispose();
  });
});
