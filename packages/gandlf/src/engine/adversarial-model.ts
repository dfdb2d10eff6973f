import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError, NotCompiledError, ShapeMismatchError } from '../errors';
import { loadArtifacts, saveArtifacts, type CheckpointDestination } from '../checkpoint/checkpoint-store';
import { rebuildOrCorrupt, type CheckpointMeta } from '../checkpoint/format';
import { checkOptions, optionKeys } from '../options';
import { Random } from '../random';
import type { History, Logs } from '../training/callbacks';
import { bindData, type GameSlots } from '../data/bound-data';
import { checkFitArgs, type FitArgs } from './fit-args';
import { busyGuard, evaluateData, fit, trainBatch, type Game, type TrainOnBatchOptions } from './fit';
import type { AdversarialOptimizer } from './adversarial-optimizer';
import { soloOptimizer } from './solo';
import { fromArtifacts, LOAD_OPTIONS_KEYS, toArtifacts, type LoadOptions, type Restored } from './checkpoint';
import { checkCompileArgs, checkModelArgs, resolveOutputs, type AdversarialCompileArgs, type AdversarialModelArgs } from './compile';
import { assertCount, type InputsSpec, type TargetsSpec } from '../data/data';
import { resolvePlayerOptimizers } from '../optim/get-optimizer';
import type { RollbackEvent } from './guarded-run';
import { inputNamesOf, outputNamesOf } from './model-names';
import { Player } from './player';
import { predictPlayers, type PredictOptions } from './predict';
import { printPlayersSummary, type PrintFn } from './summary';
import { ensureTrainableBackend } from '../backends/default-backend';

export type { AdversarialModelArgs } from './compile';
export type { FitArgs } from './fit-args';
export type { TrainOnBatchOptions } from './fit';
export type { PredictOptions } from './predict';
export type { PrintFn } from './summary';

/**
 * A game of n named players over shared models (keras_adversarial's
 * `AdversarialModel`). Each player has its own parameters, optimizer and
 * losses; an adversarial optimizer decides who updates when.
 *
 * @example
 * const gan = new AdversarialModel({
 *   baseModel: helpers.buildGan(generator, discriminator),
 *   playerParams: [generator.trainableWeights, discriminator.trainableWeights],
 *   playerNames: ['generator', 'discriminator'],
 * });
 * gan.compile({ adversarialOptimizer: new Alternating(), playerOptimizers: ['adam', 'adam'], loss: 'binaryCrossentropy' });
 * await gan.fit([z, x], helpers.ganTargets(n), { epochs: 10, batchSize: 64 });
 */
export class AdversarialModel {
  readonly playerNames: readonly string[];
  readonly playerModels: readonly tf.LayersModel[];
  /** Per player, the names of its model's outputs. */
  readonly outputNames: readonly (readonly string[])[];
  /** Set to true (e.g. from a callback) to end `fit` after the current batch. */
  stopTraining = false;
  /** Batches trained so far; `Scheduled` reads its position from it. */
  step = 0;
  /**
   * How many updates each player took in the most recent training step
   * (`trainOnBatch`, or each batch of `fit`), by name, every player listed:
   * what the adversarial optimizer decided, for a loop or a page that shows
   * who moved. `{}` until the first step.
   *
   * @example await gan.trainOnBatch(x, y, { only: 'discriminator' }); gan.lastUpdates // { generator: 0, discriminator: 1 }
   */
  lastUpdates: Readonly<Record<string, number>> = {};
  /** The next epoch index: `fit({ initialEpoch: model.epoch })` continues a run. */
  epoch = 0;
  /** Every epoch's logs over the model's life, across `fit` calls and checkpoints. */
  history: History = { epoch: [], history: {} };
  /** The random stream behind shuffling and drawn inputs. */
  random = new Random();
  /** Rollbacks made by the divergence guard (`fit({ divergence: { rollback } })`). */
  readonly rollbacks: RollbackEvent[] = [];
  /** The `metadata` of the checkpoint this model was loaded from. */
  checkpointMetadata: Record<string, unknown> = {};
  private players: Player[] | null = null;
  private adversarialOptimizer: AdversarialCompileArgs['adversarialOptimizer'] | null = null;
  private readonly variables: tf.Variable[][];
  private readonly enter = busyGuard();
  /** `trainOnBatch({ only })`'s optimizers, one per player, built on first use. */
  private readonly solos: AdversarialOptimizer[] = [];

  constructor(args: AdversarialModelArgs) {
    const { names, models, variables } = checkModelArgs(args); // checks its keys first
    this.playerNames = names;
    this.playerModels = models;
    this.variables = variables;
    this.outputNames = models.map(outputNamesOf);
  }

  /** The models' input slots, in order. */
  get inputNames(): string[] {
    return inputNamesOf(this.playerModels[0]!);
  }

  /** Input and target slots, as `bindData` checks them. */
  private get slots(): GameSlots {
    return {
      inputNames: this.inputNames,
      inputShapes: this.playerModels[0]!.inputs.map((t) => t.shape),
      playerNames: this.playerNames,
      outputNames: this.outputNames,
      outputShapes: this.playerModels.map((m) => m.outputs.map((t) => t.shape)),
    };
  }

  /** Restarts the random stream behind shuffling and drawn inputs from `seed`. */
  setSeed(seed: number): void {
    if (!Number.isFinite(seed)) {
      throw new InvalidArgumentError(`Argument 'seed' passed to 'setSeed' must be a finite number. Received: seed=${describe(seed)}`);
    }
    this.random = new Random(seed);
  }

  /**
   * Frees every weight of the player models and every optimizer's state. The
   * model cannot be used afterwards. (`LayersModel.dispose()` on the networks
   * frees nothing while the player models still use them as layers.)
   */
  dispose(): void {
    for (const p of this.players ?? []) p.optimizer.dispose();
    for (const w of new Set(this.playerModels.flatMap((m) => m.weights))) {
      try {
        w.dispose();
      } catch {
        // Already freed, e.g. through a network shared with another model.
      }
    }
    this.players = null;
  }

  /** `${player}_${output}` for every target, in the order `fit` expects them. */
  get targetNames(): string[] {
    return this.outputNames.flatMap((names, i) => names.map((o) => `${this.playerNames[i]}_${o}`));
  }

  /** Names of the logged metrics: `loss`, then `${player}_loss`, `${player}_${output}_loss`, ... */
  get metricsNames(): string[] {
    const players = this.requireCompiled('metricsNames');
    return ['loss', ...players.flatMap((p) => p.valueNames.map((v) => `${p.name}_${v}`))];
  }

  /** Resolves optimizers and losses per player. Call before `fit`. */
  compile(args: AdversarialCompileArgs): void {
    const fn = 'compile';
    const { adversarialOptimizer, playerOptimizers } = checkCompileArgs(args, fn);
    if (!adversarialOptimizer || typeof adversarialOptimizer.step !== 'function') {
      throw new InvalidArgumentError(
        `Argument 'adversarialOptimizer' passed to '${fn}' must be an adversarial optimizer such as new Alternating(). Received: adversarialOptimizer=${describe(adversarialOptimizer)}`,
      );
    }
    const n = this.playerNames.length;
    if (!Array.isArray(playerOptimizers) || playerOptimizers.length !== n) {
      throw new ShapeMismatchError(
        `Argument 'playerOptimizers' passed to '${fn}' must list one optimizer per player (${n}: ${this.playerNames.join(', ')}). Received: playerOptimizers=${describe(playerOptimizers)}`,
      );
    }
    if (args.playerCompileArgs !== undefined && (!Array.isArray(args.playerCompileArgs) || args.playerCompileArgs.length !== n)) {
      throw new ShapeMismatchError(`Argument 'playerCompileArgs' passed to '${fn}' must list one entry per player (${n}). Received: playerCompileArgs=${describe(args.playerCompileArgs)}`);
    }
    adversarialOptimizer.bind(this.playerNames);
    ensureTrainableBackend(this.playerModels);
    const outputs = this.playerNames.map((name, i) =>
      resolveOutputs(
        args,
        i,
        name,
        this.outputNames[i]!,
        this.playerModels[i]!.outputs.map((t) => t.shape),
      ),
    );
    const optimizers = resolvePlayerOptimizers(playerOptimizers, this.playerNames, fn);
    this.players = this.playerNames.map((name, i) => new Player(i, name, this.playerModels[i]!, this.variables[i]!, optimizers[i]!, outputs[i]!, args.playerCompileArgs?.[i]?.penalties ?? []));
    this.adversarialOptimizer = adversarialOptimizer;
  }

  /** The players, after `compile`. */
  getPlayers(): readonly Player[] {
    return this.requireCompiled('getPlayers');
  }

  /** Trains for a number of epochs; returns the per-epoch history (see `fit` in `fit.ts`). */
  async fit(x: InputsSpec, y: TargetsSpec, args: FitArgs = {}): Promise<History> {
    args = checkFitArgs(args, 'fit');
    return fit(this, this.game('fit'), x, y, args);
  }

  /**
   * What `fit` trains with: the players, the adversarial optimizer, the
   * input and target slots. Throws before `compile`. For gandlf's `Model`,
   * which runs `fit` on this engine with its own data shorthand.
   */
  game(fn: string): Game {
    return { players: this.requireCompiled(fn), optimizer: this.adversarialOptimizer!, solo: (i) => this.solo(i), slots: this.slots, enter: this.enter };
  }

  /** Player `i` alone, as a one-entry `Scheduled` would train it, whatever the step counter. */
  private solo(i: number): AdversarialOptimizer {
    return (this.solos[i] ??= soloOptimizer(i));
  }

  /**
   * Saves the whole run: networks, optimizer states, the adversarial
   * optimizer, counters, random stream, compile settings and history.
   * In IndexedDB, localStorage, `memory://` and Node `file://`, a save that
   * fails leaves the previous checkpoint of that name loadable.
   *
   * @example await gan.save('indexeddb://my-gan', { metadata: { note: 'after warm-up' } })
   */
  async save(url: CheckpointDestination, options: SaveOptions = {}): Promise<tf.io.SaveResult> {
    const { metadata = {} } = checkOptions(options, SAVE_OPTIONS_KEYS, 'save');
    return saveArtifacts(url, await this.toArtifacts({ kind: 'AdversarialModel', metadata }));
  }

  /** Encodes the run as tfjs model artifacts (what `save` writes). */
  async toArtifacts(extra: Pick<CheckpointMeta, 'kind' | 'model' | 'metadata'>, extraWeights: readonly { name: string; tensor: tf.Tensor }[] = []): Promise<tf.io.ModelArtifacts> {
    const players = this.requireCompiled('save');
    return toArtifacts(
      this.playerModels,
      {
        players,
        adversarialOptimizer: this.adversarialOptimizer!,
        step: this.step,
        epoch: this.epoch,
        random: this.random.getState(),
        history: this.history,
      },
      extra,
      extraWeights,
    );
  }

  /**
   * Loads a run saved by `save`, compiled and ready to `fit` on from where it stopped.
   *
   * @example const gan = await AdversarialModel.load('indexeddb://my-gan');
   */
  static async load(url: CheckpointDestination, options: LoadOptions = {}): Promise<AdversarialModel> {
    options = checkOptions(options, LOAD_OPTIONS_KEYS, 'load');
    const artifacts = await loadArtifacts(url);
    const where = describeUrl(url);
    return rebuildOrCorrupt(where, async () => AdversarialModel.fromRestored(await fromArtifacts(artifacts, where, options)));
  }

  /** Builds a model from decoded checkpoint parts, then restores the run into it. */
  static async fromRestored(restored: Restored): Promise<AdversarialModel> {
    const { meta } = restored;
    const model = new AdversarialModel({
      ...(meta.sharedBaseModel ? { baseModel: restored.joint } : { playerModels: restored.playerModels }),
      playerParams: restored.playerParams,
      playerNames: meta.players.map((p) => p.name),
    });
    await model.restoreRun(restored);
    return model;
  }

  /** Compiles as the checkpoint says and restores optimizer states, counters, random stream and history. */
  async restoreRun(restored: Restored): Promise<void> {
    const { meta } = restored;
    this.compile(restored.compileArgs);
    await restored.restoreOptimizers(this.players!);
    this.step = meta.step;
    this.epoch = meta.epoch;
    this.random.setState(meta.random);
    this.history = { epoch: [...meta.history.epoch], history: structuredClone(meta.history.history) };
    this.checkpointMetadata = { ...meta.metadata };
  }

  /**
   * One update on one batch, for users who write their own loop. Returns that
   * step's logs. Each data tensor is checked for NaN the first time it is seen;
   * `checkFinite: false` skips even that. `only` updates that player alone
   * (see `TrainOnBatchOptions`); the step counter advances either way.
   *
   * @example const logs = await gan.trainOnBatch([z, x], helpers.ganTargets(n), { only: 'discriminator' });
   */
  async trainOnBatch(x: InputsSpec, y: TargetsSpec, options: TrainOnBatchOptions = {}): Promise<Logs> {
    const fn = 'trainOnBatch';
    options = checkOptions(options, TRAIN_ON_BATCH_KEYS, fn);
    return trainBatch(this, this.game(fn), x, y, options, fn);
  }

  /** Every player's losses and metrics on the data, with no update. */
  async evaluate(x: InputsSpec, y: TargetsSpec, options: { batchSize?: number } = {}): Promise<Logs> {
    const fn = 'evaluate';
    const { batchSize = 32 } = checkOptions(options, EVALUATE_KEYS, fn);
    const game = this.game(fn);
    assertCount(batchSize, 'batchSize', fn, 1);
    const data = await bindData(game.slots, x, y, fn);
    try {
      return await evaluateData(this, game, data, batchSize);
    } finally {
      data.dispose();
    }
  }

  /**
   * Every player's outputs on `x`, in `targetNames` order, in inference mode
   * and in batches (Keras's `predict`). Needs no `compile`, unlike Keras.
   *
   * @example const [gFake, gReal, dFake, dReal] = gan.predict([z, x]); // gan.targetNames[i] names each
   */
  predict(x: InputsSpec, options: PredictOptions = {}): tf.Tensor[] {
    return predictPlayers(this.playerModels, x, options);
  }

  /**
   * Prints each player's model (tfjs's `model.summary`) and how many parameters each player trains.
   *
   * @example const lines: string[] = []; gan.summary(undefined, undefined, (l) => lines.push(String(l)));
   */
  summary(lineLength?: number, positions?: number[], printFn?: PrintFn): void {
    const players = this.playerNames.map((name, i) => ({ name, model: this.playerModels[i]!, variables: this.variables[i]! }));
    printPlayersSummary(players, lineLength, positions, printFn);
  }

  private requireCompiled(fn: string): Player[] {
    if (!this.players) throw new NotCompiledError(`You must call compile() before ${fn}().`);
    return this.players;
  }
}

/** Options of `save`. */
export interface SaveOptions {
  /** Your own JSON-serialisable notes, returned by `load` in `checkpointMetadata`. @default {} */
  metadata?: Record<string, unknown>;
}

/** The keys of `SaveOptions`, of `trainOnBatch`'s options and of `evaluate`'s (`Model` checks them too). */
export const SAVE_OPTIONS_KEYS = optionKeys<SaveOptions>()({ metadata: true });
const TRAIN_ON_BATCH_KEYS = optionKeys<TrainOnBatchOptions>()({ checkFinite: true, only: true });
export const EVALUATE_KEYS = optionKeys<NonNullable<Parameters<AdversarialModel['evaluate']>[2]>>()({ batchSize: true });

function describeUrl(url: CheckpointDestination): string {
  return typeof url === 'string' ? `'${url}'` : '(IOHandler)';
}
