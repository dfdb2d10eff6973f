import * as tf from '@tensorflow/tfjs';
import type { DataSource } from '../data/data';
import { describe, InvalidArgumentError } from '../errors';
import type { Random } from '../random';

/**
 * The named shortcuts: gandlf's Python names `'normal'`, `'uniform'`,
 * `'zeros'` (or `'0'`), `'ones'` (or `'1'`), `'onehot'` (or `'ohe'`), and
 * the camelCase `'oneHot'`.
 */
export type ShortcutName = 'normal' | 'uniform' | 'zeros' | 'ones' | 'onehot' | 'oneHot' | '0' | '1' | 'ohe';

/**
 * An input or target given by shortcut (gandlf's input shortcuts), drawn
 * afresh for every batch: `'normal'` (N(0, 1)), `'uniform'` (U[0, 1)),
 * `'zeros'` or `'0'`, `'ones'` or `'1'`, `'onehot'` or `'ohe'` (random
 * one-hot rows over the last axis), a constant number, a function
 * `(batchSize) => Tensor`, or a tensor whose first axis runs over samples.
 *
 * Names are case-insensitive, as gandlf's Python lower-cases them. The type
 * spells out each name lower-case, upper-case and capitalised (`'ones'`,
 * `'ONES'`, `'Ones'`); other casings such as `'oNeS'` are accepted at run
 * time but need a cast.
 */
export type Shortcut = ShortcutName | Uppercase<ShortcutName> | Capitalize<ShortcutName> | number | tf.Tensor | ((batchSize: number) => tf.Tensor);

/** Inputs of `Model.fit`: generator inputs, then real data, then conditional inputs. */
export type ModelInputs = Shortcut | readonly Shortcut[];

/** Each name, lower-cased, and the shortcut it means (a Map: the error lists them in this order). */
const NAMED: ReadonlyMap<string, 'normal' | 'uniform' | 'zeros' | 'ones' | 'onehot'> = new Map([
  ['normal', 'normal'],
  ['uniform', 'uniform'],
  ['zeros', 'zeros'],
  ['0', 'zeros'],
  ['ones', 'ones'],
  ['1', 'ones'],
  ['onehot', 'onehot'],
  ['ohe', 'onehot'],
] as const);

const NAMES = [...NAMED.keys()].map((n) => `'${n}'`).join(', ');

/** Turns a shortcut into a data source for a slot of `shape` (first axis = batch). */
export function shortcutSource(s: Shortcut, shape: readonly (number | null)[], label: string, fn: string): DataSource {
  if (s instanceof tf.Tensor || typeof s === 'function') return s;
  if (typeof s === 'number') return s;
  const rest = shape.slice(1);
  const named = typeof s === 'string' ? NAMED.get(s.toLowerCase()) : undefined;
  if (named) {
    if (rest.some((d) => d === null)) {
      throw new InvalidArgumentError(`${label} passed to '${fn}' uses the shortcut '${s}', but its shape [${shape.join(',')}] has unknown dimensions. Received: ${describe(s)}`);
    }
    const dims = rest as number[];
    switch (named) {
      case 'zeros':
        return 0;
      case 'ones':
        return 1;
      case 'normal':
        return (n: number, r: Random) => tf.randomNormal([n, ...dims], 0, 1, 'float32', r.nextSeed());
      case 'uniform':
        return (n: number, r: Random) => tf.randomUniform([n, ...dims], 0, 1, 'float32', r.nextSeed());
      case 'onehot':
        return (n: number, r: Random) => {
          const depth = dims[dims.length - 1] ?? 1;
          const outer = [n, ...dims.slice(0, -1)];
          return tf.tidy(() => {
            const idx = tf.randomUniform(outer, 0, depth, 'int32', r.nextSeed());
            return tf
              .oneHot(idx.reshape([-1]), depth)
              .reshape([n, ...dims])
              .toFloat();
          });
        };
    }
  }
  throw new InvalidArgumentError(`${label} passed to '${fn}' must be a tensor, a number, a function (batchSize) => Tensor, or one of ${NAMES} (in any case). Received: ${describe(s)}`);
}

/** Draws `n` samples from a source, all at once (for `sample` and `predict`). */
export function drawAll(src: DataSource, n: number, shape: readonly (number | null)[], random: Random): tf.Tensor {
  if (src instanceof tf.Tensor) return src;
  if (typeof src === 'number') return tf.fill([n, ...(shape.slice(1) as number[])], src);
  return src(n, random);
}
