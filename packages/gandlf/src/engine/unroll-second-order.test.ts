import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { bilinearGame } from '../test-utils/bilinear';
import { Simultaneous } from './simultaneous';
import { Unrolled } from './unrolled';

// The game: x minimises f = x*y; y minimises -x*y + c*y² (an L2 regularizer on
// y's kernel), so y's gradient is g(x, y) = -x + 2cy. With SGD at rate η,
// y_{k+1} = a*y_k + η*x (a = 1 - 2cη): y_K = a^K y + η x S_K, S_K = 1 + a + … + a^(K-1).
// First order, x's gradient is ∂f/∂x at y_K: y_K.
// Second order, d/dx [x * y_K(x)] = y_K + x * dy_K/dx = y_K + η x S_K:
// the two differ by x * dy_K/dx, the term through y's updates.
const lr = 0.1;
const c = 0.5;
const a = 1 - 2 * c * lr;
const S = (k: number) => Array.from({ length: k }, (_, i) => a ** i).reduce((s, v) => s + v, 0);
const yAhead = (x: number, y: number, k: number) => a ** k * y + lr * x * S(k);

/** x's gradient of one step, read back from its SGD update. */
const xGradient = (before: number, after: number) => (before - after) / lr;

describe('Unrolled secondOrder: the look-ahead gradient through the unrolled updates (closed forms)', () => {
  it.each([1, 2, 3])('depth %i with SGD: y_K + x·η·S_K, which exceeds the first order by exactly x·dy_K/dx', async (depth) => {
    const first = bilinearGame(new Unrolled({ depth }), { yL2: c });
    const second = bilinearGame(new Unrolled({ depth, secondOrder: true }), { yL2: c });
    await first.step();
    await second.step();
    const [x, y] = [1, 0.5];
    const g1 = xGradient(x, first.xy()[0]);
    const g2 = xGradient(x, second.xy()[0]);
    expect(g1).toBeCloseTo(yAhead(x, y, depth), 5);
    expect(g2).toBeCloseTo(yAhead(x, y, depth) + lr * x * S(depth), 5);
    expect(g2 - g1).toBeCloseTo(x * lr * S(depth), 5);
    // y steps from today's weights either way.
    expect(second.xy()[1]).toBeCloseTo(first.xy()[1], 7);
    expect(second.xy()[1]).toBeCloseTo(a * y + lr * x, 6);
    first.dispose();
    second.dispose();
  });

  it('depths [1, 1] with SGD: y looks ahead through x_1 = x - ηy as well', async () => {
    const g = bilinearGame(new Unrolled({ depths: [1, 1], secondOrder: true }), { yL2: c });
    await g.step();
    const [x, y] = [1, 0.5];
    expect(g.xy()[0]).toBeCloseTo(x - lr * (yAhead(x, y, 1) + lr * x), 6);
    // d/dy [-x_1(y) y + c y²] = -(x - ηy) + ηy + 2cy; the first order would drop the middle ηy.
    expect(g.xy()[1]).toBeCloseTo(y - lr * (-(x - lr * y) + lr * y + 2 * c * y), 6);
    g.dispose();
  });

  it("depth 1 with Adam for y (after a step, so its moments are live): by hand from Adam's update formula", async () => {
    const [beta1, beta2, eps, yRate] = [0.5, 0.9, 1e-7, 0.05];
    const g = bilinearGame(new Unrolled({ depth: 1, secondOrder: true }), { yL2: c, optimizers: () => [tf.train.sgd(lr), tf.train.adam(yRate, beta1, beta2, eps)] });
    await g.step();
    const [x, y] = g.xy();
    const weights = await g.game.getPlayers()[1]!.optimizer.getWeights();
    const [m, v] = [weights[1]!.tensor.dataSync()[0]!, weights[2]!.tensor.dataSync()[0]!];
    weights[0]!.tensor.dispose();
    // One Adam step was taken: the beta powers in the bias correction are beta^2.
    const [acc1, acc2] = [beta1 ** 2, beta2 ** 2];
    const grad = -x + 2 * c * y;
    const mHat = (beta1 * m + (1 - beta1) * grad) / (1 - acc1);
    const vHat = (beta2 * v + (1 - beta2) * grad * grad) / (1 - acc2);
    const root = Math.sqrt(vHat);
    const y1 = y - (yRate * mHat) / (root + eps);
    // dy_1/dgrad, through m̂ and v̂; dgrad/dx = -1.
    const dMhat = (1 - beta1) / (1 - acc1);
    const dVhat = (2 * (1 - beta2) * grad) / (1 - acc2);
    const dy1 = -yRate * (dMhat / (root + eps) - (mHat / (root + eps) ** 2) * (dVhat / (2 * root)));
    const expected = y1 + x * -dy1;
    expect(Math.abs(x * dy1)).toBeGreaterThan(0.01);
    await g.step();
    expect(xGradient(x, g.xy()[0])).toBeCloseTo(expected, 4);
    g.dispose();
  });

  it('secondOrder with depth 0 equals Simultaneous (Adam, 8 steps, identical weights)', async () => {
    const adam = (): [tf.Optimizer, tf.Optimizer] => [tf.train.adam(0.05, 0.5, 0.999, 1e-7), tf.train.adam(0.05, 0.5, 0.999, 1e-7)];
    const u = bilinearGame(new Unrolled({ depth: 0, secondOrder: true }), { optimizers: adam, yL2: c });
    const s = bilinearGame(new Simultaneous(), { optimizers: adam, yL2: c });
    for (let i = 0; i < 8; i++) expect(Object.values(await u.step())).toEqual(Object.values(await s.step()));
    expect(u.xy()).toEqual(s.xy());
    u.dispose();
    s.dispose();
  });

  it('leaves the unrolled player and its Adam state untouched, and leaks no tensors', async () => {
    const adam = (): [tf.Optimizer, tf.Optimizer] => [tf.train.adam(0.05, 0.5, 0.999, 1e-7), tf.train.adam(0.05, 0.5, 0.999, 1e-7)];
    const u = bilinearGame(new Unrolled({ depth: 3, secondOrder: true }), { optimizers: adam, yL2: c });
    const s = bilinearGame(new Simultaneous(), { optimizers: adam, yL2: c });
    await u.step();
    await s.step();
    // y applied today's gradient, as under Simultaneous.
    expect(u.xy()[1]).toBe(s.xy()[1]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 4; i++) await u.step();
    expect(tf.memory().numTensors).toBe(before);
    u.dispose();
    s.dispose();
  });

  it.each([
    ['Momentum', () => tf.train.momentum(0.1, 0.9)],
    ['RMSProp', () => tf.train.rmsprop(0.1)],
  ] as const)('an unrolled player with %s is a typed error that names it, before anything moves', async (name, make) => {
    const g = bilinearGame(new Unrolled({ depth: 2, secondOrder: true }), { optimizers: () => [tf.train.sgd(lr), make()] });
    const before = g.xy();
    const n = tf.memory().numTensors;
    await expect(g.step()).rejects.toThrowError(InvalidArgumentError);
    await expect(g.step()).rejects.toThrowError(new RegExp(`secondOrder.*player 'y'.*SGD and Adam.*Received: optimizer="${name}"`));
    expect(g.xy()).toEqual(before);
    expect(tf.memory().numTensors).toBe(n);
    g.dispose();
  });
});
