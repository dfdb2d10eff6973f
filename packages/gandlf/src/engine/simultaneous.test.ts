import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { bilinearGame } from '../test-utils/bilinear';
import { Simultaneous } from './simultaneous';

describe('Simultaneous', () => {
  it('takes both gradients at the same point: x -= lr*y, y += lr*x', async () => {
    const g = bilinearGame(new Simultaneous(), { x0: 1, y0: 0.5 });
    await g.step();
    const [x, y] = g.xy();
    expect(x).toBeCloseTo(1 - 0.1 * 0.5, 6);
    expect(y).toBeCloseTo(0.5 + 0.1 * 1, 6);
    g.dispose();
  });

  it('spirals outward on min_x max_y xy: the radius grows by sqrt(1 + lr^2) a step', async () => {
    const g = bilinearGame(new Simultaneous(), { x0: 1, y0: 0 });
    for (let i = 0; i < 100; i++) await g.step();
    const [x, y] = g.xy();
    expect(Math.hypot(x, y)).toBeCloseTo((1 + 0.01) ** 50, 3);
    expect(Math.hypot(x, y)).toBeGreaterThan(1.6);
    g.dispose();
  });

  it('leaks no tensors across steps', async () => {
    const g = bilinearGame(new Simultaneous(), { optimizers: () => [tf.train.adam(0.1), tf.train.adam(0.1)] });
    await g.step();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) await g.step();
    expect(tf.memory().numTensors).toBe(before);
    g.dispose();
  });
});
