import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { bilinearGame } from '../test-utils/bilinear';
import { Scheduled } from './scheduled';

describe('Scheduled', () => {
  it('trains exactly the scheduled player, starting at schedule[0]', async () => {
    const g = bilinearGame(new Scheduled(['y', 'x', 'x']), { x0: 1, y0: 0.5 });
    const trained: string[] = [];
    let [x, y] = g.xy();
    for (let i = 0; i < 6; i++) {
      const logs = await g.step();
      const [nx, ny] = g.xy();
      trained.push([nx !== x ? 'x' : '', ny !== y ? 'y' : ''].join(''));
      [x, y] = [nx, ny];
      // Every player is still scored on every step.
      expect(Object.keys(logs)).toEqual(['loss', 'x_loss', 'x_output_loss', 'y_loss', 'y_output_loss'].map((k) => k.replace('output', g.game.playerModels[0]!.outputNames[0]!)));
    }
    expect(trained).toEqual(['y', 'x', 'x', 'y', 'x', 'x']);
    g.dispose();
  });

  it('accepts player indices', async () => {
    const g = bilinearGame(new Scheduled([1]), { x0: 1, y0: 0.5 });
    await g.step();
    expect(g.xy()).toEqual([1, expect.closeTo(0.6, 6)]);
    g.dispose();
  });

  it('rejects an empty schedule and unknown players', () => {
    expect(() => new Scheduled([])).toThrowError(InvalidArgumentError);
    expect(() => new Scheduled([])).toThrowError(/schedule=\[\]/);
    expect(() => bilinearGame(new Scheduled(['x', 'z']))).toThrowError(/schedule\[1\].*"z"/);
    expect(() => bilinearGame(new Scheduled([2]))).toThrowError(/player 2/);
  });

  it('leaks no tensors across steps', async () => {
    const g = bilinearGame(new Scheduled([0, 1, 1]), { optimizers: () => [tf.train.adam(0.1), tf.train.adam(0.1)] });
    for (let i = 0; i < 3; i++) await g.step();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 6; i++) await g.step();
    expect(tf.memory().numTensors).toBe(before);
    g.dispose();
  });
});
