/** Numbers logged by training, keyed by metric name (`loss`, `generator_loss`, ...). */
export type Logs = Record<string, number>;

/**
 * Training callbacks, in the shape of tfjs's `CustomCallbackArgs`. Every hook
 * is optional and may be async; `fit` awaits it.
 *
 * `onBatchEnd` makes `fit` read the losses back after every batch; leave it
 * out when nothing needs per-batch numbers, and losses are read once an epoch.
 */
export interface Callback {
  onTrainBegin?(logs?: Logs): void | Promise<void>;
  onTrainEnd?(logs?: Logs): void | Promise<void>;
  onEpochBegin?(epoch: number, logs?: Logs): void | Promise<void>;
  onEpochEnd?(epoch: number, logs?: Logs): void | Promise<void>;
  onBatchBegin?(batch: number, logs?: Logs): void | Promise<void>;
  onBatchEnd?(batch: number, logs?: Logs): void | Promise<void>;
}

/** What `fit` returns: per-epoch averages of every metric. */
export interface History {
  /** The epoch indices that ran (they start at `initialEpoch`). */
  epoch: number[];
  /** Per metric name, one value per epoch. */
  history: Record<string, number[]>;
}

/** Runs a list of callbacks in order. */
export class CallbackList {
  constructor(private readonly callbacks: readonly Callback[]) {}

  get wantsBatchLogs(): boolean {
    return this.callbacks.some((c) => typeof c.onBatchEnd === 'function');
  }

  async trainBegin(logs?: Logs): Promise<void> {
    for (const c of this.callbacks) await c.onTrainBegin?.(logs);
  }
  async trainEnd(logs?: Logs): Promise<void> {
    for (const c of this.callbacks) await c.onTrainEnd?.(logs);
  }
  async epochBegin(epoch: number, logs?: Logs): Promise<void> {
    for (const c of this.callbacks) await c.onEpochBegin?.(epoch, logs);
  }
  async epochEnd(epoch: number, logs?: Logs): Promise<void> {
    for (const c of this.callbacks) await c.onEpochEnd?.(epoch, logs);
  }
  async batchBegin(batch: number, logs?: Logs): Promise<void> {
    for (const c of this.callbacks) await c.onBatchBegin?.(batch, logs);
  }
  async batchEnd(batch: number, logs?: Logs): Promise<void> {
    for (const c of this.callbacks) await c.onBatchEnd?.(batch, logs);
  }
}

/** Pairs metric names with values read back from the device. */
export function toLogs(names: readonly string[], values: ArrayLike<number>): Logs {
  const logs: Logs = {};
  names.forEach((n, i) => (logs[n] = values[i] as number));
  return logs;
}
