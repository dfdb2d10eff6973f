import * as tf from '@tensorflow/tfjs';
import { AdversarialModel, EVALUATE_KEYS, SAVE_OPTIONS_KEYS, type SaveOptions } from '../engine/adversarial-model';
import { checkFitArgs } from '../engine/fit-args';
import type { LossIdentifier } from '../losses/registry';
import type { DataSource } from '../data/data';
import { outputNamesOf } from '../engine/model-names';
import { cloneOptimizer, getOptimizer, type OptimizerIdentifier } from '../optim/get-optimizer';
import { fromArtifacts, LOAD_OPTIONS_KEYS, type LoadOptions } from '../engine/checkpoint';
import { CheckpointError, CorruptCheckpointError, describe, InvalidArgumentError, ShapeMismatchError } from '../errors';
import { loadArtifacts, saveArtifacts, type CheckpointDestination } from '../checkpoint/checkpoint-store';
import { rebuildOrCorrupt } from '../checkpoint/format';
import { fixNames } from '../helpers/builders';
import { Simultaneous } from '../engine/simultaneous';
import type { History, Logs } from '../training/callbacks';
import { expandModes, MODES, type PerMode } from './modes';
import { fit, trainBatch, type TrainOnBatchOptions } from '../engine/fit';
import type { AdversarialOptimizer } from '../engine/adversarial-optimizer';
import { GanGame } from '../gan/game';
import { ganOptimizer, ganSolo } from '../gan/steps';
import { DiffAugment } from '../augment/diff-augment-layer';
import { ExponentialMovingAverage } from './ema';
import {
  checkModelCompileOptions,
  checkModelOptions,
  MODEL_FIT_ARGS_KEYS,
  ROLE_OPTIMIZERS_KEYS,
  type ModelArgs,
  type ModelCompileArgs,
  type ModelFitArgs,
  type ModelTargets,
  type RoleOptimizers,
} from './model-options';

export type { ModelArgs, ModelCompileArgs, ModelFitArgs, ModelTargets, RoleOptimizers } from './model-options';
import { checkOptions, optionKeys } from '../options';
import { runNetwork, type SampleArgs } from './run-network';
import { isRowWise } from './row-wise';
import { shortcutSource, type ModelInputs, type Shortcut } from './shortcuts';

export type { SampleArgs } from './run-network';
export type { ModelInputs } from './shortcuts';

const isShortcut = (v: unknown): v is Shortcut => typeof v === 'string' || typeof v === 'number' || typeof v === 'function' || v instanceof tf.Tensor;
const isLoss = (v: unknown): v is LossIdentifier => typeof v === 'string' || typeof v === 'function';
const isNumber = (v: unknown): v is number => typeof v === 'number';

/**
 * gandlf's two-network model: a generator and a discriminator trained as a
 * two-player game on the `AdversarialModel` engine.
 *
 * Targets are named by mode: with `{ gen: 'zeros', fake: 'ones', real: 'zeros' }`
 * the discriminator learns real -> 0 and generated -> 1, and the generator
 * learns generated -> 0 (the seed's `['zeros', 'ones']` says the same).
 *
 * @example
 * const model = new Model({ generator, discriminator });
 * model.compile({ optimizer: { generator: 'adam', discriminator: 'adam' }, loss: 'binaryCrossentropy' });
 * await model.fit(['normal', xTrain], { gen: 'zeros', fake: 'ones', real: 'zeros' }, { epochs: 10, batchSize: 64 });
 * const images = model.sample(['normal'], { numSamples: 16 });
 */
export class Model {
  readonly generator: tf.LayersModel;
  readonly discriminator: tf.LayersModel;
  /** The engine: players `generator` and `discriminator`. */
  readonly adversarial: AdversarialModel;
  /** The discriminator's output names, which the target shorthand uses. */
  readonly outputNames: readonly string[];
  /** The GAN's forward passes and players' turns, which every GAN step runs (see `gan/`). */
  readonly game: GanGame;
  /** The DiffAugment options, when the discriminator's inputs are augmented. */
  readonly augment: { readonly policy: string; readonly seed?: number } | null;
  /** The moving average of the generator, after `compile({ ema })`. */
  ema: ExponentialMovingAverage | null = null;
  private readonly inputShapes: (number | null)[][];
  /** `trainOnBatch({ only })`'s GAN steps, one per player, built on first use. */
  private readonly solos: AdversarialOptimizer[] = [];

  constructor(args: ModelArgs) {
    const fn = 'Model';
    const { generator, discriminator, augment } = checkModelOptions(args);
    for (const [arg, m] of [
      ['generator', generator],
      ['discriminator', discriminator],
    ] as const) {
      if (!(m instanceof tf.LayersModel)) {
        throw new InvalidArgumentError(`Argument '${arg}' passed to '${fn}' must be a tf.LayersModel. Received: ${arg}=${describe(m)}`);
      }
    }
    const nGen = generator.outputs.length;
    if (discriminator.inputs.length < nGen) {
      throw new ShapeMismatchError(
        `'${fn}': the generator has ${nGen} outputs but the discriminator only ${discriminator.inputs.length} inputs. Received: discriminator inputs ${describe(discriminator.inputs.map((t) => t.shape))}`,
      );
    }
    generator.outputs.forEach((o, i) => {
      const d = discriminator.inputs[i]!;
      if (o.shape.slice(1).join(',') !== d.shape.slice(1).join(',')) {
        throw new ShapeMismatchError(
          `'${fn}': generator output ${i} has shape [${o.shape.slice(1).join(',')}] but discriminator input ${i} expects [${d.shape.slice(1).join(',')}]. Received: generator output shape ${describe(o.shape)}`,
        );
      }
    });
    this.generator = generator;
    this.discriminator = discriminator;
    this.outputNames = outputNamesOf(discriminator);

    // Inputs: generator inputs, real data, then conditional inputs shared by both paths.
    const fresh = (t: tf.SymbolicTensor) => tf.input({ shape: t.shape.slice(1) as number[], dtype: t.dtype });
    const gIn = generator.inputs.map(fresh);
    const realIn = discriminator.inputs.slice(0, nGen).map(fresh);
    const condIn = discriminator.inputs.slice(nGen).map(fresh);
    const asList = <T>(o: T | T[]) => (Array.isArray(o) ? o : [o]);
    const one = <T>(xs: T[]) => (xs.length === 1 ? xs[0]! : xs);
    const fakeX = asList(generator.apply(one(gIn)) as tf.SymbolicTensor | tf.SymbolicTensor[]);
    // DiffAugment: one layer (one random stream) in front of every image D sees.
    const augmentLayer = augment ? new DiffAugment({ policy: augment.policy ?? 'color,translation,cutout', ...(augment.seed === undefined ? {} : { seed: augment.seed }) }) : null;
    this.augment = augmentLayer ? { policy: augmentLayer.policy, ...(augment?.seed === undefined ? {} : { seed: augment.seed }) } : null;
    const view = (xs: tf.SymbolicTensor[]) => (augmentLayer ? xs.map((t) => augmentLayer.apply(t) as tf.SymbolicTensor) : xs);
    const fake = asList(discriminator.apply(one([...view(fakeX), ...condIn])) as tf.SymbolicTensor | tf.SymbolicTensor[]);
    const real = asList(discriminator.apply(one([...view(realIn), ...condIn])) as tf.SymbolicTensor | tf.SymbolicTensor[]);
    const inputs = [...gIn, ...realIn, ...condIn];
    const named = (ts: tf.SymbolicTensor[], mode: string) => ts.flatMap((t, k) => fixNames(t, `${this.outputNames[k]}_${mode}`));
    const gModel = tf.model({ inputs, outputs: named(fake, 'gen'), name: 'generator_player' });
    const dModel = tf.model({ inputs, outputs: [...named(fake, 'fake'), ...named(real, 'real')], name: 'discriminator_player' });
    this.inputShapes = inputs.map((t) => t.shape);
    const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
    const nIn = gIn.length;
    this.game = new GanGame(
      generator,
      // The steps see D through the same augmentation layer as the player models (which checkpoints store).
      { network: discriminator, rowWise: isRowWise(discriminator), ...(augmentLayer ? { view: augmentLayer } : {}) },
      { generatorInputs: range(0, nIn), realInputs: range(nIn, nGen), conditionalInputs: range(nIn + nGen, condIn.length) },
    );
    this.adversarial = new AdversarialModel({
      playerModels: [gModel, dModel],
      playerParams: [generator.trainableWeights, discriminator.trainableWeights],
      playerNames: ['generator', 'discriminator'],
    });
  }

  /** Batches trained so far. */
  get step(): number {
    return this.adversarial.step;
  }

  /** The next epoch index: `fit({ initialEpoch: model.epoch })` continues a run. */
  get epoch(): number {
    return this.adversarial.epoch;
  }

  /**
   * Each network's updates in the most recent training step, by player (see `AdversarialModel.lastUpdates`); `{}` before any.
   * @example await model.trainOnBatch(['normal', x], ['zeros', 'ones'], { only: 'generator' }); model.lastUpdates // { generator: 1, discriminator: 0 }
   */
  get lastUpdates(): Readonly<Record<string, number>> {
    return this.adversarial.lastUpdates;
  }

  /** Logged metric names: `loss`, `generator_loss`, `generator_${out}_gen_loss`, `discriminator_${out}_fake_loss`, ... */
  get metricsNames(): string[] {
    return this.adversarial.metricsNames;
  }

  /** Sets optimizers and losses. Call before `fit`. */
  compile(args: ModelCompileArgs): void {
    const fn = 'compile';
    const { optimizer = 'adam', loss, lossWeights, metrics, adversarialOptimizer = new Simultaneous(), penalties = {}, ema } = checkModelCompileOptions(args);
    const opts = roleOptimizers(optimizer, fn);
    if (loss === undefined) {
      throw new InvalidArgumentError(`Argument 'loss' passed to '${fn}' is required. Received: loss=undefined`);
    }
    const losses = expandModes(loss, this.outputNames, isLoss, `Argument 'loss' passed to '${fn}'`, true);
    const weights = lossWeights === undefined ? undefined : expandModes(lossWeights, this.outputNames, isNumber, `Argument 'lossWeights' passed to '${fn}'`, true, 1);
    const player = (modes: readonly ('gen' | 'fake' | 'real')[]) => ({
      loss: this.byOutput(losses, modes),
      ...(weights ? { lossWeights: this.byOutput(weights, modes) } : {}),
    });
    this.adversarial.compile({
      adversarialOptimizer: ganOptimizer(this.game, adversarialOptimizer, fn),
      playerOptimizers: opts,
      loss: 'binaryCrossentropy',
      ...(metrics ? { metrics } : {}),
      playerCompileArgs: [
        { ...player(['gen']), penalties: penalties.generator ?? [] },
        { ...player(['fake', 'real']), penalties: penalties.discriminator ?? [] },
      ],
    });
    this.ema?.dispose();
    this.ema = ema ? new ExponentialMovingAverage(this.generator, ema) : null;
  }

  /**
   * Trains both networks. `x` lists generator inputs, real data, then
   * conditional inputs; `y` gives targets per output and mode.
   */
  async fit(x: ModelInputs, y: ModelTargets, args: ModelFitArgs = {}): Promise<History> {
    args = checkFitArgs(args, 'fit', MODEL_FIT_ARGS_KEYS);
    const [xs, ys] = this.sources(x, y, 'fit');
    // The average goes first, so that other callbacks (checkpoints, image grids) see it current. Its
    // `step` is G's update count: it follows G's iterates, and a step that leaves G leaves it too.
    const adversarial = this.adversarial;
    const generatorUpdates = {
      get step() {
        return adversarial.getPlayers()[0]!.updates;
      },
    };
    const callbacks = this.ema ? [this.ema.callback(generatorUpdates), ...(args.callbacks ?? [])] : args.callbacks;
    // Validation data comes in the same shorthand as `x` and `y`.
    const { validationData, ...rest } = args;
    const validation = validationData ? this.sources(validationData[0], validationData[1], 'fit') : undefined;
    return fit(this.adversarial, this.adversarial.game('fit'), xs, ys, { ...rest, ...(callbacks ? { callbacks } : {}), ...(validation ? { validationData: validation } : {}) });
  }

  /**
   * One update on one batch; returns its logs. `only: 'generator'` or `'discriminator'` updates that
   * network alone, as a step of `Scheduled([only])` would; the other is scored for the logs.
   * @example await model.trainOnBatch(['normal', x], ['zeros', 'ones'], { only: 'discriminator' });
   */
  async trainOnBatch(x: ModelInputs, y: ModelTargets, options: ModelTrainOnBatchOptions = {}): Promise<Logs> {
    const fn = 'trainOnBatch';
    const { only } = checkOptions(options, MODEL_TRAIN_ON_BATCH_KEYS, fn);
    const [xs, ys] = this.sources(x, y, fn);
    const game = { ...this.adversarial.game(fn), solo: (i: number) => this.solo(i) };
    const logs = await trainBatch(this.adversarial, game, xs, ys, { only }, fn);
    // The average follows the generator's iterates: a discriminator-only step leaves it.
    if (this.lastUpdates.generator) this.ema?.update();
    return logs;
  }

  /** Player `i`'s GAN step of a one-entry `Scheduled`: every step trains that network alone. */
  private solo(i: number): AdversarialOptimizer {
    return (this.solos[i] ??= ganSolo(this.game, i));
  }

  /** Losses and metrics on the data, with no update. */
  async evaluate(x: ModelInputs, y: ModelTargets, args: { batchSize?: number } = {}): Promise<Logs> {
    args = checkOptions(args, EVALUATE_KEYS, 'evaluate');
    const [xs, ys] = this.sources(x, y, 'evaluate');
    return this.adversarial.evaluate(xs, ys, args);
  }

  /**
   * Saves the whole run (see `AdversarialModel.save`). To share the generator
   * alone as a plain tfjs model, save `model.generator` instead.
   *
   * @example await model.save('indexeddb://my-gan')
   */
  async save(url: CheckpointDestination, options: SaveOptions = {}): Promise<tf.io.SaveResult> {
    const { metadata = {} } = checkOptions(options, SAVE_OPTIONS_KEYS, 'save');
    const model = {
      generator: this.generator.name,
      discriminator: this.discriminator.name,
      ...(this.ema ? { ema: { decay: this.ema.decay } } : {}),
      ...(this.augment ? { augment: this.augment } : {}),
    };
    const ema = this.ema ? this.ema.shadow.weights.map((w, i) => ({ name: `ema/${i}`, tensor: w.read() })) : [];
    return saveArtifacts(url, await this.adversarial.toArtifacts({ kind: 'Model', model, metadata }, ema));
  }

  /**
   * Loads a run saved by `Model.save`, compiled and ready to continue.
   *
   * @example const model = await Model.load('indexeddb://my-gan');
   */
  static async load(url: CheckpointDestination, options: LoadOptions = {}): Promise<Model> {
    options = checkOptions(options, LOAD_OPTIONS_KEYS, 'load');
    const where = typeof url === 'string' ? `'${url}'` : '(IOHandler)';
    const artifacts = await loadArtifacts(url);
    return rebuildOrCorrupt(where, async () => {
      const restored = await fromArtifacts(artifacts, where, options);
      const names = restored.meta.model;
      if (restored.meta.kind !== 'Model' || !names) {
        throw new CheckpointError(`Checkpoint ${where} was saved by ${restored.meta.kind}, not Model; load it with AdversarialModel.load.`);
      }
      const net = (name: string) => {
        const layer = restored.joint.getLayer(name);
        if (!(layer instanceof tf.LayersModel)) throw new CorruptCheckpointError(`Checkpoint ${where} has no network named '${name}'.`);
        return layer;
      };
      const model = new Model({ generator: net(names.generator), discriminator: net(names.discriminator), ...(names.augment ? { augment: names.augment } : {}) });
      if (names.ema) {
        model.ema = new ExponentialMovingAverage(model.generator, names.ema);
        const weights = model.ema.shadow.weights.map((_, i) => restored.extraWeights[`ema/${i}`]);
        if (weights.some((w) => w === undefined)) throw new CorruptCheckpointError(`Checkpoint ${where} records a generator average but lacks some of its weights.`);
        model.ema.setWeights(weights as tf.Tensor[]);
      }
      // The checkpoint names the adversarial optimizer; the model steps it as its GAN step.
      const { compileArgs } = restored;
      await model.adversarial.restoreRun({ ...restored, compileArgs: { ...compileArgs, adversarialOptimizer: ganOptimizer(model.game, compileArgs.adversarialOptimizer, 'load') } });
      return model;
    });
  }

  /** Restarts the random stream behind drawn inputs and shuffling from `seed`. */
  setSeed(seed: number): void {
    this.adversarial.setSeed(seed);
  }

  /** Frees both networks' weights, the optimizers' state and the generator average. */
  dispose(): void {
    this.ema?.dispose();
    this.ema = null;
    this.adversarial.dispose();
  }

  /**
   * Generator outputs for the given generator inputs (shortcuts drawn
   * `numSamples` times). With `compile({ ema })`, the moving average draws them.
   */
  sample(inputs: ModelInputs, args: SampleArgs = {}): tf.Tensor | tf.Tensor[] {
    return runNetwork(this.ema?.shadow ?? this.generator, 'generator', inputs, args, 'sample');
  }

  /** Discriminator outputs for the given discriminator inputs. */
  predict(inputs: ModelInputs, args: SampleArgs = {}): tf.Tensor | tf.Tensor[] {
    return runNetwork(this.discriminator, 'discriminator', inputs, args, 'predict');
  }

  private byOutput<T>(values: PerMode<T>, modes: readonly ('gen' | 'fake' | 'real')[]): Record<string, T> {
    const rec: Record<string, T> = {};
    for (const m of modes) this.outputNames.forEach((o, k) => (rec[`${o}_${m}`] = values[m][k] as T));
    return rec;
  }

  private sources(x: ModelInputs, y: ModelTargets, fn: string): [DataSource[], Record<string, DataSource>] {
    const xs = Array.isArray(x) ? (x as Shortcut[]) : [x as Shortcut];
    const names = this.adversarial.inputNames;
    if (xs.length !== names.length) {
      throw new ShapeMismatchError(
        `Argument 'x' passed to '${fn}' must hold ${names.length} inputs: ${this.generator.inputs.length} generator input(s), ${this.generator.outputs.length} real data input(s), then ${names.length - this.generator.inputs.length - this.generator.outputs.length} conditional input(s). Received: ${xs.length}`,
      );
    }
    const inputs = xs.map((s, i) => shortcutSource(s, this.inputShapes[i]!, `Input ${i}`, fn));
    const targets = expandModes(y, this.outputNames, isShortcut, `Argument 'y' passed to '${fn}'`, false);
    const shape = (k: number) => this.discriminator.outputs[k]!.shape;
    const ys: Record<string, DataSource> = {};
    for (const m of MODES) {
      const player = m === 'gen' ? 'generator' : 'discriminator';
      this.outputNames.forEach((o, k) => {
        ys[`${player}_${o}_${m}`] = shortcutSource(targets[m][k]!, shape(k), `Target '${o}_${m}'`, fn);
      });
    }
    return [inputs, ys];
  }
}

/** Options of `Model.trainOnBatch`: `only`, the player's name, `'generator'` or `'discriminator'`. */
export type ModelTrainOnBatchOptions = Pick<TrainOnBatchOptions, 'only'>;
const MODEL_TRAIN_ON_BATCH_KEYS = optionKeys<ModelTrainOnBatchOptions>()({ only: true });

/**
 * The `[generator, discriminator]` optimizers of `compile({ optimizer })`:
 * given by role, as one (copied for the second network) or as the seed's list
 * `[discriminator, generator]`.
 */
function roleOptimizers(optimizer: OptimizerIdentifier | RoleOptimizers | readonly [OptimizerIdentifier, OptimizerIdentifier], fn: string): [tf.Optimizer, tf.Optimizer] {
  if (!Array.isArray(optimizer) && !isRoleRecord(optimizer)) {
    const d = getOptimizer(optimizer as OptimizerIdentifier, `'${fn}': optimizer`);
    // One optimizer object cannot serve both networks (slots are positional): copy it.
    return [typeof optimizer === 'string' ? getOptimizer(optimizer, fn) : cloneOptimizer(d), d];
  }
  let g: tf.Optimizer;
  let d: tf.Optimizer;
  if (Array.isArray(optimizer)) {
    if (optimizer.length !== 2) {
      throw new ShapeMismatchError(
        `Argument 'optimizer' passed to '${fn}' must be { generator, discriminator }, one optimizer, or the list [discriminator, generator]. Received: ${optimizer.length} optimizers`,
      );
    }
    d = getOptimizer(optimizer[0] as OptimizerIdentifier, `'${fn}': optimizer[0] (discriminator)`);
    g = getOptimizer(optimizer[1] as OptimizerIdentifier, `'${fn}': optimizer[1] (generator)`);
  } else {
    const { generator, discriminator } = checkOptions(optimizer as RoleOptimizers, ROLE_OPTIMIZERS_KEYS, fn, 'optimizer');
    if (generator === undefined || discriminator === undefined) {
      throw new InvalidArgumentError(
        `Argument 'optimizer' passed to '${fn}' must name both networks' optimizers, e.g. { generator: 'adam', discriminator: 'adam' }. Received: optimizer=${describe(optimizer)}`,
      );
    }
    g = getOptimizer(generator, `'${fn}': optimizer.generator`);
    d = getOptimizer(discriminator, `'${fn}': optimizer.discriminator`);
  }
  if (g === d) {
    throw new InvalidArgumentError(
      `Argument 'optimizer' passed to '${fn}' gives both networks the same optimizer object, whose slots cannot serve two networks; pass two optimizers, or one alone (each network then gets its own copy). Received: optimizer=${describe(optimizer)}`,
    );
  }
  return [g, d];
}

/** A plain object: `{ generator, discriminator }` (a tf.Optimizer is a class instance). */
function isRoleRecord(v: unknown): v is RoleOptimizers {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}
