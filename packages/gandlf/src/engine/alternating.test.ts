import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { bilinearGame } from '../test-utils/bilinear';
import { Alternating } from './alternating';

describe('Alternating', () => {
  it('updates in turn: y sees the x that was just updated', async () => {
    const g = bilinearGame(new Alternating(), { x0: 1, y0: 0.5 });
    await g.step();
    const [x, y] = g.xy();
    expect(x).toBeCloseTo(0.95, 6);
    expect(y).toBeCloseTo(0.5 + 0.1 * 0.95, 6);
    g.dispose();
  });

  it('reverse updates the last player first', async () => {
    const g = bilinearGame(new Alternating({ reverse: true }), { x0: 1, y0: 0.5 });
    await g.step();
    const [x, y] = g.xy();
    expect(y).toBeCloseTo(0.6, 6);
    expect(x).toBeCloseTo(1 - 0.1 * 0.6, 6);
    g.dispose();
  });

  it('stays bounded on min_x max_y xy where simultaneous steps spiral out', async () => {
    const g = bilinearGame(new Alternating(), { x0: 1, y0: 0 });
    let maxR = 0;
    for (let i = 0; i < 100; i++) {
      await g.step();
      maxR = Math.max(maxR, Math.hypot(...g.xy()));
    }
    // The alternating map has determinant 1: orbits are ellipses near the unit circle.
    expect(maxR).toBeLessThan(1.1);
    expect(maxR).toBeGreaterThan(0.9);
    g.dispose();
  });

  it('steps per player: y takes 3 updates per batch', async () => {
    const g = bilinearGame(new Alternating({ steps: { y: 3 } }), { x0: 1, y0: 0 });
    await g.step();
    const [x, y] = g.xy();
    expect(x).toBeCloseTo(1, 6); // grad of x is y = 0
    expect(y).toBeCloseTo(0.3, 6);
    g.dispose();
  });

  it('rejects steps for an unknown player, naming it', () => {
    expect(() => bilinearGame(new Alternating({ steps: { critic: 5 } }))).toThrowError(InvalidArgumentError);
    expect(() => bilinearGame(new Alternating({ steps: { critic: 5 } }))).toThrowError(/"critic".*\["x", "y"\]/);
    expect(() => bilinearGame(new Alternating({ steps: { y: 0 } }))).toThrowError(/steps.y=0/);
  });

  it('leaks no tensors across steps', async () => {
    const g = bilinearGame(new Alternating({ steps: { y: 2 } }), { optimizers: () => [tf.train.adam(0.1), tf.train.adam(0.1)] });
    await g.step();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) await g.step();
    expect(tf.memory().numTensors).toBe(before);
    g.dispose();
  });
});
