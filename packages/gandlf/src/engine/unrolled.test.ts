import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { bilinearGame } from '../test-utils/bilinear';
import { Simultaneous } from './simultaneous';
import { Unrolled } from './unrolled';

const adam = (): [tf.Optimizer, tf.Optimizer] => [tf.train.adam(0.05, 0.5, 0.999, 1e-7), tf.train.adam(0.05, 0.5, 0.999, 1e-7)];

describe('Unrolled', () => {
  it('depth 0 equals Simultaneous', async () => {
    const a = bilinearGame(new Unrolled({ depth: 0 }), { optimizers: adam });
    const b = bilinearGame(new Simultaneous(), { optimizers: adam });
    for (let i = 0; i < 10; i++) {
      await a.step();
      await b.step();
    }
    expect(a.xy()).toEqual(b.xy());
    a.dispose();
    b.dispose();
  });

  it('steps x against y unrolled `depth` steps ahead (SGD, closed form)', async () => {
    // y after k SGD steps with x fixed: y + k*lr*x; x's gradient there is that y.
    const lr = 0.1;
    const k = 3;
    const g = bilinearGame(new Unrolled({ depth: k }), { x0: 1, y0: 0.5 });
    await g.step();
    const [x, y] = g.xy();
    expect(x).toBeCloseTo(1 - lr * (0.5 + k * lr * 1), 6);
    // y itself takes one ordinary step from the restored snapshot.
    expect(y).toBeCloseTo(0.5 + lr * 1, 6);
    g.dispose();
  });

  it('restores the unrolled player and its Adam state exactly', async () => {
    // One step: y's update must equal Simultaneous's, Adam moments included,
    // which shows up as equal y trajectories while x is frozen out.
    const u = bilinearGame(new Unrolled({ depth: 4, player: 'x' }), { optimizers: adam });
    const s = bilinearGame(new Simultaneous(), { optimizers: adam });
    await u.step();
    await s.step();
    expect(u.xy()[1]).toBe(s.xy()[1]);
    const [uw, sw] = [await u.game.getPlayers()[1]!.optimizer.getWeights(), await s.game.getPlayers()[1]!.optimizer.getWeights()];
    expect(uw.length).toBe(sw.length);
    uw.forEach((w, i) => expect(Array.from(w.tensor.dataSync())).toEqual(Array.from(sw[i]!.tensor.dataSync())));
    tf.dispose([uw[0]!.tensor, sw[0]!.tensor]);
    u.dispose();
    s.dispose();
  });

  it('rejects a bad depth or player', () => {
    expect(() => new Unrolled({ depth: -1 })).toThrowError(InvalidArgumentError);
    expect(() => new Unrolled({ depth: 1.5 })).toThrowError(/depth=1.5/);
    expect(() => bilinearGame(new Unrolled({ player: 'g' }))).toThrowError(/"g"/);
  });

  it('leaks no tensors across steps (Adam shadows are freed)', async () => {
    const g = bilinearGame(new Unrolled({ depth: 3 }), { optimizers: adam });
    await g.step();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) await g.step();
    expect(tf.memory().numTensors).toBe(before);
    g.dispose();
  });
});
