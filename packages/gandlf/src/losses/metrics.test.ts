import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { UnknownNameError } from '../errors';
import { categoricalCrossentropy } from './categorical';
import { binaryCrossentropy, meanSquaredError } from './losses';
import { accuracyFor, binaryAccuracy, categoricalAccuracy, getMetric, metricNames } from './metrics';
import { kullbackLeiblerDivergence } from './probabilistic';
import { getLoss, lossNames, smoothLabels } from './registry';
import { meanAbsoluteError } from './regression';

const val = (t: tf.Tensor) => {
  const v = t.dataSync()[0] as number;
  t.dispose();
  return v;
};

describe('categoricalAccuracy', () => {
  it('counts samples whose argmax matches the target (hand-computed)', () => {
    const y = tf.tensor2d([
      [0, 1, 0],
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ]);
    const p = tf.tensor2d([
      [0.2, 0.7, 0.1],
      [0.3, 0.4, 0.3],
      [0.1, 0.1, 0.8],
      [0.5, 0.2, 0.3],
    ]);
    const before = tf.memory().numTensors;
    // Rows 1 and 3 right, 2 and 4 wrong.
    expect(val(categoricalAccuracy(y, p))).toBeCloseTo(0.5, 6);
    // Binary accuracy on the same numbers counts elements on the right side of 0.5:
    // 3 + 2 + 3 + 2 of 12 (0.5 itself is not above 0.5).
    expect(val(binaryAccuracy(y, p))).toBeCloseTo(10 / 12, 6);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([y, p]);
  });
});

describe("'accuracy' is picked as Keras picks it", () => {
  it('binary for one unit or binary cross-entropy, categorical otherwise', () => {
    expect(accuracyFor({ loss: categoricalCrossentropy, outputShape: [null, 1] })).toBe(binaryAccuracy);
    expect(accuracyFor({ loss: binaryCrossentropy, outputShape: [null, 4] })).toBe(binaryAccuracy);
    expect(accuracyFor({ loss: smoothLabels('binaryCrossentropy', 0.1), outputShape: [null, 4] })).toBe(binaryAccuracy);
    expect(accuracyFor({ loss: categoricalCrossentropy, outputShape: [null, 4] })).toBe(categoricalAccuracy);
    expect(accuracyFor({ loss: meanSquaredError, outputShape: [null, 4] })).toBe(categoricalAccuracy);
    // Nothing known: binary, as before.
    expect(accuracyFor()).toBe(binaryAccuracy);
  });

  it("getMetric('accuracy' | 'acc') picks from the context and logs as acc", () => {
    const softmax = { loss: categoricalCrossentropy, outputShape: [null, 4] };
    for (const id of ['accuracy', 'acc']) {
      expect(getMetric(id, 'test', softmax)).toEqual({ name: 'acc', fn: categoricalAccuracy });
      expect(getMetric(id, 'test', { loss: binaryCrossentropy, outputShape: [null, 1] })).toEqual({ name: 'acc', fn: binaryAccuracy });
    }
    // Explicit names are never re-picked.
    expect(getMetric('binary_accuracy', 'test', softmax).fn).toBe(binaryAccuracy);
    expect(getMetric('categorical_accuracy', 'test', { outputShape: [null, 1] }).fn).toBe(categoricalAccuracy);
  });
});

describe('metric names', () => {
  it('resolve by camelCase name, Keras snake_case name and Keras alias', () => {
    const cases: [string[], string, unknown][] = [
      [['binaryAccuracy', 'binary_accuracy'], 'binary_accuracy', binaryAccuracy],
      [['categoricalAccuracy', 'categorical_accuracy'], 'categorical_accuracy', categoricalAccuracy],
      [['meanAbsoluteError', 'mean_absolute_error', 'mae', 'MAE'], 'mae', meanAbsoluteError],
      [['meanSquaredError', 'mean_squared_error', 'mse', 'MSE'], 'mse', meanSquaredError],
      [['kullbackLeiblerDivergence', 'kullback_leibler_divergence', 'kld'], 'kld', kullbackLeiblerDivergence],
      [['binaryCrossentropy', 'binary_crossentropy'], 'binary_crossentropy', binaryCrossentropy],
      [['categoricalCrossentropy', 'categorical_crossentropy'], 'categorical_crossentropy', categoricalCrossentropy],
    ];
    for (const [ids, name, fn] of cases) for (const id of ids) expect(getMetric(id, 'test'), id).toEqual({ name, fn });
  });

  it('every log name resolves back to its own function (checkpoints store log names)', () => {
    for (const id of metricNames()) {
      const { name, fn } = getMetric(id, 'test');
      expect(getMetric(name, 'test').fn, id).toBe(fn);
    }
  });

  it('every loss a metric takes by a Keras name is the registered loss', () => {
    for (const id of ['mape', 'msle', 'logcosh', 'poisson', 'cosine_proximity', 'hinge', 'squared_hinge', 'categorical_hinge']) {
      expect(getMetric(id, 'test').fn, id).toBe(getLoss(id, 'test'));
    }
  });

  it('an unknown name throws UnknownNameError naming the caller, listing accepted names and echoing the value', () => {
    const call = () => getMetric('accuracyy', "'compile': metrics");
    expect(call).toThrowError(UnknownNameError);
    expect(call).toThrowError(/'compile': metrics.*categorical_accuracy.*Received: "accuracyy"/);
    expect(() => getLoss('mean_absolute_errorr', 'test')).toThrowError(/mean_absolute_error, mae.*Received: "mean_absolute_errorr"/);
    expect(lossNames()).toEqual(expect.arrayContaining(['mae', 'mape', 'msle', 'kld', 'logcosh', 'poisson', 'cosine_proximity']));
  });
});
