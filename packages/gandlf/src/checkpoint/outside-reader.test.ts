// Reads `file://` checkpoints the way another tool would, by CHECKPOINT.md alone:
// fs, JSON, typed arrays and plain tfjs (`tf.loadLayersModel` over `tf.io.fromMemory`),
// no gandlf code on the reading side. These tests guard that document: when one
// fails, the format changed, and CHECKPOINT.md must change with it.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Alternating } from '../engine/alternating';
import { Model } from '../model/model';
import { seededData, seededGan } from '../test-utils/seeded-gan';
import '../node';

// ---- The reader: what CHECKPOINT.md tells another tool to do --------------------------

interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32' | 'bool';
}
interface ModelJson {
  modelTopology: Record<string, unknown>;
  weightsManifest: { paths: string[]; weights: WeightSpec[] }[];
  userDefinedMetadata?: Record<string, unknown>;
}
/** The fields of `userDefinedMetadata.gandlf` these tests read. */
interface Meta {
  format: string;
  version: number;
  kind: 'Model' | 'AdversarialModel';
  model?: { generator: string; discriminator: string; ema?: { decay: number } };
  sharedBaseModel: boolean;
  players: { name: string; params: number[]; optimizer: { className: string }; optimizerWeights: number }[];
  step: number;
  epoch: number;
  random: number;
  history: { epoch: number[]; history: Record<string, number[]> };
  metadata: Record<string, unknown>;
}
interface Checkpoint {
  /** The directory holding the data (the generation the pointer names). */
  dir: string;
  json: ModelJson;
  meta: Meta;
  specs: WeightSpec[];
  /** weights.bin, as one ArrayBuffer. */
  data: ArrayBuffer;
  arrays: Record<string, { spec: WeightSpec; values: Float32Array | Int32Array | Uint8Array }>;
}

async function readJson(dir: string): Promise<ModelJson> {
  return JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as ModelJson;
}

/** Section "Atomic saves": the named directory holds a pointer; the data is its sibling `<name>~g<generation>`. */
async function readCheckpoint(dir: string): Promise<Checkpoint> {
  let json = await readJson(dir);
  const pointer = json.userDefinedMetadata?.gandlfPointer as { target: string; generation: number } | undefined;
  if (pointer) {
    dir = `${dir}~g${pointer.generation}`;
    json = await readJson(dir);
  }
  const meta = json.userDefinedMetadata!.gandlf as Meta;
  // Section "Weights": the groups' specs in order, over their files concatenated in order.
  const specs = json.weightsManifest.flatMap((g) => g.weights);
  const files = await Promise.all(json.weightsManifest.flatMap((g) => g.paths).map((p) => readFile(join(dir, p))));
  const data = new Uint8Array(files.reduce((n, f) => n + f.byteLength, 0));
  let at = 0;
  for (const f of files) {
    data.set(f, at);
    at += f.byteLength;
  }
  const arrays: Checkpoint['arrays'] = {};
  let offset = 0;
  for (const spec of specs) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const bytes = count * (spec.dtype === 'bool' ? 1 : 4);
    const slice = data.buffer.slice(offset, offset + bytes);
    const values = spec.dtype === 'float32' ? new Float32Array(slice) : spec.dtype === 'int32' ? new Int32Array(slice) : new Uint8Array(slice);
    arrays[spec.name] = { spec, values };
    offset += bytes;
  }
  expect(offset).toBe(data.byteLength);
  return { dir, json, meta, specs, data: data.buffer, arrays };
}

/** Section "Reading the networks with plain tfjs": the topology alone, then `model/<i>` into `weights[i]`. */
async function jointModel(ckpt: Checkpoint): Promise<tf.LayersModel> {
  const weights = tf.io.decodeWeights(ckpt.data, ckpt.specs);
  const joint = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: ckpt.json.modelTopology }));
  joint.setWeights(joint.weights.map((_, i) => weights[`model/${i}`]!));
  tf.dispose(Object.values(weights));
  return joint;
}

/** The moving average: the generator's own config from the topology, with `ema/<i>` as its weights. */
async function emaGenerator(ckpt: Checkpoint, joint: tf.LayersModel): Promise<tf.LayersModel> {
  const layers = (ckpt.json.modelTopology.config as { layers: { name: string; class_name: string; config: unknown }[] }).layers;
  const layer = layers.find((l) => l.name === ckpt.meta.model!.generator)!;
  const shadow = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: { class_name: layer.class_name, config: layer.config } }));
  const tensors = shadow.weights.map((w, i) => tf.tensor(ckpt.arrays[`ema/${i}`]!.values, w.shape as number[]));
  shadow.setWeights(tensors);
  tf.dispose(tensors);
  expect(shadow.weights.length).toBe((joint.getLayer(ckpt.meta.model!.generator) as tf.LayersModel).weights.length);
  return shadow;
}

// ---- Helpers on the gandlf side ---------------------------------------------------------

function net(inDim: number, outDim: number, seed: number, name: string, activation?: 'sigmoid'): tf.LayersModel {
  const i = tf.input({ shape: [inDim] });
  const h = tf.layers.dense({ units: 4, activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed }) }).apply(i) as tf.SymbolicTensor;
  const o = tf.layers.dense({ units: outDim, kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }), ...(activation ? { activation } : {}) }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: i, outputs: o, name });
}

function values(t: tf.Tensor | tf.Tensor[]): number[] {
  const out = Array.from((t as tf.Tensor).dataSync());
  tf.dispose(t);
  return out;
}

/** The in-memory optimizer weights of every player, as plain arrays with their tfjs names. */
async function optimizerState(players: readonly { optimizer: tf.Optimizer }[]) {
  return Promise.all(
    players.map(async (p) => {
      const weights = await p.optimizer.getWeights();
      const out = weights.map((w) => ({ name: w.name, values: Array.from(w.tensor.dataSync()) }));
      weights[0]!.tensor.dispose(); // the iteration count is a fresh scalar; the slots are live
      const hidden = p.optimizer as unknown as { accBeta1?: tf.Variable; accBeta2?: tf.Variable };
      return { weights: out, accBeta1: hidden.accBeta1?.dataSync()[0], accBeta2: hidden.accBeta2?.dataSync()[0] };
    }),
  );
}

/** Section "Optimizer state": slot k of param j is `optimizer/<p>/<1 + k * n + j>`; checks it against memory. */
async function expectOptimizerState(ckpt: Checkpoint, players: readonly { name: string; optimizer: tf.Optimizer; variables: readonly tf.Variable[] }[], slotNames: string[][]) {
  const memory = await optimizerState(players);
  ckpt.meta.players.forEach((rec, p) => {
    const n = rec.params.length;
    const kinds = (rec.optimizerWeights - 1) / n;
    expect(kinds).toBe(slotNames[p]!.length);
    const iterations = ckpt.arrays[`optimizer/${p}/0`]!;
    expect(iterations.spec).toEqual({ name: `optimizer/${p}/0`, shape: [], dtype: 'int32' });
    expect(Array.from(iterations.values)).toEqual(memory[p]!.weights[0]!.values);
    for (let k = 0; k < kinds; k++) {
      for (let j = 0; j < n; j++) {
        const slot = ckpt.arrays[`optimizer/${p}/${1 + k * n + j}`]!;
        // The slot has its parameter's shape, and holds what the optimizer holds for it.
        expect(slot.spec.shape).toEqual(ckpt.arrays[`model/${rec.params[j]}`]!.spec.shape);
        const inMemory = memory[p]!.weights[1 + k * n + j]!;
        expect(inMemory.name).toBe(`${players[p]!.variables[j]!.name}/${slotNames[p]![k]}`);
        expect(Array.from(slot.values)).toEqual(inMemory.values);
      }
    }
    expect(ckpt.arrays[`optimizer/${p}/accBeta1`]!.values[0]).toBe(memory[p]!.accBeta1);
    expect(ckpt.arrays[`optimizer/${p}/accBeta2`]!.values[0]).toBe(memory[p]!.accBeta2);
  });
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gandlf-outside-reader-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a Model checkpoint, read without gandlf (CHECKPOINT.md)', () => {
  let model: Model;
  let ckpt: Checkpoint;
  const x = () => tf.randomNormal([16, 2], 0, 1, 'float32', 3);

  beforeAll(async () => {
    // The worked example of CHECKPOINT.md: two small MLPs, Adam, an EMA, 2 epochs of 2 batches.
    model = new Model({ generator: net(3, 2, 1, 'generator'), discriminator: net(2, 1, 5, 'discriminator', 'sigmoid') });
    model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', ema: { decay: 0.9 } });
    const data = x();
    await model.fit(['normal', data], ['zeros', 'ones'], { epochs: 1, batchSize: 8, seed: 4, verbose: 0 });
    await model.save(`file://${join(root, 'run')}`, { metadata: { note: 'example' } });
    await model.fit(['normal', data], ['zeros', 'ones'], { epochs: 2, initialEpoch: 1, batchSize: 8, seed: 4, verbose: 0 });
    await model.save(`file://${join(root, 'run')}`, { metadata: { note: 'example' } });
    data.dispose();
    ckpt = await readCheckpoint(join(root, 'run'));
  });
  afterAll(() => model.dispose());

  it('is a pointer directory and one data directory, the newest generation', async () => {
    expect((await readdir(root)).sort()).toEqual(['run', 'run~g2']);
    expect((await readdir(join(root, 'run'))).sort()).toEqual(['model.json', 'weights.bin']);
    expect((await readdir(join(root, 'run~g2'))).sort()).toEqual(['model.json', 'weights.bin']);
    const pointer = await readJson(join(root, 'run'));
    expect(pointer).toEqual({
      modelTopology: { gandlfPointer: true },
      weightsManifest: [{ paths: ['./weights.bin'], weights: [] }],
      userDefinedMetadata: { gandlfPointer: { target: `file://${join(root, 'run~g2')}`, generation: 2 } },
    });
    expect((await readFile(join(root, 'run', 'weights.bin'))).byteLength).toBe(0);
  });

  it('has the layout of the worked example', () => {
    const { json, meta } = ckpt;
    expect(Object.keys(json).sort()).toEqual(['format', 'generatedBy', 'modelTopology', 'userDefinedMetadata', 'weightsManifest']);
    expect(json).toMatchObject({ format: 'layers-model', generatedBy: 'gandlf' });
    expect(json.weightsManifest).toHaveLength(1);
    expect(json.weightsManifest[0]!.paths).toEqual(['./weights.bin']);
    expect(ckpt.specs.map((s) => s.name)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `model/${i}`),
      ...Array.from({ length: 4 }, (_, i) => `ema/${i}`),
      ...[0, 1].flatMap((p) => [...Array.from({ length: 9 }, (_, k) => `optimizer/${p}/${k}`), `optimizer/${p}/accBeta1`, `optimizer/${p}/accBeta2`]),
    ]);
    expect(ckpt.data.byteLength).toBe(644);
    expect(meta).toMatchObject({
      format: 'gandlf-checkpoint',
      version: 1,
      kind: 'Model',
      model: { generator: 'generator', discriminator: 'discriminator', ema: { decay: 0.9 } },
      sharedBaseModel: false,
      adversarialOptimizer: { className: 'Simultaneous', config: {} },
      step: 4,
      epoch: 2,
      metadata: { note: 'example' },
    });
    expect(meta.players.map((p) => [p.name, p.params, p.optimizer.className, p.optimizerWeights])).toEqual([
      ['generator', [0, 1, 2, 3], 'Adam', 9],
      ['discriminator', [4, 5, 6, 7], 'Adam', 9],
    ]);
  });

  it('plain tf.loadLayersModel refuses the weights as named, and builds the topology alone', async () => {
    const { json, specs, data } = ckpt;
    await expect(tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: specs, weightData: data }))).rejects.toThrowError(/no target variable: model\/0/);
    // Not strict, it loads without a word and keeps the initial weights.
    const loose = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: specs, weightData: data }), { strict: false });
    expect(Array.from(loose.weights[0]!.read().dataSync())).not.toEqual(Array.from(ckpt.arrays['model/0']!.values));
    loose.dispose();
    const joint = await jointModel(ckpt);
    expect(joint.layers.map((l) => l.name)).toEqual(expect.arrayContaining(['generator', 'discriminator']));
    joint.dispose();
  });

  it('gives the generator and discriminator, which predict as the originals do', async () => {
    const joint = await jointModel(ckpt);
    const generator = joint.getLayer(ckpt.meta.model!.generator) as tf.LayersModel;
    const discriminator = joint.getLayer(ckpt.meta.model!.discriminator) as tf.LayersModel;
    const z = tf.randomNormal([5, 3], 0, 1, 'float32', 11);
    const xs = tf.randomNormal([5, 2], 0, 1, 'float32', 12);
    expect(values(generator.predict(z))).toEqual(values(model.generator.predict(z)));
    expect(values(discriminator.predict(xs))).toEqual(values(model.discriminator.predict(xs)));
    // The averaged generator, which `model.sample` draws with.
    const shadow = await emaGenerator(ckpt, joint);
    expect(values(shadow.predict(z))).toEqual(values(model.sample([z]) as tf.Tensor));
    expect(values(shadow.predict(z))).not.toEqual(values(generator.predict(z)));
    tf.dispose([z, xs]);
    shadow.dispose();
    joint.dispose();
  });

  it('gives the optimizer state, step, epoch, random stream and history as the model holds them', async () => {
    const players = model.adversarial.getPlayers();
    await expectOptimizerState(ckpt, players, [
      ['m', 'v'],
      ['m', 'v'],
    ]);
    // Simultaneous updates both players on every step.
    expect(ckpt.arrays['optimizer/0/0']!.values[0]).toBe(model.step);
    expect(ckpt.meta.step).toBe(model.step);
    expect(ckpt.meta.epoch).toBe(model.epoch);
    expect(ckpt.meta.random).toBe(model.adversarial.random.getState());
    expect(ckpt.meta.history).toEqual(model.adversarial.history);
    // Parameters are indices into the joint model's weights.
    const joint = await jointModel(ckpt);
    ckpt.meta.players.forEach((rec, p) => {
      expect(rec.params.map((i) => joint.weights[i]!.shape)).toEqual(players[p]!.variables.map((v) => v.shape));
    });
    joint.dispose();
  });

  it('exports the generator as a standalone tfjs layers model, loaded strictly by plain tfjs (the converter input)', async () => {
    await model.generator.save(`file://${join(root, 'generator')}`);
    const json = await readJson(join(root, 'generator'));
    expect(json.weightsManifest[0]!.weights.map((w) => w.name)).toEqual(model.generator.weights.map((w) => w.originalName));
    const bin = await readFile(join(root, 'generator', 'weights.bin'));
    const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer;
    const generator = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0]!.weights, weightData }));
    const z = tf.randomNormal([5, 3], 0, 1, 'float32', 13);
    expect(values(generator.predict(z))).toEqual(values(model.generator.predict(z)));
    z.dispose();
    generator.dispose();
  });
});

describe('an AdversarialModel checkpoint, read without gandlf (CHECKPOINT.md)', () => {
  it('gives its networks, optimizer state and counters', async () => {
    const gan = seededGan(new Alternating({ steps: { discriminator: 2 } }));
    const data = seededData(32);
    await gan.fit(data.inputs, data.y, { epochs: 1, batchSize: 16, seed: 2 });
    await gan.save(`file://${join(root, 'gan')}`);
    const ckpt = await readCheckpoint(join(root, 'gan'));
    expect(ckpt.dir).toBe(join(root, 'gan~g1'));
    expect(ckpt.meta).toMatchObject({ kind: 'AdversarialModel', sharedBaseModel: true, step: 2, epoch: 1 });
    expect(ckpt.meta.model).toBeUndefined();

    // One base model holds both networks; this test named them 'generator' and 'discriminator'.
    const joint = await jointModel(ckpt);
    const base = gan.playerModels[0]!;
    for (const name of ['generator', 'discriminator']) {
      const saved = joint.getLayer(name) as tf.LayersModel;
      const original = base.getLayer(name) as tf.LayersModel;
      const input = tf.randomNormal([4, ...(original.inputs[0]!.shape.slice(1) as number[])], 0, 1, 'float32', 5);
      expect(values(saved.predict(input))).toEqual(values(original.predict(input)));
      input.dispose();
    }
    joint.dispose();

    await expectOptimizerState(ckpt, gan.getPlayers(), [
      ['m', 'v'],
      ['m', 'v'],
    ]);
    // Alternating with two discriminator turns per batch: its Adam counts twice the steps.
    expect(ckpt.arrays['optimizer/0/0']!.values[0]).toBe(2);
    expect(ckpt.arrays['optimizer/1/0']!.values[0]).toBe(4);
    expect(ckpt.meta.random).toBe(gan.random.getState());
    data.dispose();
    gan.dispose();
  });
});
