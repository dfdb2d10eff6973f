import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { RecurrentAttention1D } from './recurrent-attention-1d';
import { RecurrentAttention2D } from './recurrent-attention-2d';

/** A model over a sequence, a vector and an encoded sequence that uses both wrappers. */
function attentive() {
  const seq = tf.input({ shape: [4, 3] });
  const ctx = tf.input({ shape: [2] });
  const enc = tf.input({ shape: [5, 3] });
  const regularizer = tf.regularizers.l2({ l2: 0.01 });
  const h = new RecurrentAttention1D({ layer: tf.layers.lstm({ units: 3, returnSequences: true }), kernelRegularizer: regularizer, attnActivation: 'relu' }).apply([seq, ctx]) as tf.SymbolicTensor;
  const g = new RecurrentAttention2D({ layer: tf.layers.gru({ units: 2 }), biasRegularizer: regularizer, attnGateFunc: 'hardSigmoid' }).apply([h, enc]) as tf.SymbolicTensor;
  const out = tf.layers.dense({ units: 1 }).apply(g) as tf.SymbolicTensor;
  return tf.model({ inputs: [seq, ctx, enc], outputs: out });
}

function batch(seed: number): tf.Tensor[] {
  return [tf.randomNormal([3, 4, 3], 0, 1, 'float32', seed), tf.randomNormal([3, 2], 0, 1, 'float32', seed + 1), tf.randomNormal([3, 5, 3], 0, 1, 'float32', seed + 2)];
}

describe('RecurrentAttention1D and 2D', () => {
  it('round-trip through toJSON and a save to memory with the same outputs', async () => {
    const model = attentive();
    const xs = batch(1);
    const y = model.predict(xs) as tf.Tensor;

    const json = await tf.models.modelFromJSON({ modelTopology: model.toJSON(null, false) as tf.io.ModelArtifacts['modelTopology'] } as never);
    json.setWeights(model.getWeights());
    const wrappers = json.layers.filter((l) => l.getClassName().startsWith('GandlfRecurrentAttention'));
    // The wrappers' own fields; the wrapped layers' configs are tfjs's (whose unset fields come back null, not undefined).
    const own = (ls: tf.layers.Layer[]) =>
      ls
        .filter((l) => l.getClassName().startsWith('GandlfRecurrentAttention'))
        .map((l) => {
          const { layer, ...rest } = l.getConfig() as { layer: { className: string } };
          return { ...rest, wrapped: layer.className };
        });
    expect(own(wrappers)).toEqual(own(model.layers));
    expect((wrappers[0] as RecurrentAttention1D).attnActivation).toBe('relu');
    expect((wrappers[0] as RecurrentAttention1D).kernelRegularizer?.getConfig()).toEqual({ l1: 0, l2: 0.01 });
    expect((wrappers[1] as RecurrentAttention2D).attnGateFunc).toBe('hardSigmoid');

    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(tf.io.withSaveHandler(async (artifacts) => ((saved = artifacts), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
    expect(loaded.trainableWeights.length).toBe(model.trainableWeights.length);

    const ys = [json.predict(xs) as tf.Tensor, loaded.predict(xs) as tf.Tensor];
    for (const other of ys) Array.from(other.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(y.dataSync()[i]!, 6));
    tf.dispose([...xs, y, ...ys]);
  });

  it('train: one optimizer step changes the cell and the attention weights, and adds the regularizers', async () => {
    const model = attentive();
    model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
    // LSTM (3) + 1D attention (5) + GRU (3) + 2D attention (4) + dense (2).
    expect(model.trainableWeights).toHaveLength(17);
    // l2 on the 1D wrapper's U_a, U_m, U_s and on the 2D wrapper's b_t, b_a.
    const penalties = model.calculateLosses();
    expect(penalties).toHaveLength(3 + 2);
    tf.dispose(penalties);
    const before = model.trainableWeights.map((w) => w.read().dataSync().slice());
    const xs = batch(4);
    const target = tf.ones([3, 1]);
    await model.trainOnBatch(xs, target);
    const changed = model.trainableWeights.map((w, i) => Array.from(w.read().dataSync()).some((v, j) => v !== before[i]![j]));
    expect(changed).toEqual(model.trainableWeights.map(() => true));
    tf.dispose([...xs, target]);
  });

  it('follows masks and goBackwards as tfjs RNN layers do', () => {
    const layer = new RecurrentAttention1D({ layer: tf.layers.gru({ units: 2 }) });
    const backwards = new RecurrentAttention1D({ layer: tf.layers.gru({ units: 2, goBackwards: true }) });
    const x = tf.tensor3d([[[1], [2], [0]]]);
    const a = tf.tensor2d([[0.5, -1]]);
    layer.apply([x, a]);
    backwards.apply([x, a]);
    backwards.setWeights(layer.getWeights());
    // A masked last step holds the state: the output of the first two steps.
    const seq = tf.input({ shape: [3, 1] });
    const ctx = tf.input({ shape: [2] });
    const masked = tf.model({ inputs: [seq, ctx], outputs: layer.apply([tf.layers.masking({ maskValue: 0 }).apply(seq) as tf.SymbolicTensor, ctx]) as tf.SymbolicTensor });
    const two = layer.apply([x.slice([0, 0, 0], [1, 2, 1]), a]) as tf.Tensor;
    const held = masked.predict([x, a]) as tf.Tensor;
    Array.from(two.dataSync()).forEach((v, i) => expect(held.dataSync()[i]).toBeCloseTo(v, 6));
    // goBackwards reads the sequence from its end.
    const reversed = layer.apply([tf.reverse(x, 1), a]) as tf.Tensor;
    const back = backwards.apply([x, a]) as tf.Tensor;
    Array.from(reversed.dataSync()).forEach((v, i) => expect(back.dataSync()[i]).toBeCloseTo(v, 6));
    tf.dispose([x, a, two, held, reversed, back]);
  });

  it('leaks no tensors, in predict and in a gradient', () => {
    const model = attentive();
    const xs = batch(7);
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const run = () => {
      tf.dispose(model.predict(xs) as tf.Tensor);
      const { value, grads } = tf.variableGrads(() => tf.mean(tf.square(model.apply(xs, { training: true }) as tf.Tensor)) as tf.Scalar, vars);
      expect(Object.keys(grads)).toHaveLength(vars.length);
      tf.dispose([value, ...Object.values(grads)]);
    };
    run();
    const before = tf.memory().numTensors;
    run();
    run();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(xs);
  });
});
