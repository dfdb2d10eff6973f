import * as tf from '@tensorflow/tfjs';
import type { Random } from '../random';
import { CallbackList, toLogs, type Callback, type History, type Logs } from './callbacks';

/**
 * When `fit` hands control back to the page: after every batch, every epoch,
 * never, on a time budget in milliseconds, or `'auto'` (a 25 ms budget).
 */
export type YieldEvery = 'auto' | 'batch' | 'epoch' | 'never' | number;

/** What the generic loop needs from a model. It only loops, logs and calls back. */
export interface FitLoopArgs {
  readonly numSamples: number;
  readonly batchSize: number;
  readonly epochs: number;
  readonly initialEpoch: number;
  readonly shuffle: boolean;
  readonly callbacks: readonly Callback[];
  readonly yieldEvery: YieldEvery;
  /** Names of the values `trainBatch` returns, in order. */
  readonly metricNames: readonly string[];
  readonly random: Random;
  /** Trains on the given rows; returns the metric values (the loop frees them). */
  trainBatch(rows: Int32Array): Promise<tf.Tensor1D>;
  /** Validation metrics for the epoch's logs, already prefixed `val_`. */
  validate?(): Promise<Logs>;
  /** Checked after every batch; true ends training after the current batch. */
  shouldStop(): boolean;
  /** Called with each finished epoch's logs, before the callbacks see them. */
  onEpochDone?(epoch: number, logs: Logs): void;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The Keras fit loop: epochs of shuffled batches, callbacks and a history. */
export async function fitLoop(args: FitLoopArgs): Promise<History> {
  const { numSamples, metricNames, random } = args;
  const callbacks = new CallbackList(args.callbacks);
  const history: History = { epoch: [], history: {} };
  const clock = { lastYield: now() };

  await callbacks.trainBegin();
  let stopped = false;
  for (let epoch = args.initialEpoch; epoch < args.epochs && !stopped; epoch++) {
    await callbacks.epochBegin(epoch);
    const order = args.shuffle ? random.permutation(numSamples) : Int32Array.from({ length: numSamples }, (_, i) => i);
    const result = await trainEpoch(args, order, callbacks, clock);
    stopped = result.stopped;
    if (result.sums === null) break;
    const means = await result.sums.data();
    result.sums.dispose();
    const logs = toLogs(metricNames, means.map((v) => v / result.seen));
    if (args.validate) Object.assign(logs, await args.validate());
    history.epoch.push(epoch);
    for (const [k, v] of Object.entries(logs)) (history.history[k] ??= []).push(v);
    args.onEpochDone?.(epoch, logs);
    await callbacks.epochEnd(epoch, logs);
    if (args.yieldEvery === 'epoch') await yieldToEventLoop();
    stopped ||= args.shouldStop();
  }
  await callbacks.trainEnd();
  return history;
}

/** One pass over `order`; the per-epoch sums stay on the device until the end. */
async function trainEpoch(
  args: FitLoopArgs,
  order: Int32Array,
  callbacks: CallbackList,
  clock: { lastYield: number },
): Promise<{ sums: tf.Tensor1D | null; seen: number; stopped: boolean }> {
  const { numSamples, batchSize, metricNames } = args;
  const perBatch = callbacks.wantsBatchLogs;
  const budget = args.yieldEvery === 'auto' ? 25 : typeof args.yieldEvery === 'number' ? args.yieldEvery : null;
  let sums: tf.Tensor1D | null = null;
  let seen = 0;
  try {
    for (let start = 0, batch = 0; start < numSamples; start += batchSize, batch++) {
      const rows = order.subarray(start, Math.min(start + batchSize, numSamples));
      await callbacks.batchBegin(batch, { batch, size: rows.length });
      const values = await args.trainBatch(rows);
      const prev: tf.Tensor1D | null = sums;
      sums = tf.tidy(() => {
        const weighted = tf.mul(values, rows.length) as tf.Tensor1D;
        return prev ? (tf.add(prev, weighted) as tf.Tensor1D) : weighted;
      });
      prev?.dispose();
      seen += rows.length;
      const logs = perBatch ? toLogs(metricNames, await values.data()) : null;
      values.dispose();
      if (logs) await callbacks.batchEnd(batch, { batch, size: rows.length, ...logs });
      if (args.shouldStop()) return { sums, seen, stopped: true };
      if (args.yieldEvery === 'batch' || (budget !== null && now() - clock.lastYield >= budget)) {
        await yieldToEventLoop();
        clock.lastYield = now();
      }
    }
    return { sums, seen, stopped: false };
  } catch (e) {
    (sums as tf.Tensor1D | null)?.dispose();
    throw e;
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
