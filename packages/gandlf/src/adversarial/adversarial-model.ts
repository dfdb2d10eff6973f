import * as tf from '@tensorflow/tfjs';
import { describe, GandlfError, InvalidArgumentError, NotCompiledError, ShapeMismatchError } from '../errors';
import { loadArtifacts, saveArtifacts, type CheckpointDestination } from '../io/checkpoint-store';
import { rebuildOrCorrupt, type CheckpointMeta } from '../io/format';
import { checkOptions, optionKeys } from '../options';
import { Random } from '../random';
import { toLogs, type History, type Logs } from '../training/callbacks';
import { fitLoop } from '../training/fit-loop';
import { defaultVerbose, progressBar } from '../training/progress-bar';
import { bindData, evaluateData, stackLogs, type BoundData, type GameSlots } from './bound-data';
import { checkFitArgs, type FitArgs } from './fit-args';
import { fromArtifacts, LOAD_OPTIONS_KEYS, toArtifacts, type LoadOptions, type Restored } from './checkpoint';
import { checkCompileArgs, checkModelArgs, resolveOutputs, type AdversarialCompileArgs, type AdversarialModelArgs } from './compile';
import { assertCount, type InputsSpec, type TargetsSpec } from './data';
import { resolvePlayerOptimizers } from './get-optimizer';
import { GuardedRun, type RollbackEvent } from './guarded-run';
import { inputNamesOf, outputNamesOf } from './model-names';
import { Player } from './player';
import { ensureTrainableBackend } from '../backends/default-backend';

export type { AdversarialModelArgs } from './compile';
export type { FitArgs } from './fit-args';

/**
 * A game of n named players over shared models (keras_adversarial's
 * `AdversarialModel`). Each player has its own parameters, optimizer and
 * losses; an adversarial optimizer decides who updates when.
 *
 * @example
 * const gan = new AdversarialModel({
 *   baseModel: buildGan(generator, discriminator),
 *   playerParams: [generator.trainableWeights, discriminator.trainableWeights],
 *   playerNames: ['generator', 'discriminator'],
 * });
 * gan.compile({ adversarialOptimizer: new Alternating(), playerOptimizers: ['adam', 'adam'], loss: 'binaryCrossentropy' });
 * await gan.fit([z, x], ganTargets(n), { epochs: 10, batchSize: 64 });
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
  private readonly roles: AdversarialModelArgs['roles'];
  private readonly jointGradients: AdversarialModelArgs['jointGradients'];
  private busy = false;

  constructor(args: AdversarialModelArgs) {
    const { names, models, variables } = checkModelArgs(args); // checks its keys first
    this.playerNames = names;
    this.playerModels = models;
    this.variables = variables;
    this.roles = args.roles;
    this.jointGradients = args.jointGradients;
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
      throw new ShapeMismatchError(
        `Argument 'playerCompileArgs' passed to '${fn}' must list one entry per player (${n}). Received: playerCompileArgs=${describe(args.playerCompileArgs)}`,
      );
    }
    adversarialOptimizer.bind(this.playerNames);
    ensureTrainableBackend(this.playerModels);
    const outputs = this.playerNames.map((name, i) =>
      resolveOutputs(args, i, name, this.outputNames[i]!, this.playerModels[i]!.outputs.map((t) => t.shape)),
    );
    const optimizers = resolvePlayerOptimizers(playerOptimizers, this.playerNames, fn);
    this.players = this.playerNames.map(
      (name, i) =>
        new Player(i, name, this.playerModels[i]!, this.variables[i]!, optimizers[i]!, outputs[i]!, args.playerCompileArgs?.[i]?.penalties ?? [], this.roles),
    );
    this.adversarialOptimizer = adversarialOptimizer;
  }

  /** The players, after `compile`. */
  getPlayers(): readonly Player[] {
    return this.requireCompiled('getPlayers');
  }

  /** Trains for a number of epochs; returns the per-epoch history. */
  async fit(x: InputsSpec, y: TargetsSpec, args: FitArgs = {}): Promise<History> {
    const fn = 'fit';
    args = checkFitArgs(args, fn);
    this.requireCompiled(fn);
    const { epochs = 1, batchSize = 32, shuffle = true, initialEpoch = 0, callbacks = [], yieldEvery = 'auto', verbose = defaultVerbose() } = args;
    assertCount(epochs, 'epochs', fn, 1);
    assertCount(batchSize, 'batchSize', fn, 1);
    assertCount(initialEpoch, 'initialEpoch', fn, 0);
    if (args.seed !== undefined) this.random = new Random(args.seed);
    const data = await bindData(this.slots, x, y, fn, { numSamples: args.numSamples });
    const validation = args.validationData ? await bindData(this.slots, args.validationData[0], args.validationData[1], fn) : null;
    this.enter(fn);
    const guard = args.divergence === false ? null : new GuardedRun(this, this.players!, args.divergence ?? {});
    try {
      await guard?.start();
      const history = await fitLoop({
        numSamples: data.numSamples,
        batchSize,
        epochs,
        initialEpoch,
        shuffle,
        // The bar goes last, as Keras appends its ProgbarLogger.
        callbacks: verbose ? [...callbacks, progressBar({ epochs, steps: Math.ceil(data.numSamples / batchSize) })] : callbacks,
        yieldEvery,
        metricNames: this.metricsNames,
        random: this.random,
        trainBatch: async (rows) => {
          const values = await this.trainRows(data, rows);
          try {
            if (guard) await guard.afterStep(values);
          } catch (e) {
            values.dispose();
            throw e;
          }
          return values;
        },
        validate: validation
          ? async () => prefix('val_', await evaluateData(this.players!, validation, batchSize, this.random, this.metricsNames))
          : undefined,
        shouldStop: () => this.stopTraining,
        onEpochDone: (epoch, logs) => this.recordEpoch(epoch, logs),
      });
      return history;
    } finally {
      this.stopTraining = false;
      this.busy = false;
      guard?.dispose();
      data.dispose();
      validation?.dispose();
    }
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
  async toArtifacts(
    extra: Pick<CheckpointMeta, 'kind' | 'model' | 'metadata'>,
    extraWeights: readonly { name: string; tensor: tf.Tensor }[] = [],
  ): Promise<tf.io.ModelArtifacts> {
    const players = this.requireCompiled('save');
    return toArtifacts(this.playerModels, {
      players,
      adversarialOptimizer: this.adversarialOptimizer!,
      step: this.step,
      epoch: this.epoch,
      random: this.random.getState(),
      history: this.history,
    }, extra, extraWeights);
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
   * `checkFinite: false` skips even that.
   */
  async trainOnBatch(x: InputsSpec, y: TargetsSpec, options: { checkFinite?: boolean } = {}): Promise<Logs> {
    const fn = 'trainOnBatch';
    options = checkOptions(options, TRAIN_ON_BATCH_KEYS, fn);
    this.requireCompiled(fn);
    const data = await bindData(this.slots, x, y, fn, options);
    this.enter(fn);
    try {
      const values = await this.trainRows(data, Int32Array.from({ length: data.numSamples }, (_, i) => i));
      const logs = toLogs(this.metricsNames, await values.data());
      values.dispose();
      return logs;
    } finally {
      this.busy = false;
      data.dispose();
    }
  }

  /** Every player's losses and metrics on the data, with no update. */
  async evaluate(x: InputsSpec, y: TargetsSpec, options: { batchSize?: number } = {}): Promise<Logs> {
    const fn = 'evaluate';
    const { batchSize = 32 } = checkOptions(options, EVALUATE_KEYS, fn);
    this.requireCompiled(fn);
    assertCount(batchSize, 'batchSize', fn, 1);
    const data = await bindData(this.slots, x, y, fn);
    try {
      return await evaluateData(this.players!, data, batchSize, this.random, this.metricsNames);
    } finally {
      data.dispose();
    }
  }

  /** One training step on the given rows: draw the batch, let the optimizer step, stack the logs. */
  private async trainRows(data: BoundData, rows: Int32Array): Promise<tf.Tensor1D> {
    const batch = data.draw(rows, this.random);
    try {
      const players = this.players!;
      const joint = this.jointGradients;
      const perPlayer = await this.adversarialOptimizer!.step({ players, batch, step: this.step, ...(joint ? { jointGradients: () => joint(players, batch) } : {}) });
      this.step++;
      return stackLogs(perPlayer);
    } finally {
      tf.dispose([...batch.inputs, ...batch.targets.flat()]);
    }
  }

  private recordEpoch(epoch: number, logs: Logs): void {
    this.epoch = epoch + 1;
    this.history.epoch.push(epoch);
    for (const [k, v] of Object.entries(logs)) (this.history.history[k] ??= []).push(v);
  }

  private requireCompiled(fn: string): Player[] {
    if (!this.players) throw new NotCompiledError(`You must call compile() before ${fn}().`);
    return this.players;
  }

  private enter(fn: string): void {
    if (this.busy) {
      throw new GandlfError(`'${fn}' was called while this model is already training; await the running fit() first.`);
    }
    this.busy = true;
  }
}

/** Options of `save`. */
export interface SaveOptions {
  /** Your own JSON-serialisable notes, returned by `load` in `checkpointMetadata`. @default {} */
  metadata?: Record<string, unknown>;
}

/** The keys of `SaveOptions`, of `trainOnBatch`'s options and of `evaluate`'s (`Model` checks them too). */
export const SAVE_OPTIONS_KEYS = optionKeys<SaveOptions>()({ metadata: true });
const TRAIN_ON_BATCH_KEYS = optionKeys<NonNullable<Parameters<AdversarialModel['trainOnBatch']>[2]>>()({ checkFinite: true });
export const EVALUATE_KEYS = optionKeys<NonNullable<Parameters<AdversarialModel['evaluate']>[2]>>()({ batchSize: true });

function describeUrl(url: CheckpointDestination): string {
  return typeof url === 'string' ? `'${url}'` : '(IOHandler)';
}

function prefix(p: string, logs: Logs): Logs {
  return Object.fromEntries(Object.entries(logs).map(([k, v]) => [p + k, v]));
}
