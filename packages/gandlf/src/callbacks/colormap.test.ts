import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors';
import { applyColormap, colormapNames } from './colormap';

/** The colours as the bytes a PNG gets. */
const bytes = (t: tf.Tensor) => Array.from(t.dataSync()).map((v) => Math.round(v * 255));

describe('applyColormap', () => {
  it("maps known values to matplotlib's viridis colours (the bytes matplotlib writes)", () => {
    const before = tf.memory().numTensors;
    const v = tf.tensor2d([[0], [0.5], [1], [-3], [7]]);
    const rgb = applyColormap(v, 'viridis');
    expect(rgb.shape).toEqual([5, 3]);
    // viridis(0) = (0.267004, 0.004874, 0.329415); bin 128 = (0.127568, 0.566949, 0.550556); bin 255 = (0.993248, 0.906157, 0.143936)
    expect(bytes(rgb)).toEqual([68, 1, 84, 32, 144, 140, 253, 231, 36, 68, 1, 84, 253, 231, 36]);
    // Reversed, 0.5 falls in bin 128 of the reversed table, which is bin 127 of viridis.
    expect(bytes(applyColormap(v, 'viridis_r')).slice(0, 6)).toEqual([253, 231, 36, 32, 143, 140]);
    tf.dispose([v, rgb]);
    expect(tf.memory().numTensors).toBe(before + 1); // the viridis_r result above
  });

  it("'gray' and 'gray_r' give 256 grey levels, the second reversed", () => {
    const v = tf.tensor([0, 0.25, 0.5, 1], [2, 2, 1]);
    const gray = applyColormap(v, 'gray');
    expect(gray.shape).toEqual([2, 2, 3]);
    expect(bytes(gray)).toEqual([0, 0, 0, 64, 64, 64, 128, 128, 128, 255, 255, 255]);
    expect(bytes(applyColormap(v, 'gray_r'))).toEqual([255, 255, 255, 191, 191, 191, 127, 127, 127, 0, 0, 0]);
  });

  it('rejects unknown names and images with more than one channel', () => {
    expect(colormapNames()).toEqual(['gray', 'gray_r', 'viridis', 'viridis_r']);
    const v = tf.zeros([2, 2, 3]);
    expect(() => applyColormap(v, 'jet' as never)).toThrowError(InvalidArgumentError);
    expect(() => applyColormap(v, 'jet' as never)).toThrowError(/must be one of gray, gray_r, viridis, viridis_r. Received: cmap="jet"/);
    expect(() => applyColormap(v, 'gray')).toThrowError(ShapeMismatchError);
    v.dispose();
  });
});
