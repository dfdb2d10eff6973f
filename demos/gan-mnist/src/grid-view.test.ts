import * as tf from '@tensorflow/tfjs';
import type { ModelInputs, SampleArgs } from 'gandlf';
import { describe, expect, it } from 'vitest';
import { drawGrid, toImageView } from './grid-view';

describe('drawGrid (gandlf imageGrid callback into the shell image view)', () => {
  it('tiles flat samples as 2x2 images with black 2 px gaps, passing inputs and seed to sample', async () => {
    const calls: { inputs: ModelInputs; args?: SampleArgs }[] = [];
    // Four flat 2x2 "images": image k has every pixel (k - 1.5) / 1.5, i.e. -1, -1/3, 1/3, 1.
    const model = {
      sample(inputs: ModelInputs, args?: SampleArgs) {
        calls.push({ inputs, args });
        return tf.tidy(() => tf.range(0, 4).sub(1.5).div(1.5).reshape([4, 1]).tile([1, 4]));
      },
    };
    const before = tf.memory().numTensors;
    const view = await drawGrid(model, { inputs: ['normal'], rows: 2, cols: 2, seed: 7, imageShape: [2, 2, 1], epoch: 3 });
    expect(tf.memory().numTensors).toBe(before);
    expect(calls).toEqual([{ inputs: ['normal'], args: { numSamples: 4, seed: 7 } }]);
    // 2 tiles of 2 px plus 3 gaps of 2 px: 10 x 10.
    expect([view.width, view.height]).toEqual([10, 10]);
    const at = (x: number, y: number) => Array.from(view.pixels.subarray(4 * (y * view.width + x), 4 * (y * view.width + x) + 4));
    expect(at(0, 0)).toEqual([0, 0, 0, 255]); // border
    expect(at(2, 2)).toEqual([0, 0, 0, 255]); // image 0: -1 -> 0
    expect(at(6, 3)).toEqual([85, 85, 85, 255]); // image 1: -1/3 -> 1/3
    expect(at(3, 6)).toEqual([170, 170, 170, 255]); // image 2, second row
    expect(at(7, 7)).toEqual([255, 255, 255, 255]); // image 3: 1 -> 255
    expect(at(4, 2)).toEqual([0, 0, 0, 255]); // gap between columns
  });

  it('toImageView turns a [0, 1] grid into RGBA bytes', async () => {
    const grid = tf.tensor3d([0, 0.5, 1, 0.25, 0.75, 1], [1, 2, 3]);
    const view = await toImageView(grid);
    expect(view).toMatchObject({ kind: 'image', width: 2, height: 1 });
    expect(Array.from(view.pixels)).toEqual([0, 128, 255, 255, 64, 191, 255, 255]);
    grid.dispose();
  });
});
