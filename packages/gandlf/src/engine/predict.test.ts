import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError, UnknownOptionError } from '../errors';
import { buildGan } from '../helpers/builders';
import type { Random } from '../random';
import { mlpDiscriminator, mlpGenerator } from '../test-utils/models';
import { AdversarialModel } from './adversarial-model';

const values = (t: tf.Tensor) => Array.from(t.dataSync());

function sharedGan() {
  const g = mlpGenerator(4, 3);
  const d = mlpDiscriminator(3);
  const gan = new AdversarialModel({ baseModel: buildGan(g, d), playerParams: [g.trainableWeights, d.trainableWeights], playerNames: ['generator', 'discriminator'] });
  return { g, d, gan };
}

describe('AdversarialModel.predict', () => {
  it("returns every player's outputs in targetNames order, before compile, leaving only what it returns", () => {
    const { g, d, gan } = sharedGan();
    const [z, x] = [tf.randomNormal([7, 4]), tf.randomNormal([7, 3])];
    const before = tf.memory().numTensors;
    const out = gan.predict([z, x]);
    expect(tf.memory().numTensors).toBe(before + 4);
    expect(gan.targetNames).toEqual(['generator_yFake', 'generator_yReal', 'discriminator_yFake', 'discriminator_yReal']);
    expect(out.map((t) => t.shape)).toEqual([
      [7, 1],
      [7, 1],
      [7, 1],
      [7, 1],
    ]);
    const [dFake, dReal] = tf.tidy(() => [d.predict(g.predict(z) as tf.Tensor) as tf.Tensor, d.predict(x) as tf.Tensor]);
    // Both players see the shared model: the same values, in tensors of their own.
    expect(values(out[0]!)).toEqual(values(dFake!));
    expect(values(out[1]!)).toEqual(values(dReal!));
    expect(values(out[2]!)).toEqual(values(out[0]!));
    expect(out[2]).not.toBe(out[0]);
    tf.dispose([...out, dFake!, dReal!]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([z, x]);
  });

  it('runs in inference mode (no dropout) and in batches that give the same values', () => {
    const z = tf.input({ shape: [3] });
    const dropped = tf.layers.dropout({ rate: 0.5 }).apply(tf.layers.dense({ units: 8 }).apply(z)) as tf.SymbolicTensor;
    const y = tf.layers.dense({ units: 2, name: 'y' }).apply(dropped) as tf.SymbolicTensor;
    const net = tf.model({ inputs: z, outputs: y });
    const gan = new AdversarialModel({ baseModel: net, playerParams: [net.trainableWeights.slice(0, 2), net.trainableWeights.slice(2)] });
    const x = tf.randomNormal([7, 3]);
    const whole = gan.predict(x);
    const batched = gan.predict(x, { batchSize: 3 });
    const inference = net.apply(x, { training: false }) as tf.Tensor;
    expect(values(whole[0]!)).toEqual(values(inference));
    whole.forEach((t, i) => expect(values(batched[i]!)).toEqual(values(t)));
    tf.dispose([x, inference, ...whole, ...batched]);
  });

  it('runs each of several player models once, player-major', () => {
    const x = tf.input({ shape: [2] });
    const h = tf.layers.dense({ units: 3 }).apply(x) as tf.SymbolicTensor;
    const a = tf.layers.dense({ units: 1, name: 'a' }).apply(h) as tf.SymbolicTensor;
    const b = tf.layers.dense({ units: 4, name: 'b' }).apply(h) as tf.SymbolicTensor;
    const first = tf.model({ inputs: x, outputs: [a, b] });
    const second = tf.model({ inputs: x, outputs: b });
    const gan = new AdversarialModel({ playerModels: [first, second], playerParams: [first.trainableWeights.slice(2, 4), second.trainableWeights.slice(2)], playerNames: ['p', 'q'] });
    const data = tf.randomNormal([5, 2]);
    const out = gan.predict({ [gan.inputNames[0]!]: data });
    expect(gan.targetNames).toEqual(['p_a', 'p_b', 'q_b']);
    expect(out.map((t) => t.shape)).toEqual([
      [5, 1],
      [5, 4],
      [5, 4],
    ]);
    expect(values(out[2]!)).toEqual(values(out[1]!));
    tf.dispose([data, ...out]);
  });

  it('draws inputs given as functions or constants, seeded, without touching the model’s random stream', () => {
    const { gan } = sharedGan();
    const draw = (n: number, random: Random) => tf.randomNormal([n, 4], 0, 1, 'float32', random.nextSeed());
    const state = gan.random.getState();
    const a = gan.predict([draw, 0.5], { numSamples: 6, seed: 3 });
    const b = gan.predict([draw, 0.5], { numSamples: 6, seed: 3 });
    expect(a[0]!.shape).toEqual([6, 1]);
    expect(values(b[0]!)).toEqual(values(a[0]!));
    expect(gan.random.getState()).toBe(state);
    tf.dispose([...a, ...b]);
  });

  it('rejects missing counts, wrong inputs and unknown options, leaking nothing', () => {
    const { gan } = sharedGan();
    const z = tf.zeros([2, 4]);
    const before = tf.memory().numTensors;
    expect(() => gan.predict([() => z, 0])).toThrowError(InvalidArgumentError);
    expect(() => gan.predict([() => z, 0])).toThrowError(/Pass 'numSamples'/);
    expect(() => gan.predict([z])).toThrowError(ShapeMismatchError);
    expect(() => gan.predict([z, tf.zeros([2, 5])])).toThrowError(ShapeMismatchError);
    expect(() => gan.predict([z, z], { batchSize: 0 })).toThrowError(/Received: batchSize=0/);
    expect(() => gan.predict([z, z], { batch_size: 4 } as never)).toThrowError(UnknownOptionError);
    expect(tf.memory().numTensors).toBe(before + 1); // the [2, 5] tensor made above
    z.dispose();
  });
});
