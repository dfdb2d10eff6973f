import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError, ShapeMismatchError } from '../errors';
import { getLoss, type LossIdentifier } from '../losses/registry';
import { getMetric, type MetricIdentifier } from '../losses/metrics';
import { checkOptions, optionKeys, requireOptions } from '../options';
import type { AdversarialOptimizer } from './adversarial-optimizer';
import type { OptimizerIdentifier } from '../optim/get-optimizer';
import type { Penalty } from './penalty';
import type { PlayerOutput } from './player';

/** A loss for every output, one per output in order, or one per output name. */
export type LossSpec = LossIdentifier | readonly LossIdentifier[] | Readonly<Record<string, LossIdentifier>>;

/** Weights per output in order, or per output name (missing names weigh 1). */
export type LossWeightsSpec = readonly number[] | Readonly<Record<string, number>>;

/** Metrics for every output, or per output name. */
export type MetricsSpec = readonly MetricIdentifier[] | Readonly<Record<string, readonly MetricIdentifier[]>>;

/** Per-player overrides of the shared compile arguments. */
export interface PlayerCompileArgs {
  /** Overrides `loss` for this player. @default the shared `loss` */
  loss?: LossSpec;
  /** Overrides `lossWeights` for this player. @default the shared `lossWeights` */
  lossWeights?: LossWeightsSpec;
  /** Overrides `metrics` for this player. @default the shared `metrics` */
  metrics?: MetricsSpec;
  /** Extra loss terms of this player, e.g. a gradient penalty for the critic. @default [] */
  penalties?: readonly Penalty[];
}

const PLAYER_COMPILE_ARGS_KEYS = optionKeys<PlayerCompileArgs>()({ loss: true, lossWeights: true, metrics: true, penalties: true });

/** Arguments of `AdversarialModel.compile`. */
export interface AdversarialCompileArgs {
  /** Decides who updates when: `Simultaneous`, `Alternating`, `Scheduled`, `Unrolled`, or your own. */
  adversarialOptimizer: AdversarialOptimizer;
  /** One optimizer per player, by name (`'adam'`) or instance; never the same instance twice. */
  playerOptimizers: readonly OptimizerIdentifier[];
  /** The loss of every player's outputs, unless `playerCompileArgs` overrides it. */
  loss: LossSpec;
  /** Output loss weights. @default 1 for every output */
  lossWeights?: LossWeightsSpec;
  /**
   * Metrics logged per player and output (`${player}_${output}_acc`), by name
   * (gandlf's or Keras's: `'accuracy'`, `'mae'`, `'categorical_accuracy'`, ...)
   * or as functions. `'accuracy'` is binary or categorical per output, as in Keras.
   * @default none
   */
  metrics?: MetricsSpec;
  /** Per-player overrides, in player order. @default none */
  playerCompileArgs?: readonly PlayerCompileArgs[];
}

const ADVERSARIAL_COMPILE_ARGS_KEYS = optionKeys<AdversarialCompileArgs>()({
  adversarialOptimizer: true,
  playerOptimizers: true,
  loss: true,
  lossWeights: true,
  metrics: true,
  playerCompileArgs: true,
});

/** Checks the keys of `compile`'s arguments and of each `playerCompileArgs` entry. */
export function checkCompileArgs(args: AdversarialCompileArgs, fn: string): AdversarialCompileArgs {
  requireOptions(args, ADVERSARIAL_COMPILE_ARGS_KEYS, fn, 'args');
  if (Array.isArray(args.playerCompileArgs)) {
    args.playerCompileArgs.forEach((own, i) => checkOptions(own, PLAYER_COMPILE_ARGS_KEYS, fn, `playerCompileArgs[${i}]`));
  }
  return args;
}

/**
 * Resolves the losses, weights and metrics of one player's outputs.
 * `outputShapes` (per output, batch axis first) let `'accuracy'` be picked
 * per output as Keras picks it: binary or categorical.
 */
export function resolveOutputs(
  args: AdversarialCompileArgs,
  player: number,
  playerName: string,
  outputNames: readonly string[],
  outputShapes: readonly (readonly (number | null)[])[] = [],
): PlayerOutput[] {
  const own = args.playerCompileArgs?.[player] ?? {};
  const where = (what: string) => `'compile': ${what} of player '${playerName}'`;
  const loss = own.loss ?? args.loss;
  const weights = own.lossWeights ?? args.lossWeights;
  const metrics = own.metrics ?? args.metrics ?? [];
  const losses = perOutput(loss, outputNames, where('loss'), (v): v is LossIdentifier => typeof v === 'string' || typeof v === 'function');
  return outputNames.map((name, k) => {
    const lossId = losses[k];
    if (lossId === undefined) {
      throw new InvalidArgumentError(`${where('loss')} gives no loss for output '${name}'. Received: loss=${describe(loss)}`);
    }
    const weight = weightFor(weights, name, k, outputNames, where('lossWeights'));
    const ms = Array.isArray(metrics) ? metrics : ((metrics as Record<string, readonly MetricIdentifier[]>)[name] ?? []);
    const lossFn = getLoss(lossId, `${where('loss')}, output '${name}'`);
    const context = { loss: lossFn, ...(outputShapes[k] ? { outputShape: outputShapes[k] } : {}) };
    return {
      name,
      loss: lossFn,
      weight,
      metrics: (ms as readonly MetricIdentifier[]).map((m) => getMetric(m, `${where('metrics')}, output '${name}'`, context)),
    };
  });
}

function perOutput<T>(spec: T | readonly T[] | Readonly<Record<string, T>>, outputNames: readonly string[], where: string, isSingle: (v: unknown) => v is T): (T | undefined)[] {
  if (isSingle(spec)) return outputNames.map(() => spec);
  if (Array.isArray(spec)) {
    if (spec.length !== outputNames.length) {
      throw new ShapeMismatchError(`${where} must list one entry per output ${describe(outputNames)}. Received: ${spec.length} entries`);
    }
    return [...spec];
  }
  if (spec && typeof spec === 'object') {
    const rec = spec as Readonly<Record<string, T>>;
    const unknown = Object.keys(rec).filter((k) => !outputNames.includes(k));
    if (unknown.length) {
      throw new InvalidArgumentError(`${where} names outputs that do not exist; the outputs are ${describe(outputNames)}. Received: ${describe(unknown)}`);
    }
    return outputNames.map((n) => rec[n]);
  }
  throw new InvalidArgumentError(`${where} must be a name, a function, a list or a record. Received: ${describe(spec)}`);
}

function weightFor(weights: LossWeightsSpec | undefined, name: string, k: number, outputNames: readonly string[], where: string): number {
  if (weights === undefined) return 1;
  const w = perOutput(weights as readonly number[] | Record<string, number>, outputNames, where, (v): v is number => typeof v === 'number')[k] ?? 1;
  if (typeof w !== 'number' || !Number.isFinite(w)) {
    throw new InvalidArgumentError(`${where} must be finite numbers. Received: ${name}=${describe(w)}`);
  }
  return w;
}

/** Reads the trainable variables behind `LayerVariable`s or `tf.Variable`s. */
export function toVariables(params: readonly (tf.LayerVariable | tf.Variable)[], player: string, fn: string): tf.Variable[] {
  return params.map((p, i) => {
    const maybe = p as { read?: () => tf.Variable; assign?: unknown };
    if (typeof maybe.read === 'function') return maybe.read();
    if (typeof maybe.assign === 'function') return p as tf.Variable;
    throw new InvalidArgumentError(`'${fn}': playerParams of player '${player}' must hold tf.Variables or layer weights (model.trainableWeights). Received: item ${i} = ${describe(p)}`);
  });
}

/** Arguments of the `AdversarialModel` constructor. Give exactly one of `baseModel` and `playerModels`. */
export interface AdversarialModelArgs {
  /** One model every player sees, e.g. `(z, x) -> [yFake, yReal]` from `buildGan`. */
  baseModel?: tf.LayersModel;
  /** One model per player, sharing inputs and weights (e.g. D with dropout only for the D player). */
  playerModels?: readonly tf.LayersModel[];
  /** Per player, the weights it alone updates, e.g. `generator.trainableWeights`. */
  playerParams: ReadonlyArray<ReadonlyArray<tf.LayerVariable | tf.Variable>>;
  /** Player names, used in metric names and targets. @default ['player_0', 'player_1', ...] */
  playerNames?: readonly string[];
}

const ADVERSARIAL_MODEL_ARGS_KEYS = optionKeys<AdversarialModelArgs>()({
  baseModel: true,
  playerModels: true,
  playerParams: true,
  playerNames: true,
});

/** Checks the constructor arguments of `AdversarialModel`; returns names, models and variables per player. */
export function checkModelArgs(args: AdversarialModelArgs): {
  names: string[];
  models: tf.LayersModel[];
  variables: tf.Variable[][];
} {
  const fn = 'AdversarialModel';
  const { baseModel, playerModels, playerParams, playerNames } = requireOptions(args, ADVERSARIAL_MODEL_ARGS_KEYS, fn, 'args');
  if ((baseModel === undefined) === (playerModels === undefined)) {
    throw new InvalidArgumentError(`'${fn}' needs exactly one of 'baseModel' and 'playerModels'. Received: ${baseModel ? 'both' : 'neither'}`);
  }
  if (!Array.isArray(playerParams) || playerParams.length === 0) {
    throw new InvalidArgumentError(`Argument 'playerParams' passed to '${fn}' must be a non-empty array of weight lists. Received: playerParams=${describe(playerParams)}`);
  }
  const n = playerParams.length;
  if (playerNames !== undefined && !Array.isArray(playerNames)) {
    throw new InvalidArgumentError(`Argument 'playerNames' passed to '${fn}' must be an array of strings. Received: playerNames=${describe(playerNames)}`);
  }
  const names = playerNames ?? playerParams.map((_, i) => `player_${i}`);
  if (names.length !== n) {
    throw new ShapeMismatchError(`'${fn}' got ${n} playerParams but ${names.length} playerNames; give one name per player. Received: playerNames=${describe(names)}`);
  }
  if (new Set(names).size !== n || names.some((s) => typeof s !== 'string' || s === '')) {
    throw new InvalidArgumentError(`Argument 'playerNames' passed to '${fn}' must be distinct non-empty strings. Received: playerNames=${describe(names)}`);
  }
  if (playerModels !== undefined && !Array.isArray(playerModels)) {
    throw new InvalidArgumentError(`Argument 'playerModels' passed to '${fn}' must be an array of tf.LayersModel. Received: playerModels=${describe(playerModels)}`);
  }
  const models: readonly tf.LayersModel[] = playerModels ?? names.map(() => baseModel as tf.LayersModel);
  models.forEach((m, i) => {
    if (!(m instanceof tf.LayersModel)) {
      const arg = playerModels ? `playerModels[${i}]` : 'baseModel';
      throw new InvalidArgumentError(`Argument '${arg}' passed to '${fn}' must be a tf.LayersModel. Received: ${arg}=${describe(m)}`);
    }
  });
  if (models.length !== n) {
    throw new ShapeMismatchError(`'${fn}' got ${n} playerParams but ${models.length} playerModels; give one model per player. Received: playerModels=${describe(models)}`);
  }
  const inputs = models[0]!.inputs.map((i) => i.shape.join(','));
  models.forEach((m, i) => {
    if (m.inputs.map((t) => t.shape.join(',')).join(';') !== inputs.join(';')) {
      throw new ShapeMismatchError(
        `Argument 'playerModels' passed to '${fn}': every player model must take the same inputs. Player '${names[0]}' takes [${inputs.join('; ')}], but player '${names[i]}' takes [${m.inputs.map((t) => t.shape.join(',')).join('; ')}]`,
      );
    }
  });
  const variables = playerParams.map((params, i) => {
    if (!Array.isArray(params) || params.length === 0) {
      throw new InvalidArgumentError(
        `Player '${names[i]}' passed to '${fn}' has no trainable parameters; each player must update at least one weight. Received: playerParams[${i}]=${describe(params)}`,
      );
    }
    return toVariables(params, names[i]!, fn);
  });
  return { names: [...names], models: [...models], variables };
}
