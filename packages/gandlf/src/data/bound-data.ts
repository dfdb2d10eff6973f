import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError } from '../errors';
import type { Random } from '../random';
import { assertFinite, bindSources, disposeOwned, listInputs, listTargets, type InputsSpec, type Slot, type SlotSource, type TargetsSpec } from './data';
import type { Batch } from './batch';

/** The slots of a game: its model inputs, and per player the names and shapes of its outputs. */
export interface GameSlots {
  readonly inputNames: readonly string[];
  readonly inputShapes: readonly (readonly (number | null)[])[];
  readonly playerNames: readonly string[];
  readonly outputNames: readonly (readonly string[])[];
  readonly outputShapes: readonly (readonly (readonly (number | null)[])[])[];
}

/** Inputs and targets checked against a game, ready to give batches. */
export class BoundData {
  constructor(
    private readonly slots: GameSlots,
    private readonly sources: readonly SlotSource[],
    readonly numSamples: number,
    readonly dispose: () => void,
  ) {}

  /** The batch of the given rows: tensor slices and fresh draws, split into inputs and per-player targets. */
  draw(rows: Int32Array, random: Random): Batch {
    const nIn = this.slots.inputNames.length;
    // trainOnBatch takes every row in order: the tensors are the batch as they are,
    // shared by a clone (no copy) instead of gathered row by row (a copy on every step).
    const whole = rows.length === this.numSamples && rows.every((r, i) => r === i);
    return tf.tidy(() => {
      const idx = tf.tensor1d(rows, 'int32');
      const all = this.sources.map((s) => s.batch(idx, rows.length, random, whole));
      const targets: tf.Tensor[][] = [];
      let k = nIn;
      for (const names of this.slots.outputNames) {
        targets.push(all.slice(k, k + names.length));
        k += names.length;
      }
      return { inputs: all.slice(0, nIn), targets } as never;
    }) as Batch;
  }
}

// Real data is checked for NaN once per tensor, not on every trainOnBatch call.
const checkedFinite = new WeakSet<tf.Tensor>();

/** Checks inputs and targets against the game before anything is updated. */
export async function bindData(
  slots: GameSlots,
  x: InputsSpec,
  y: TargetsSpec,
  fn: string,
  { numSamples, checkFinite = true }: { numSamples?: number; checkFinite?: boolean } = {},
): Promise<BoundData> {
  const inSlots: Slot[] = slots.inputNames.map((n, i) => ({ label: `Input '${n}'`, shape: slots.inputShapes[i]! }));
  const outSlots: Slot[] = slots.playerNames.flatMap((p, i) => slots.outputNames[i]!.map((o, k) => ({ label: `Target '${p}_${o}'`, shape: slots.outputShapes[i]![k]! })));
  const targetNames = slots.playerNames.flatMap((p, i) => slots.outputNames[i]!.map((o) => `${p}_${o}`));
  const given = [...listInputs(x, slots.inputNames, fn), ...listTargets(y, targetNames, fn)];
  const bound = bindSources(given, [...inSlots, ...outSlots], fn, numSamples);
  const dispose = () => disposeOwned(bound.sources, given);
  if (bound.numSamples === undefined) {
    throw new InvalidArgumentError(`'${fn}' cannot tell how many samples to train on: every input and target is drawn, none is a tensor. Pass 'numSamples'. Received: numSamples=undefined`);
  }
  if (checkFinite) {
    const unchecked = bound.sources.filter((_, i) => {
      const t = given[i];
      return !(t instanceof tf.Tensor && !(t instanceof tf.Variable) && checkedFinite.has(t));
    });
    try {
      await assertFinite(unchecked, fn);
    } catch (e) {
      dispose();
      throw e;
    }
    for (const t of given) if (t instanceof tf.Tensor && !(t instanceof tf.Variable)) checkedFinite.add(t);
  }
  return new BoundData(slots, bound.sources, bound.numSamples, dispose);
}

/** `loss` (the sum of the players' totals) followed by every player's values; frees the inputs. */
export function stackLogs(perPlayer: readonly tf.Tensor1D[]): tf.Tensor1D {
  const out = tf.tidy(() => {
    const total = tf.addN(perPlayer.map((v) => v.slice(0, 1)));
    return tf.concat([total, ...perPlayer]) as tf.Tensor1D;
  });
  tf.dispose(perPlayer as tf.Tensor1D[]);
  return out;
}
