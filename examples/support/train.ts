// The training flow the keras_adversarial examples share: a two-player AdversarialModel, `fit` with a
// progress line per epoch, then history.csv, a checkpoint and a closing line; and freeing what a run made.
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { AdversarialModel, callbacks, helpers, Random, type AdversarialCompileArgs, type AdversarialModelArgs, type Callback, type History } from 'gandlf';
import { outDir, type ExampleOptions, type ExampleSpec } from './cli';
import { saveCheckpoint, say, writeHistory } from './output';
import { autoencoderSampler, epochPngs, generatorSampler } from './samplers';

/** What a run reports: the history and where its files went. */
export interface GanRun {
  history: History;
  out: string;
  files: string[];
}

/** A run's shared options with their defaults filled in. */
export interface RunSettings {
  tiny: boolean;
  seed: number;
  verbose: boolean;
  /** `--out`, else `output/<name>`. */
  out: string;
  /** `--epochs`, else the Python's count (2 when tiny). */
  epochs: number;
}

/** {@link RunSettings} from `run`'s options; `epochs` is the Python's count. */
export function runSettings(spec: ExampleSpec, options: ExampleOptions, epochs: number): RunSettings {
  const { tiny = false, seed = 0, verbose = true } = options;
  return { tiny, seed, verbose, out: outDir(spec, options), epochs: options.epochs ?? (tiny ? 2 : epochs) };
}

/** Runs `fn`, then frees `resources` (tensors, models) however it ends. */
export async function disposing<R>(resources: readonly { dispose(): void }[], fn: () => Promise<R>): Promise<R> {
  try {
    return await fn();
  } finally {
    for (const r of resources) r.dispose();
  }
}

/**
 * The examples' `AdversarialModel`: the players `generator` and `discriminator`,
 * each updating its own `params`, seeded and compiled.
 */
export function twoPlayers(
  game: Pick<AdversarialModelArgs, 'baseModel' | 'playerModels'>,
  params: AdversarialModelArgs['playerParams'],
  seed: number,
  compile: AdversarialCompileArgs,
): AdversarialModel {
  const model = new AdversarialModel({ ...game, playerParams: params, playerNames: ['generator', 'discriminator'] });
  model.setSeed(seed);
  model.compile(compile);
  return model;
}

/** A callback that prints `epoch i/n key=value …` after each epoch: the given log keys, or every logged value. */
export function progressLine(epochs: number, verbose: boolean | undefined, keys?: readonly string[]): Callback {
  return {
    onEpochEnd: (epoch, logs = {}) => say(verbose, `epoch ${epoch + 1}/${epochs} ${(keys ?? Object.keys(logs)).map((k) => `${k}=${Number(logs[k]).toFixed(4)}`).join(' ')}`),
  };
}

/** What {@link fitAndSave} trains on and where it writes. */
export interface FitAndSaveArgs {
  /** Training and validation images (the caller frees them). */
  data: { xtrain: tf.Tensor; xtest: tf.Tensor };
  /** The targets of a batch of images, player-major; freed here. @default helpers.ganTargets of its size */
  targets?: (x: tf.Tensor) => tf.Tensor[];
  epochs: number;
  /** @default 32, as the Python's */
  batchSize?: number;
  /** The run's folder: history.csv and the checkpoint go here. */
  out: string;
  /** What the run wrote so far (its grids, as `callbacks` draw them); history.csv and the checkpoint are added. */
  files: string[];
  /** Run after the progress line, e.g. the image grids. */
  callbacks: Callback[];
  verbose: boolean | undefined;
}

/**
 * The Python's `fit(...)` then `df.to_csv(history.csv)` and the models' `save`:
 * trains with a progress line per epoch, validated on `xtest`, writes
 * history.csv and a checkpoint, and says how many files it wrote. Frees the
 * targets and the model (its networks and optimizers) however it ends.
 */
export async function fitAndSave(model: AdversarialModel, args: FitAndSaveArgs): Promise<GanRun> {
  const { data, targets = (x: tf.Tensor) => helpers.ganTargets(x.shape[0]!), epochs, batchSize = 32, out, files, verbose } = args;
  const y = targets(data.xtrain);
  const yTest = targets(data.xtest);
  try {
    const history = await model.fit(data.xtrain, y, { epochs, batchSize, validationData: [data.xtest, yTest], verbose: false, callbacks: [progressLine(epochs, verbose), ...args.callbacks] });
    await writeHistory(out, history);
    files.push(join(out, 'history.csv'), await saveCheckpoint(model, out));
    say(verbose, `wrote ${files.length} files to ${out}`);
    return { history, out, files };
  } finally {
    // Targets may be the images themselves (an autoencoder's): those are the caller's.
    tf.dispose([...y, ...yTest].filter((t) => t !== data.xtrain && t !== data.xtest));
    model.dispose();
  }
}

/** The networks of a BiGAN or an AAE; the decoder is called `generator`, as in the Python. */
export interface EncoderNets {
  generator: tf.LayersModel;
  encoder: tf.LayersModel;
  /** The discriminator whose weights the discriminator player trains. */
  discriminator: tf.LayersModel;
}

/** What a BiGAN or AAE example trains: its networks, its game model(s) and compile arguments, its data. */
export interface EncoderGameArgs {
  nets: EncoderNets;
  /** One model both players see (`baseModel`), or one per player (`playerModels`). */
  game: Pick<AdversarialModelArgs, 'baseModel' | 'playerModels'>;
  /** A game model the Python prints too, between the discriminator's summary and the autoencoder's. @default none */
  shown?: tf.LayersModel;
  compile: AdversarialCompileArgs;
  latentDim: number;
  /** Training and validation images; freed here. */
  data: { xtrain: tf.Tensor; xtest: tf.Tensor };
  /** @default helpers.ganTargets of the batch's size */
  targets?: (x: tf.Tensor) => tf.Tensor[];
  /** A colour map for the grids: `'gray'` for MNIST, none for colour images. */
  cmap?: 'gray';
}

/**
 * The body the BiGAN and AAE examples share: the autoencoder `x -> G(E(x))`,
 * the models' summaries, the generator+encoder player against the
 * discriminator, and `generated-epoch-NNN.png` and `autoencoded-epoch-NNN.png`
 * grids (generator_sampler and autoencoder_sampler) after every epoch, then
 * history and checkpoint. Frees the data and the model.
 */
export async function trainEncoderGame(args: EncoderGameArgs, settings: RunSettings): Promise<GanRun> {
  const { nets, latentDim, data, cmap } = args;
  const { out, seed, verbose } = settings;
  // The Python's Model(encoder.inputs, generator(encoder(encoder.inputs))).
  const xIn = tf.input({ shape: nets.encoder.inputs[0]!.shape.slice(1) as number[] });
  const autoencoder = tf.model({ inputs: xIn, outputs: nets.generator.apply(nets.encoder.apply(xIn)) as tf.SymbolicTensor, name: 'autoencoder' });
  if (verbose) for (const m of [nets.generator, nets.encoder, nets.discriminator, ...(args.shown ? [args.shown] : []), autoencoder]) m.summary();
  const model = twoPlayers(args.game, [[...nets.generator.trainableWeights, ...nets.encoder.trainableWeights], nets.discriminator.trainableWeights], seed, args.compile);
  const random = new Random(seed);
  const files: string[] = [];
  const grid = { range: [0, 1] as const, ...(cmap ? { cmap } : {}) };
  const grids = [
    callbacks.imageGrid({ generator: generatorSampler(nets.generator, latentDim, random), ...grid, draw: epochPngs(out, 'generated', files) }),
    callbacks.imageGrid({ generator: autoencoderSampler(autoencoder, data.xtest, random), ...grid, draw: epochPngs(out, 'autoencoded', files) }),
  ];
  return disposing(Object.values(data), () => fitAndSave(model, { ...settings, data, targets: args.targets, files, callbacks: grids }));
}
