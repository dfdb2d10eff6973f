import * as tf from '@tensorflow/tfjs';
import { describe, GandlfError, InvalidArgumentError } from '../errors';
import type { AdversarialOptimizer } from './adversarial-optimizer';
import { Random } from '../random';
import { CallbackList, toLogs, type History, type Logs } from '../training/callbacks';
import { defaultVerbose, progressBar } from '../training/progress-bar';
import { bindData, stackLogs, type BoundData, type GameSlots } from '../data/bound-data';
import { assertCount, type InputsSpec, type TargetsSpec } from '../data/data';
import type { FitArgs, YieldEvery } from './fit-args';
import { GuardedRun, type RollbackEvent } from './guarded-run';
import type { Batch, Player } from './player';

/** The state of a run, which `fit` reads and advances: an `AdversarialModel`'s. */
export interface Run {
  readonly playerModels: readonly tf.LayersModel[];
  readonly metricsNames: string[];
  readonly rollbacks: RollbackEvent[];
  step: number;
  /** Each player's updates in the most recent training step, by name (see `AdversarialModel.lastUpdates`). */
  lastUpdates: Readonly<Record<string, number>>;
  epoch: number;
  history: History;
  random: Random;
  stopTraining: boolean;
}

/** What a compiled model trains with: its players, its adversarial optimizer, and its input and target slots. */
export interface Game {
  readonly players: readonly Player[];
  readonly optimizer: AdversarialOptimizer;
  /**
   * A bound adversarial optimizer that updates player `i` alone, as one step
   * of `new Scheduled([i])` does, for `trainOnBatch({ only })`: a step-by-step
   * loop picks who moves without recompiling.
   */
  solo(i: number): AdversarialOptimizer;
  readonly slots: GameSlots;
  /** Marks the model busy for the call, or throws if it already is; returns the release. */
  enter(fn: string): () => void;
}

/**
 * Keras's `fit`: epochs of shuffled batches, each one step of the
 * adversarial optimizer, with callbacks, validation, the divergence guard and
 * a history. `AdversarialModel.fit` and `Model.fit` both run it.
 */
export async function fit(run: Run, game: Game, x: InputsSpec, y: TargetsSpec, args: FitArgs, fn = 'fit'): Promise<History> {
  const { epochs = 1, batchSize = 32, shuffle = true, initialEpoch = 0, yieldEvery = 'auto', verbose = defaultVerbose() } = args;
  assertCount(epochs, 'epochs', fn, 1);
  assertCount(batchSize, 'batchSize', fn, 1);
  assertCount(initialEpoch, 'initialEpoch', fn, 0);
  if (args.seed !== undefined) run.random = new Random(args.seed);
  const data = await bindData(game.slots, x, y, fn, { numSamples: args.numSamples });
  const validation = args.validationData ? await bindData(game.slots, args.validationData[0], args.validationData[1], fn) : null;
  const release = game.enter(fn);
  const guard = args.divergence === false ? null : new GuardedRun(run, game.players, args.divergence ?? {});
  // The bar goes last, as Keras appends its ProgbarLogger.
  const steps = Math.ceil(data.numSamples / batchSize);
  const callbacks = new CallbackList(verbose ? [...(args.callbacks ?? []), progressBar({ epochs, steps })] : (args.callbacks ?? []));
  const history: History = { epoch: [], history: {} };
  const clock = { lastYield: now() };
  try {
    await guard?.start();
    await callbacks.trainBegin();
    let stopped = false;
    for (let epoch = initialEpoch; epoch < epochs && !stopped; epoch++) {
      await callbacks.epochBegin(epoch);
      const order = shuffle ? run.random.permutation(data.numSamples) : Int32Array.from({ length: data.numSamples }, (_, i) => i);
      const epochRun = { run, game, data, guard, callbacks, batchSize, yieldEvery, clock };
      const result = await trainEpoch(epochRun, order);
      stopped = result.stopped;
      if (result.sums === null) break;
      const means = await result.sums.data();
      result.sums.dispose();
      const logs = toLogs(
        run.metricsNames,
        means.map((v) => v / result.seen),
      );
      if (validation) Object.assign(logs, prefix('val_', await evaluateData(run, game, validation, batchSize)));
      history.epoch.push(epoch);
      for (const [k, v] of Object.entries(logs)) (history.history[k] ??= []).push(v);
      recordEpoch(run, epoch, logs);
      await callbacks.epochEnd(epoch, logs);
      if (yieldEvery === 'epoch') await yieldToEventLoop();
      stopped ||= run.stopTraining;
    }
    await callbacks.trainEnd();
    return history;
  } finally {
    run.stopTraining = false;
    release();
    guard?.dispose();
    data.dispose();
    validation?.dispose();
  }
}

interface EpochRun {
  readonly run: Run;
  readonly game: Game;
  readonly data: BoundData;
  readonly guard: GuardedRun | null;
  readonly callbacks: CallbackList;
  readonly batchSize: number;
  readonly yieldEvery: YieldEvery;
  readonly clock: { lastYield: number };
}

/** One pass over `order`; the per-epoch sums stay on the device until the end. */
async function trainEpoch(e: EpochRun, order: Int32Array): Promise<{ sums: tf.Tensor1D | null; seen: number; stopped: boolean }> {
  const { run, callbacks, batchSize, yieldEvery } = e;
  const numSamples = order.length;
  const perBatch = callbacks.wantsBatchLogs;
  const budget = yieldEvery === 'auto' ? 25 : typeof yieldEvery === 'number' ? yieldEvery : null;
  let sums: tf.Tensor1D | null = null;
  let seen = 0;
  try {
    for (let start = 0, batch = 0; start < numSamples; start += batchSize, batch++) {
      const rows = order.subarray(start, Math.min(start + batchSize, numSamples));
      await callbacks.batchBegin(batch, { batch, size: rows.length });
      const values = await trainRows(run, e.game, e.data, rows);
      try {
        if (e.guard) await e.guard.afterStep(values);
      } catch (err) {
        values.dispose();
        throw err;
      }
      const prev: tf.Tensor1D | null = sums;
      sums = tf.tidy(() => {
        const weighted = tf.mul(values, rows.length) as tf.Tensor1D;
        return prev ? (tf.add(prev, weighted) as tf.Tensor1D) : weighted;
      });
      prev?.dispose();
      seen += rows.length;
      const logs = perBatch ? toLogs(run.metricsNames, await values.data()) : null;
      values.dispose();
      if (logs) await callbacks.batchEnd(batch, { batch, size: rows.length, ...logs });
      if (run.stopTraining) return { sums, seen, stopped: true };
      if (yieldEvery === 'batch' || (budget !== null && now() - e.clock.lastYield >= budget)) {
        await yieldToEventLoop();
        e.clock.lastYield = now();
      }
    }
    return { sums, seen, stopped: false };
  } catch (err) {
    (sums as tf.Tensor1D | null)?.dispose();
    throw err;
  }
}

/**
 * One training step on the given rows: draw the batch, let the adversarial
 * optimizer step (or, with `only`, the game's solo optimizer of that player),
 * stack the logs. Records on the run how many updates each player took.
 */
export async function trainRows(run: Run, game: Game, data: BoundData, rows: Int32Array, only?: number): Promise<tf.Tensor1D> {
  const optimizer = only === undefined ? game.optimizer : game.solo(only);
  const batch = data.draw(rows, run.random);
  const before = game.players.map((p) => p.updates);
  try {
    const perPlayer = await optimizer.step({ players: game.players, batch, step: run.step });
    run.step++;
    return stackLogs(perPlayer);
  } finally {
    // Also after a failed step: a player that moved before the failure did move.
    run.lastUpdates = Object.freeze(Object.fromEntries(game.players.map((p, i) => [p.name, p.updates - before[i]!])));
    tf.dispose([...batch.inputs, ...batch.targets.flat()]);
  }
}

/** Options of `AdversarialModel.trainOnBatch`: one step on one batch. */
export interface TrainOnBatchOptions {
  /** Check each data tensor for NaN the first time it is seen; `false` skips even that. @default true */
  checkFinite?: boolean;
  /**
   * The one player (a name of `playerNames`) this batch updates, as a step of
   * `new Scheduled([only])` would: the others are scored for the logs, in
   * training mode, but not updated. For a loop that chooses who moves.
   * @default undefined: the compiled adversarial optimizer decides
   */
  only?: string;
}

/**
 * One step on all of `x` and `y`, for users who write their own loop;
 * `AdversarialModel.trainOnBatch` and `Model.trainOnBatch` both run it.
 * Returns the step's logs.
 */
export async function trainBatch(run: Run, game: Game, x: InputsSpec, y: TargetsSpec, { checkFinite, only }: TrainOnBatchOptions, fn = 'trainOnBatch'): Promise<Logs> {
  const solo = soloIndex(only, game.slots.playerNames, fn);
  const data = await bindData(game.slots, x, y, fn, { checkFinite });
  const release = game.enter(fn);
  try {
    const values = await trainRows(
      run,
      game,
      data,
      Int32Array.from({ length: data.numSamples }, (_, i) => i),
      solo,
    );
    const logs = toLogs(run.metricsNames, await values.data());
    values.dispose();
    return logs;
  } finally {
    release();
    data.dispose();
  }
}

/** The index of the player `only` names; undefined when it is not given. */
function soloIndex(only: unknown, playerNames: readonly string[], fn: string): number | undefined {
  if (only === undefined) return undefined;
  const i = typeof only === 'string' ? playerNames.indexOf(only) : -1;
  if (i < 0) {
    throw new InvalidArgumentError(`Argument 'only' passed to '${fn}' must name one of the players (${playerNames.map((n) => `'${n}'`).join(', ')}). Received: only=${describe(only)}`);
  }
  return i;
}

/** Every player's losses and metrics over the data in inference mode, averaged, with no update. */
export async function evaluateData(run: Run, game: Game, data: BoundData, batchSize: number): Promise<Logs> {
  const score = (batch: Batch) => game.optimizer.evaluate?.({ players: game.players, batch }) ?? game.players.map((p) => p.evaluate(batch).values);
  let sums: tf.Tensor1D | null = null;
  for (let start = 0; start < data.numSamples; start += batchSize) {
    const rows = Int32Array.from({ length: Math.min(batchSize, data.numSamples - start) }, (_, i) => start + i);
    const batch = data.draw(rows, run.random);
    const prev: tf.Tensor1D | null = sums;
    sums = tf.tidy(() => {
      const v = tf.mul(stackLogs(score(batch)), rows.length) as tf.Tensor1D;
      return prev ? (tf.add(prev, v) as tf.Tensor1D) : v;
    });
    prev?.dispose();
    tf.dispose([...batch.inputs, ...batch.targets.flat()]);
  }
  const total: tf.Tensor1D = sums!;
  const values = await total.data();
  total.dispose();
  return toLogs(
    run.metricsNames,
    values.map((v) => v / data.numSamples),
  );
}

/** A `busy` guard for one model: `enter` throws while a call is running. */
export function busyGuard(): (fn: string) => () => void {
  let busy = false;
  return (fn) => {
    if (busy) throw new GandlfError(`'${fn}' was called while this model is already training; await the running fit() first.`);
    busy = true;
    return () => {
      busy = false;
    };
  };
}

function recordEpoch(run: Run, epoch: number, logs: Logs): void {
  run.epoch = epoch + 1;
  run.history.epoch.push(epoch);
  for (const [k, v] of Object.entries(logs)) (run.history.history[k] ??= []).push(v);
}

function prefix(p: string, logs: Logs): Logs {
  return Object.fromEntries(Object.entries(logs).map(([k, v]) => [p + k, v]));
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
