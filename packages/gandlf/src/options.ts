import { describe, InvalidArgumentError, UnknownOptionError } from './errors';

/**
 * Every key of the options interface `T`, each set to `true`. Optional keys are
 * required here, so a list written against it cannot miss one.
 */
export type KeyRecord<T> = { readonly [K in keyof T]-?: true };

/**
 * The accepted keys of the options interface `T`, as a list that TypeScript
 * holds to the interface: a missing or an extra key is a compile error.
 *
 * @example const FIT_KEYS = optionKeys<FitArgs>()({ epochs: true, batchSize: true, ... });
 */
export function optionKeys<T extends object>(): (keys: KeyRecord<T>) => readonly (keyof T & string)[] {
  return (keys) => Object.freeze(Object.keys(keys)) as readonly (keyof T & string)[];
}

/**
 * Checks an options object that may be left out: `undefined` and `null` give
 * `{}`; anything but a plain object is an `InvalidArgumentError`, and a key
 * not in `allowed` is an `UnknownOptionError` that suggests the key meant.
 *
 * @example
 * fit(x, y, args: FitArgs = {}) {
 *   const { epochs = 1 } = checkOptions(args, FIT_KEYS, 'fit');
 * }
 *
 * @param options What the caller passed.
 * @param allowed The accepted keys (see `optionKeys`).
 * @param fn The public function, for the message.
 * @param arg The argument (or the option holding the object, e.g. `'every'`), for the message.
 * @param tolerated Keys let through without being listed as accepted, e.g. the `customObjects` that tfjs's deserializer adds to every layer config.
 */
export function checkOptions<T extends object>(options: T | null | undefined, allowed: readonly string[], fn: string, arg = 'options', tolerated: readonly string[] = []): T {
  if (options === undefined || options === null) return {} as T;
  return requireOptions(options, allowed, fn, arg, tolerated);
}

/** Like `checkOptions`, for an options object that must be given: `undefined` and `null` are an `InvalidArgumentError`. */
export function requireOptions<T extends object>(options: T, allowed: readonly string[], fn: string, arg = 'options', tolerated: readonly string[] = []): T {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidArgumentError(`Argument '${arg}' passed to '${fn}' must be an object with keys among ${allowed.join(', ')}. Received: ${arg}=${describe(options)}`);
  }
  const unknown = Object.keys(options).filter((k) => !allowed.includes(k) && !tolerated.includes(k));
  const key = unknown[0];
  if (key === undefined) return options;
  const suggestion = suggestKey(key, allowed);
  // A nested object (`every`, `divergence.rollback`) is named; the argument itself is not.
  const where = arg === 'options' || arg === 'args' ? '' : ` in '${arg}'`;
  const more = unknown.length > 1 ? ` Also unknown: ${unknown.slice(1).join(', ')}.` : '';
  const value = (options as Record<string, unknown>)[key];
  throw new UnknownOptionError(
    `Unknown option '${key}'${where} passed to '${fn}'${suggestion ? `; did you mean '${suggestion}'?` : '.'} Accepted: ${allowed.join(', ')}.${more} Received: ${key}=${describe(value)}`,
    key,
    allowed,
    suggestion,
  );
}

/**
 * Keras 1/2 (and tf.keras) spellings with a real counterpart here. A hint is
 * given only when the counterpart is among the accepted keys.
 */
const KERAS_NAMES: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    nb_epoch: ['epochs'],
    nb_epochs: ['epochs'],
    n_epochs: ['epochs'],
    num_epochs: ['epochs'],
    nb_samples: ['numSamples'],
    n_samples: ['numSamples'],
    samples_per_epoch: ['numSamples'],
    lr: ['learningRate'],
    optimizer: ['playerOptimizers'],
    p: ['rate'], // Keras 1 `Dropout(p)`
    filepath: ['url'], // Keras `ModelCheckpoint(filepath)`
    period: ['every'], // Keras 2 `ModelCheckpoint(period)`
    save_freq: ['every'],
    max_to_keep: ['keep'], // tf.train.CheckpointManager
    ema_momentum: ['decay'], // Keras 3 optimizers
  }),
);

/** The accepted key that `key` most likely meant, or undefined. */
export function suggestKey(key: string, allowed: readonly string[]): string | undefined {
  const known = KERAS_NAMES.get(key.toLowerCase())?.find((k) => allowed.includes(k));
  if (known) return known;
  const flat = (s: string) => s.toLowerCase().replace(/[_\-\s]/g, '');
  const target = flat(key);
  // snake_case, kebab-case or another case of an accepted key: batch_size, BatchSize.
  const same = allowed.find((k) => flat(k) === target);
  if (same) return same;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of allowed) {
    const other = flat(k);
    const d = editDistance(target, other);
    // At most 2 edits, and fewer for short names, where 2 edits make any name any other.
    if (d <= Math.min(2, Math.floor(Math.max(target.length, other.length) / 3)) && d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
