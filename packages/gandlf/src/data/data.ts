import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError, NonFiniteDataError, ShapeMismatchError } from '../errors';
import type { Random } from '../random';

/**
 * Where one model input or target comes from: a tensor whose first axis runs
 * over samples (sliced per batch), a constant, or a function that draws a new
 * batch each step (given the batch size and the model's random stream).
 */
export type DataSource = tf.Tensor | number | ((batchSize: number, random: Random) => tf.Tensor);

/** Model inputs: one source, one per input in order, or one per input name. */
export type InputsSpec = DataSource | readonly DataSource[] | Readonly<Record<string, DataSource>>;
/** Targets: one per player and output, player-major, or keyed `${player}_${output}`. */
export type TargetsSpec = readonly DataSource[] | Readonly<Record<string, DataSource>>;

/** One expected slot: its name for messages and its shape (first axis = batch). */
export interface Slot {
  readonly label: string;
  readonly shape: readonly (number | null)[];
}

/** A source checked against its slot, ready to give batches. */
export class SlotSource {
  constructor(
    readonly slot: Slot,
    private readonly source: Exclude<DataSource, number> | { constant: number },
    private readonly fn: string,
  ) {}

  get tensor(): tf.Tensor | null {
    return this.source instanceof tf.Tensor ? this.source : null;
  }

  /** Rows `rows` of a tensor (all of it, shared, when `whole`), or a freshly drawn batch. Call inside tf.tidy. */
  batch(rows: tf.Tensor1D, size: number, random: Random, whole = false): tf.Tensor {
    const src = this.source;
    if (src instanceof tf.Tensor) return whole ? tf.clone(src) : tf.gather(src, rows);
    if (typeof src === 'function') {
      const t = src(size, random);
      checkShape(t, this.slot, this.fn, size);
      return t;
    }
    return tf.fill([size, ...(this.slot.shape.slice(1) as number[])], src.constant);
  }
}

/**
 * Checks each source against its slot and returns ready sources plus the
 * sample count (from the tensors, or `numSamples` when there are none).
 */
export function bindSources(sources: readonly DataSource[], slots: readonly Slot[], fn: string, numSamples?: number): { sources: SlotSource[]; numSamples: number | undefined } {
  let n = numSamples;
  let nFrom = numSamples === undefined ? '' : 'numSamples';
  const bound = sources.map((src, i) => {
    const slot = slots[i] as Slot;
    if (src instanceof tf.Tensor) {
      let t = src;
      // A rank-1 target for a [batch, 1] output is the common case; accept it.
      if (t.rank === 1 && slot.shape.length === 2 && slot.shape[1] === 1) t = t.reshape([t.shape[0] as number, 1]);
      checkShape(t, slot, fn);
      // Layers compute in float32; cast integer and boolean data as Keras does.
      if (t.dtype !== 'float32') {
        const cast = t.toFloat();
        if (t !== src) t.dispose();
        t = cast;
      }
      const rows = t.shape[0] as number;
      if (n === undefined) {
        n = rows;
        nFrom = slot.label;
      } else if (rows !== n) {
        throw new ShapeMismatchError(`All data passed to '${fn}' must have the same number of samples. ${nFrom} has ${n}, but ${slot.label} has ${rows}. Received: ${slot.label} ${describe(src)}`);
      }
      return new SlotSource(slot, t, fn);
    }
    if (typeof src === 'number') {
      if (!Number.isFinite(src)) {
        throw new InvalidArgumentError(`${slot.label} passed to '${fn}' must be a finite number. Received: ${src}`);
      }
      if (slot.shape.slice(1).some((d) => d === null)) {
        throw new InvalidArgumentError(
          `${slot.label} passed to '${fn}' is a constant, but its shape [${slot.shape.join(',')}] has unknown dimensions; pass a tensor or a function instead. Received: ${src}`,
        );
      }
      return new SlotSource(slot, { constant: src }, fn);
    }
    if (typeof src === 'function') return new SlotSource(slot, src, fn);
    throw new InvalidArgumentError(`${slot.label} passed to '${fn}' must be a tensor, a number or a function (batchSize) => Tensor. Received: ${describe(src)}`);
  });
  return { sources: bound, numSamples: n };
}

/** Frees tensors that `bindSources` created by reshaping user tensors. */
export function disposeOwned(bound: readonly SlotSource[], given: readonly DataSource[]): void {
  bound.forEach((b, i) => {
    if (b.tensor && b.tensor !== given[i]) b.tensor.dispose();
  });
}

/** Throws a ShapeMismatchError unless `t` fits `slot` (and has `batchSize` rows when given). */
export function checkShape(t: tf.Tensor, slot: Slot, fn: string, batchSize?: number): void {
  const want = slot.shape;
  const ok = t.rank === want.length && want.every((d, k) => (k === 0 ? batchSize === undefined || t.shape[0] === batchSize : d === null || d === t.shape[k]));
  if (!ok) {
    const expected = `[${batchSize ?? 'batch'},${want
      .slice(1)
      .map((d) => d ?? '?')
      .join(',')}]`;
    throw new ShapeMismatchError(`${slot.label} passed to '${fn}' has the wrong shape: expected ${expected}. Received: shape [${t.shape.join(',')}]`);
  }
  if (t.dtype === 'string') {
    throw new InvalidArgumentError(`${slot.label} passed to '${fn}' must be numeric. Received: dtype string`);
  }
}

/** Rejects tensors holding NaN or Infinity, naming the slot and the first bad row. */
export async function assertFinite(bound: readonly SlotSource[], fn: string): Promise<void> {
  for (const b of bound) {
    const t = b.tensor;
    if (!t || t.dtype === 'int32' || t.dtype === 'bool') continue;
    const bad = tf.tidy(() => {
      const finite = tf.isFinite(t.rank > 1 ? t.reshape([t.shape[0] as number, -1]) : t.reshape([-1, 1]));
      return tf.logicalNot(tf.all(finite, 1));
    });
    const flags = await bad.data();
    bad.dispose();
    const row = flags.findIndex((f) => f !== 0);
    if (row >= 0) {
      throw new NonFiniteDataError(`${b.slot.label} passed to '${fn}' contains NaN or Infinity; training on it would corrupt the model. Received: a non-finite value in row ${row}`);
    }
  }
}

/** Lists inputs in model order, from a single source, a list or a record. */
export function listInputs(x: InputsSpec, names: readonly string[], fn: string): DataSource[] {
  if (Array.isArray(x)) return checkCount(x as DataSource[], names, 'x', 'inputs', fn);
  if (isRecord(x)) return fromRecord(x, names, 'x', 'inputs', fn);
  return checkCount([x as DataSource], names, 'x', 'inputs', fn);
}

/** Lists targets in `${player}_${output}` order, from a list or a record. */
export function listTargets(y: TargetsSpec, names: readonly string[], fn: string): DataSource[] {
  if (Array.isArray(y)) return checkCount(y as DataSource[], names, 'y', 'targets', fn);
  if (isRecord(y)) return fromRecord(y, names, 'y', 'targets', fn);
  throw new InvalidArgumentError(`Argument 'y' passed to '${fn}' must be a list of targets (${names.join(', ')}) or a record keyed by those names. Received: y=${describe(y)}`);
}

function isRecord(v: unknown): v is Readonly<Record<string, DataSource>> {
  return typeof v === 'object' && v !== null && !(v instanceof tf.Tensor) && !Array.isArray(v);
}

function checkCount(list: DataSource[], names: readonly string[], arg: string, what: string, fn: string): DataSource[] {
  if (list.length !== names.length) {
    throw new ShapeMismatchError(`Argument '${arg}' passed to '${fn}' must hold ${names.length} ${what} (${names.join(', ')}). Received: ${list.length}`);
  }
  return list;
}

function fromRecord(rec: Readonly<Record<string, DataSource>>, names: readonly string[], arg: string, what: string, fn: string): DataSource[] {
  const unknown = Object.keys(rec).filter((k) => !names.includes(k));
  const missing = names.filter((k) => !(k in rec));
  if (unknown.length || missing.length) {
    throw new ShapeMismatchError(`Argument '${arg}' passed to '${fn}' must have exactly the ${what} ${describe(names)}. Received: unknown ${describe(unknown)}, missing ${describe(missing)}`);
  }
  return names.map((k) => rec[k] as DataSource);
}

/** Throws unless `v` is an integer >= `min`. */
export function assertCount(v: unknown, arg: string, fn: string, min: number): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    throw new InvalidArgumentError(`Argument '${arg}' passed to '${fn}' must be an integer >= ${min}. Received: ${arg}=${describe(v)}`);
  }
}
