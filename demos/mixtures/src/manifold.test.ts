import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { info } from './config';
import { latentGrid, manifoldMesh } from './manifold';
import { technique } from './techniques';
import { buildRun } from './trainer';

describe('latentGrid', () => {
  it('spans the first two latent dimensions over [-2, 2], the others 0', () => {
    expect(Array.from(latentGrid(3, 2).z)).toEqual([-2, 2, 0, 2, 2, 2, -2, 0, 0, 0, 2, 0, -2, -2, 0, -2, 2, -2]);
    const g = latentGrid(3, 4);
    expect([g.rows, g.cols, g.z.length]).toEqual([3, 3, 36]);
    expect(Array.from(g.z.slice(0, 8))).toEqual([-2, 2, 0, 0, 0, 2, 0, 0]);
  });

  it('a 1-D latent gives one row', () => {
    const g = latentGrid(5, 1);
    expect([g.rows, g.cols]).toEqual([1, 5]);
    expect(Array.from(g.z)).toEqual([-2, -1, 0, 1, 2]);
  });

  it('rejects a side under 2', () => {
    expect(() => latentGrid(1, 2)).toThrow(/side=1/);
  });
});

describe('manifoldMesh (Node, cpu)', () => {
  for (const [preset, latentDim] of [
    ['tiny', 2],
    ['tiny', 4],
    ['tiny-mixture-latent', 4],
  ] as const) {
    it(`${preset}, ${latentDim}-D latent: equals G at the grid latents, with no leak`, async () => {
      const knobs = { ...info.presets[preset]!, latentDim };
      const model = buildRun(knobs, 'unrolled', technique(knobs, knobs.seed));
      await manifoldMesh(model, 5);
      const before = tf.memory().numTensors;
      const { rows, cols, mesh } = await manifoldMesh(model, 5);
      expect(tf.memory().numTensors).toBe(before);
      expect([rows, cols, mesh.length]).toEqual([5, 5, 50]);
      const { z } = latentGrid(5, latentDim);
      const expected = tf.tidy(() => {
        const inputs: tf.Tensor[] = [tf.tensor2d(z, [25, latentDim])];
        // The one-hot category, where there is one: category 0.
        if (model.generator.inputs.length > 1) inputs.push(tf.oneHot(tf.zeros([25], 'int32'), model.generator.inputs[1]!.shape[1] as number).toFloat());
        return (model.ema?.shadow ?? model.generator).predict(inputs.length === 1 ? inputs[0]! : inputs) as tf.Tensor;
      });
      const want = await expected.data();
      expected.dispose();
      Array.from(mesh).forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 5));
      model.dispose();
    });
  }
});
