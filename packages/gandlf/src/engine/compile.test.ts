import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Simultaneous } from './simultaneous';
import { AdversarialModel } from './adversarial-model';

// A 4-way softmax head on fixed weights: softmax(3 x). Each one-hot row of x
// predicts its own index with p = e^3 / (e^3 + 3) ~ 0.87.
function softmaxGame(metrics: readonly string[]) {
  const input = tf.input({ shape: [4] });
  const out = tf.layers.dense({ units: 4, activation: 'softmax', name: 'cls' }).apply(input) as tf.SymbolicTensor;
  const net = tf.model({ inputs: input, outputs: out });
  const weights = tf.tidy(() => [tf.mul(tf.eye(4), 3), tf.zeros([4])]);
  net.setWeights(weights);
  tf.dispose(weights);
  const game = new AdversarialModel({ baseModel: net, playerParams: [net.trainableWeights], playerNames: ['classifier'] });
  game.compile({ adversarialOptimizer: new Simultaneous(), playerOptimizers: ['sgd'], loss: 'categorical_crossentropy', metrics });
  return game;
}

describe("compile: 'accuracy' per output, as Keras picks it", () => {
  it('on a 4-way softmax head with categorical cross-entropy, logs categorical accuracy', async () => {
    const x = tf.eye(4);
    // Labels 0, 1, 3, 2: rows 1 and 2 right, rows 3 and 4 wrong.
    const y = tf.oneHot(tf.tensor1d([0, 1, 3, 2], 'int32'), 4);
    // By hand: categorical accuracy 2/4. Binary accuracy would count elements:
    // rows 1 and 2 agree on all 4, rows 3 and 4 on 2 of 4, so 12/16.
    const categorical = 2 / 4;
    const binary = (4 + 4 + 2 + 2) / 16;
    const game = softmaxGame(['accuracy', 'binary_accuracy', 'categorical_accuracy']);
    await game.evaluate(x, [y]); // warm-up
    const before = tf.memory().numTensors;
    const logs = await game.evaluate(x, [y]);
    expect(tf.memory().numTensors).toBe(before);
    expect(logs.classifier_cls_acc).toBeCloseTo(categorical, 6);
    expect(logs.classifier_cls_categorical_accuracy).toBeCloseTo(categorical, 6);
    expect(logs.classifier_cls_binary_accuracy).toBeCloseTo(binary, 6);
    game.dispose();
    tf.dispose([x, y]);
  });

  it("a checkpoint of that model loads with the same choice for 'acc'", async () => {
    const x = tf.eye(4);
    const y = tf.oneHot(tf.tensor1d([0, 1, 3, 2], 'int32'), 4);
    const game = softmaxGame(['acc']);
    await game.save('memory://compile-accuracy');
    const back = await AdversarialModel.load('memory://compile-accuracy');
    expect((await back.evaluate(x, [y])).classifier_cls_acc).toBeCloseTo(2 / 4, 6);
    game.dispose();
    back.dispose();
    tf.dispose([x, y]);
  });
});
