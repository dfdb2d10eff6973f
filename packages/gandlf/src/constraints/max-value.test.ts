import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError, UnknownOptionError } from '../errors';
import { applyConstraints } from './apply-constraints';
import { MaxValue } from './max-value';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A one-layer model whose kernel starts at 0 and whose bias is unconstrained. */
function clippedDense(c: number): tf.Sequential {
  const model = tf.sequential({
    layers: [tf.layers.dense({ inputShape: [2], units: 2, kernelInitializer: 'zeros', kernelConstraint: new MaxValue({ c }) })],
  });
  model.compile({ optimizer: tf.train.sgd(1), loss: 'meanSquaredError' });
  return model;
}

const kernelOf = (model: tf.LayersModel) => Array.from(model.layers[0]!.getWeights()[0]!.dataSync());

describe('MaxValue', () => {
  it('clips every weight to [-c, c], leaking no tensors', () => {
    const constraint = new MaxValue({ c: 0.01 });
    const w = tf.tensor1d([-0.5, 0.005, 2, -0.01, 0]);
    constraint.apply(w).dispose();
    const before = tf.memory().numTensors;
    const out = constraint.apply(w);
    expect(Array.from(out.dataSync())).toEqual([-0.01, 0.005, 0.01, -0.01, 0].map(Math.fround));
    out.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(new MaxValue().c).toBe(0.01);
    w.dispose();
  });

  it('as a kernelConstraint, clamps the kernel after a step of model.fit when applied from onBatchEnd', async () => {
    const model = clippedDense(0.05);
    const x = tf.tensor2d([[1, 1]]);
    const y = tf.tensor2d([[-10, 10]]);
    await model.fit(x, y, { epochs: 1, verbose: 0, callbacks: { onBatchEnd: async () => void applyConstraints(model) } });
    // One SGD step from 0 moves the kernel by ±20; the constraint keeps ±0.05.
    expect(kernelOf(model)).toEqual([-0.05, 0.05, -0.05, 0.05].map(Math.fround));
    // The bias has no constraint and keeps its step.
    expect(Math.abs(model.layers[0]!.getWeights()[1]!.dataSync()[0]!)).toBeGreaterThan(1);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('round-trips through toJSON and through save/load, and still clips', async () => {
    const model = clippedDense(0.25);
    const check = (back: tf.LayersModel) => {
      const kernel = back.layers[0]!.weights[0]!;
      expect(kernel.constraint).toBeInstanceOf(MaxValue);
      expect((kernel.constraint as MaxValue).c).toBe(0.25);
      expect(back.layers[0]!.getConfig().kernelConstraint).toEqual({ className: 'GandlfMaxValue', config: { c: 0.25 } });
      const big = [tf.fill([2, 2], -3), tf.zeros([2])];
      back.layers[0]!.setWeights(big);
      expect(kernelOf(back)).toEqual([-0.25, -0.25, -0.25, -0.25]);
      tf.dispose(big);
    };
    const fromJson = await tf.models.modelFromJSON({ modelTopology: model.toJSON(null, false) as tf.io.ModelArtifacts['modelTopology'] } as never);
    check(fromJson);
    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(tf.io.withSaveHandler(async (artifacts) => ((saved = artifacts), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
    check(loaded);
    for (const m of [model, fromJson, loaded]) m.dispose();
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => new MaxValue({ c: 0 })).toThrowError(InvalidArgumentError);
    expect(() => new MaxValue({ c: -1 })).toThrowError(/'c' passed to 'MaxValue' must be a positive number. Received: c=-1/);
    expect(() => new MaxValue({ c: '0.1' as never })).toThrowError(InvalidArgumentError);
    expect(() => new MaxValue({ axis: 0 } as never)).toThrowError(UnknownOptionError);
  });
});
