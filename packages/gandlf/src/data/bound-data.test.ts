import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Random } from '../random';
import { bindData, type GameSlots } from './bound-data';

const slots: GameSlots = {
  inputNames: ['x'],
  inputShapes: [[null, 2]],
  playerNames: ['p'],
  outputNames: [['y']],
  outputShapes: [[[null, 1]]],
};

describe('BoundData.draw', () => {
  it('takes all rows in order without a copy, and other rows by gathering; the caller keeps its tensors', async () => {
    const x = tf.tensor2d([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const y = tf.tensor2d([[0], [1], [2]]);
    const data = await bindData(slots, [x], [y], 'test');
    const before = tf.memory().numTensors;
    const random = new Random(1);

    const kernels = async (rows: number[]) => {
      let batch: ReturnType<typeof data.draw> | undefined;
      const { kernels } = await tf.profile(() => {
        batch = data.draw(Int32Array.from(rows), random);
        return [];
      });
      return { batch: batch!, names: kernels.map((k) => k.name) };
    };
    // All rows in order: clones, which share the data of x and y (no GatherV2 copy).
    const all = await kernels([0, 1, 2]);
    expect(all.names).not.toContain('GatherV2');
    expect(await all.batch.inputs[0]!.array()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    tf.dispose([...all.batch.inputs, ...all.batch.targets.flat()]);

    const picked = await kernels([2, 0]);
    expect(picked.names).toContain('GatherV2');
    const some = picked.batch;
    expect(await some.inputs[0]!.array()).toEqual([
      [5, 6],
      [1, 2],
    ]);
    expect(await some.targets[0]![0]!.array()).toEqual([[2], [0]]);
    tf.dispose([...some.inputs, ...some.targets.flat()]);

    expect(tf.memory().numTensors).toBe(before);
    expect(x.isDisposed || y.isDisposed).toBe(false);
    expect(await x.array()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    data.dispose();
    x.dispose();
    y.dispose();
  });
});
