import { describe, InvalidArgumentError, ShapeMismatchError } from '../errors';

/**
 * The three modes of a gandlf `Model` output: the generator's view of fakes
 * (`gen`), the discriminator on fakes (`fake`) and on real data (`real`).
 */
export const MODES = ['gen', 'fake', 'real'] as const;
export type Mode = (typeof MODES)[number];

/** A value per mode, per discriminator output. */
export type PerMode<T> = Record<Mode, T[]>;

/** A value for every output and mode, a list, or a record with shorthand keys. */
export type ModeSpec<T> = T | readonly T[] | Readonly<Record<string, T>>;

const PAIRS: ReadonlyArray<readonly [string, readonly Mode[]]> = [['dis', ['fake', 'real']], ...MODES.flatMap((a) => MODES.filter((b) => b !== a).map((b) => [`${a}_${b}`, [a, b]] as const))];

/**
 * Expands gandlf's target/loss shorthand to one value per output and mode.
 *
 * - A record names modes or outputs (the clearest form): `{ gen: 0, fake: 1, real: 0 }`.
 *   It takes keys, most specific first (entries it leaves out take
 *   `fallback`, or are an error without one): `${output}_${mode}`, then
 *   `${output}_${a}_${b}` and `${output}_dis` (fake and real), then `${output}`,
 *   then `${mode}`, then `${a}_${b}`, then `dis`.
 * - A single value applies everywhere (when `allowSingle`).
 * - The seed's lists: a list of 2 means `[gen and real, fake]` and a list of 3
 *   `[gen, fake, real]`; a list with one entry per output applies each to all
 *   three modes. Where D has 2 or 3 outputs, a list of that length could mean
 *   either, and is an error that says how to name the values.
 */
export function expandModes<T>(spec: ModeSpec<T>, outputs: readonly string[], isValue: (v: unknown) => v is T, where: string, allowSingle: boolean, fallback?: T): PerMode<T> {
  const n = outputs.length;
  const out: PerMode<T | undefined> = { gen: [], fake: [], real: [] };
  if (isValue(spec)) {
    if (!allowSingle) {
      throw new InvalidArgumentError(
        `${where} needs a value per output and mode: a list of ${n === 2 || n === 3 ? n : '2 or 3'} ([gen and real, fake] or [gen, fake, real]) or a record such as { ${outputs[0]}_real: ..., ${outputs[0]}_fake: ..., ${outputs[0]}_gen: ... }. Received: ${describe(spec)}`,
      );
    }
    for (const m of MODES) out[m] = outputs.map(() => spec);
  } else if (Array.isArray(spec)) {
    const list = spec as readonly T[];
    if (list.length === n && (n === 2 || n === 3)) {
      const perOutput = outputs.map((o) => `${o}: ...`).join(', ');
      throw new InvalidArgumentError(
        `${where} is ambiguous: the discriminator has ${n} outputs (${outputs.join(', ')}), so a list of ${n} could give one value per output or one per mode (${n === 2 ? '[gen and real, fake]' : '[gen, fake, real]'}). Name them: per mode { gen: ..., fake: ..., real: ... }, or per output { ${perOutput} }. Received: ${describe(list)}`,
      );
    }
    if (list.length === n) for (const m of MODES) out[m] = [...list];
    else if (list.length === 2) {
      out.gen = outputs.map(() => list[0]);
      out.real = outputs.map(() => list[0]);
      out.fake = outputs.map(() => list[1]);
    } else if (list.length === 3) {
      MODES.forEach((m, i) => (out[m] = outputs.map(() => list[i])));
    } else {
      throw new ShapeMismatchError(
        `${where} as a list must have ${n} entries (one per output ${describe(outputs)}), 2 ([gen and real, fake]) or 3 ([gen, fake, real]). Received: ${list.length} entries`,
      );
    }
  } else if (spec && typeof spec === 'object') {
    fromRecord(spec as Readonly<Record<string, T>>, outputs, out, where);
  } else {
    throw new InvalidArgumentError(`${where} must be a value, a list or a record. Received: ${describe(spec)}`);
  }
  for (const m of MODES) {
    outputs.forEach((o, k) => {
      if (out[m][k] === undefined && fallback !== undefined) out[m][k] = fallback;
      if (out[m][k] === undefined) {
        throw new InvalidArgumentError(`${where} gives nothing for output '${o}' in mode '${m}' (key '${o}_${m}'). Received: ${describe(spec)}`);
      }
    });
  }
  return out as PerMode<T>;
}

function fromRecord<T>(rec: Readonly<Record<string, T>>, outputs: readonly string[], out: PerMode<T | undefined>, where: string): void {
  const used = new Set<string>();
  const take = (key: string, modes: readonly Mode[], ks: readonly number[]) => {
    if (!(key in rec)) return;
    used.add(key);
    for (const m of modes) for (const k of ks) if (out[m][k] === undefined) out[m][k] = rec[key];
  };
  const all = outputs.map((_, k) => k);
  outputs.forEach((o, k) => {
    for (const m of MODES) take(`${o}_${m}`, [m], [k]);
    for (const [suffix, modes] of PAIRS) take(`${o}_${suffix}`, modes, [k]);
    take(o, MODES, [k]);
  });
  for (const m of MODES) take(m, [m], all);
  for (const [key, modes] of PAIRS.slice(1)) take(key, modes, all);
  take('dis', ['fake', 'real'], all);
  const unknown = Object.keys(rec).filter((k) => !used.has(k));
  if (unknown.length) {
    throw new InvalidArgumentError(
      `${where} has keys that name no output or mode. Use an output name (${outputs.join(', ')}), optionally with _gen, _fake, _real, _dis or a pair such as _gen_real, or a bare mode. Received: ${describe(unknown)}`,
    );
  }
}
