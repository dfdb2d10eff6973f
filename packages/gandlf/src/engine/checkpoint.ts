import * as tf from '@tensorflow/tfjs';
import { CheckpointError, CorruptCheckpointError, UnknownNameError } from '../errors';
import { newMeta, readMeta, type CheckpointMeta, type PlayerRecord } from '../checkpoint/format';
import type { LossFn } from '../losses/losses';
import { optionKeys } from '../options';
import { getMetric, type MetricFn } from '../losses/metrics';
import { getLoss, lossName } from '../losses/registry';
import type { AdversarialOptimizer } from './adversarial-optimizer';
import { adversarialOptimizerFromConfig } from './registry';
import type { History } from '../training/callbacks';
import type { AdversarialCompileArgs } from './compile';
import { penaltyFromConfig } from './penalty';
import type { Player } from './player';

/** Options for loading a checkpoint whose parts are not built in. */
export interface LoadOptions {
  /** Loss functions saved under their function name, for losses that are not built in. @default {} */
  customLosses?: Readonly<Record<string, LossFn>>;
  /** Metric functions by logged name, for metrics that are not built in. @default {} */
  customMetrics?: Readonly<Record<string, MetricFn>>;
  /** Replaces the saved adversarial optimizer (required for one of your own). @default rebuilt from the checkpoint */
  adversarialOptimizer?: AdversarialOptimizer;
}

/** The keys of `LoadOptions`, which `load` checks. */
export const LOAD_OPTIONS_KEYS = optionKeys<LoadOptions>()({ customLosses: true, customMetrics: true, adversarialOptimizer: true });

/** The training state a checkpoint records, besides the networks. */
export interface RunState {
  readonly players: readonly Player[];
  readonly adversarialOptimizer: AdversarialOptimizer;
  readonly step: number;
  readonly epoch: number;
  readonly random: number;
  readonly history: History;
}

/**
 * One model holding every player's outputs, so that networks the players
 * share are written (and read back) once.
 */
export function jointModel(models: readonly tf.LayersModel[]): { model: tf.LayersModel; slices: [number, number][]; shared: boolean } {
  const first = models[0]!;
  if (models.every((m) => m === first)) {
    return { model: first, slices: models.map(() => [0, first.outputs.length]), shared: true };
  }
  if (!models.every((m) => m.inputs.length === first.inputs.length && m.inputs.every((t, i) => t === first.inputs[i]))) {
    throw new CheckpointError('Cannot save player models built on different inputs as one checkpoint: build every player model from the same tf.input() tensors.');
  }
  const slices: [number, number][] = [];
  let k = 0;
  for (const m of models) {
    slices.push([k, k + m.outputs.length]);
    k += m.outputs.length;
  }
  return { model: tf.model({ inputs: first.inputs, outputs: models.flatMap((m) => m.outputs) }), slices, shared: false };
}

/** Encodes a run into tfjs model artifacts. */
export async function toArtifacts(
  models: readonly tf.LayersModel[],
  state: RunState,
  extra: Pick<CheckpointMeta, 'kind' | 'model' | 'metadata'>,
  /** More named tensors to store (e.g. `ema/0`), returned by `fromArtifacts` in `extraWeights`. */
  extraWeights: readonly { name: string; tensor: tf.Tensor }[] = [],
): Promise<tf.io.ModelArtifacts> {
  const joint = jointModel(models);
  const varIndex = new Map(joint.model.weights.map((w, i) => [(w.read() as tf.Variable).name, i]));
  const named: { name: string; tensor: tf.Tensor }[] = joint.model.weights.map((w, i) => ({ name: `model/${i}`, tensor: w.read() }));
  named.push(...extraWeights);
  const fresh: tf.Tensor[] = [];
  const players: PlayerRecord[] = [];
  for (const p of state.players) {
    const weights = await p.optimizer.getWeights();
    fresh.push(weights[0]!.tensor); // the iteration count is a new scalar; the slots are live
    weights.forEach((w, k) => named.push({ name: `optimizer/${p.index}/${k}`, tensor: w.tensor }));
    for (const [key, v] of hiddenState(p.optimizer)) named.push({ name: `optimizer/${p.index}/${key}`, tensor: v });
    players.push({
      name: p.name,
      params: p.variables.map((v) => {
        const i = varIndex.get(v.name);
        if (i === undefined) throw new CheckpointError(`Player '${p.name}' updates variable '${v.name}', which is not part of its model; it cannot be saved.`);
        return i;
      }),
      optimizer: { className: p.optimizer.getClassName(), config: p.optimizer.getConfig() },
      optimizerWeights: weights.length,
      outputs: p.outputs.map((o) => ({
        name: o.name,
        loss: lossName(o.loss) ?? o.loss.name,
        weight: o.weight,
        metrics: o.metrics.map((m) => m.name),
      })),
      penalties: p.penalties.map((pen) => ({ className: pen.className, config: pen.getConfig() })),
      outputSlice: joint.slices[p.index]!,
    });
  }
  try {
    const { data, specs } = await tf.io.encodeWeights(named);
    const meta = newMeta({
      ...extra,
      sharedBaseModel: joint.shared,
      players,
      adversarialOptimizer: { className: state.adversarialOptimizer.className, config: state.adversarialOptimizer.getConfig() },
      step: state.step,
      epoch: state.epoch,
      random: state.random,
      history: state.history,
    });
    return {
      modelTopology: joint.model.toJSON(undefined, false) as tf.io.ModelArtifacts['modelTopology'],
      weightSpecs: specs,
      weightData: data,
      format: 'layers-model',
      generatedBy: 'gandlf',
      userDefinedMetadata: { gandlf: meta as unknown as Record<string, never> },
    };
  } finally {
    tf.dispose(fresh);
  }
}

/** What `fromArtifacts` rebuilds: the joint model, its weights applied, and how to split it. */
export interface Restored {
  readonly meta: CheckpointMeta;
  readonly joint: tf.LayersModel;
  /** The player models (one shared model, or one slice of the joint model per player). */
  readonly playerModels: tf.LayersModel[];
  readonly playerParams: tf.LayerVariable[][];
  /** Compile arguments rebuilt from names. */
  readonly compileArgs: AdversarialCompileArgs;
  /** The tensors saved as `extraWeights`, by name; freed by `restoreOptimizers`, so copy them first. */
  readonly extraWeights: Readonly<Record<string, tf.Tensor>>;
  /** Puts the saved optimizer state into compiled players; frees the decoded tensors. */
  restoreOptimizers(players: readonly Player[]): Promise<void>;
}

/** Rebuilds networks, compile arguments and optimizer state from artifacts. */
export async function fromArtifacts(artifacts: tf.io.ModelArtifacts, where: string, options: LoadOptions = {}): Promise<Restored> {
  const meta = readMeta(artifacts, where);
  const tensors = tf.io.decodeWeights(artifacts.weightData!, artifacts.weightSpecs!);
  let built = false;
  try {
    const joint = await tf.models.modelFromJSON({ modelTopology: artifacts.modelTopology as tf.io.ModelArtifacts['modelTopology'] } as never);
    const values = joint.weights.map((_, i) => tensors[`model/${i}`]);
    if (values.some((v) => v === undefined)) {
      throw new CorruptCheckpointError(`Checkpoint ${where} has ${joint.weights.length} model weights in its topology but not all of them in its data.`);
    }
    joint.setWeights(values as tf.Tensor[]);
    const playerModels = meta.sharedBaseModel ? meta.players.map(() => joint) : meta.players.map((p) => tf.model({ inputs: joint.inputs, outputs: joint.outputs.slice(...p.outputSlice) }));
    const playerParams = meta.players.map((p) => p.params.map((i) => joint.weights[i]!));
    const compileArgs: AdversarialCompileArgs = {
      adversarialOptimizer: options.adversarialOptimizer ?? adversarialOptimizerFrom(meta, where),
      playerOptimizers: meta.players.map((p) => optimizerFrom(p, where)),
      loss: 'binaryCrossentropy',
      playerCompileArgs: meta.players.map((p) => ({
        loss: Object.fromEntries(p.outputs.map((o) => [o.name, lossFrom(o.loss, options, where)])),
        lossWeights: Object.fromEntries(p.outputs.map((o) => [o.name, o.weight])),
        metrics: Object.fromEntries(p.outputs.map((o) => [o.name, o.metrics.map((m) => options.customMetrics?.[m] ?? m)])),
        penalties: (p.penalties ?? []).map((pen) => penaltyFromConfig(pen.className, pen.config, `Checkpoint ${where}`)),
      })),
    };
    const owned = new Set(joint.weights.map((_, i) => `model/${i}`));
    const extraWeights = Object.fromEntries(Object.entries(tensors).filter(([k]) => !k.startsWith('model/') && !k.startsWith('optimizer/')));
    built = true;
    return {
      meta,
      joint,
      playerModels,
      playerParams,
      compileArgs,
      extraWeights,
      async restoreOptimizers(players) {
        try {
          for (const p of players) {
            const rec = meta.players[p.index]!;
            const weights = Array.from({ length: rec.optimizerWeights }, (_, k) => {
              const tensor = tensors[`optimizer/${p.index}/${k}`];
              if (!tensor) throw new CorruptCheckpointError(`Checkpoint ${where} lacks optimizer weight ${k} of player '${p.name}'.`);
              return { name: `optimizer/${p.index}/${k}`, tensor };
            });
            await p.optimizer.setWeights(weights);
            for (const [key, v] of hiddenState(p.optimizer)) {
              const saved = tensors[`optimizer/${p.index}/${key}`];
              if (saved) v.assign(saved);
            }
          }
        } finally {
          tf.dispose(
            Object.entries(tensors)
              .filter(([k]) => !owned.has(k))
              .map(([, t]) => t),
          );
        }
      },
    };
  } finally {
    // Model weights were copied into variables; optimizer tensors are freed by
    // restoreOptimizers, or here when rebuilding failed before it could run.
    tf.dispose(
      Object.entries(tensors)
        .filter(([k]) => !built || k.startsWith('model/'))
        .map(([, t]) => t),
    );
  }
}

function optimizerFrom(p: PlayerRecord, where: string): tf.Optimizer {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[p.optimizer.className];
  if (!entry) throw new CorruptCheckpointError(`Checkpoint ${where} names optimizer class '${p.optimizer.className}' for player '${p.name}', which tfjs does not know.`);
  const [cls, fromConfig] = entry;
  return fromConfig(cls, p.optimizer.config) as tf.Optimizer;
}

function lossFrom(name: string, options: LoadOptions, where: string): LossFn {
  const custom = options.customLosses?.[name];
  if (custom) return custom;
  try {
    return getLoss(name, `checkpoint ${where}`);
  } catch {
    throw new UnknownNameError(
      `Checkpoint ${where} uses the loss '${name}', which is not built in; pass it in 'customLosses'. Received: customLosses keys ${JSON.stringify(Object.keys(options.customLosses ?? {}))}`,
    );
  }
}

function adversarialOptimizerFrom(meta: CheckpointMeta, where: string): AdversarialOptimizer {
  const { className, config } = meta.adversarialOptimizer;
  const opt = adversarialOptimizerFromConfig(className, config);
  if (!opt) {
    throw new UnknownNameError(
      `Checkpoint ${where} was trained with the adversarial optimizer '${className}', which this program has not loaded. ` +
        `Pass one as 'adversarialOptimizer' to load it, e.g. new ${className}(${JSON.stringify(config)}). Received: config ${JSON.stringify(config)}`,
    );
  }
  return opt;
}

/** Validates metric names early, so a load fails before any model is built. */
export function checkMetricNames(meta: CheckpointMeta, options: LoadOptions, where: string): void {
  for (const p of meta.players)
    for (const o of p.outputs)
      for (const m of o.metrics) {
        if (!options.customMetrics?.[m]) getMetric(m, `checkpoint ${where}`);
      }
}

/**
 * Optimizer variables that `getWeights` leaves out. Adam keeps beta1^t and
 * beta2^t as running products; `setWeights` recomputes them with pow(), which
 * differs in the last bit, so a resumed run would drift from an unbroken one.
 */
function hiddenState(opt: tf.Optimizer): [string, tf.Variable][] {
  const o = opt as unknown as Record<string, unknown>;
  return (['accBeta1', 'accBeta2'] as const).filter((k) => o[k] instanceof tf.Variable).map((k) => [k, o[k] as tf.Variable]);
}
