/**
 * `describe()`: the one value formatter behind the "Received: x=..." part of
 * the error messages of gandlf, @gandlf/datasets and @gandlf/metrics.
 *
 * Internal: this package is private and has no build. Each package's library
 * build bundles it from these sources, so @gandlf/datasets and @gandlf/metrics
 * keep not depending on gandlf (or on anything) at runtime, and no emitted
 * .d.ts names it (each errors.ts re-declares `describe` with a plain type).
 */

/** At most this many items of an array are listed. */
const MAX_ITEMS = 6;
/** Plain objects' JSON, long strings and a list's items are cut near this many characters. */
const MAX_CHARS = 120;
/** Arrays nested deeper than this are shown as `Array(length=n)` (this also ends cycles). */
const MAX_DEPTH = 3;

/**
 * Formats a value for an error message: short, one line, never throws.
 *
 * - `null`, `undefined`; numbers, booleans, bigints and symbols via `String()`
 * - strings JSON-quoted (`"abc"`), cut after 100 characters with their length: `"abc..."... (5000 chars)`
 * - functions by name: `function relu`, `function (anonymous)`
 * - arrays by their first 6 items, recursively, with the count when some are
 *   left out: `[1, 2, 3, 4, 5, 6, ... (8 items)]`
 * - typed arrays by length (`Float32Array(length=4)`), `ArrayBuffer(byteLength=8)`, `DataView(byteLength=8)`
 * - tensors by shape and dtype, duck-typed: `Tensor(shape=[2,3], dtype=float32)`
 * - other class instances by constructor name (`Map`, `Date`)
 * - plain objects as JSON, cut to 120 characters: `{"a":1}`
 * - anything else, or anything whose inspection throws: `[object Object]` and the like
 */
export function describe(value: unknown): string {
  try {
    return describeAt(value, 0);
  } catch {
    return fallback(value);
  }
}

function describeAt(value: unknown, depth: number): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'string':
      return describeString(value);
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'symbol':
      return oneLine(String(value));
    case 'function':
      return `function ${oneLine(String(value.name || '(anonymous)'))}`;
  }
  if (Array.isArray(value)) return describeArray(value, depth);
  if (ArrayBuffer.isView(value)) {
    return 'length' in value ? `${constructorName(value) ?? 'TypedArray'}(length=${(value as { length: number }).length})` : `${constructorName(value) ?? 'DataView'}(byteLength=${value.byteLength})`;
  }
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]') {
    return `${tag.slice(8, -1)}(byteLength=${(value as ArrayBuffer).byteLength})`;
  }
  if (isTensorLike(value)) return `Tensor(shape=[${value.shape.join(',')}], dtype=${oneLine(value.dtype)})`;
  const ctor = constructorName(value);
  if (ctor !== undefined && ctor !== 'Object') return ctor;
  const json = JSON.stringify(value);
  if (typeof json !== 'string') return fallback(value);
  return json.length > MAX_CHARS ? `${json.slice(0, MAX_CHARS - 3)}...` : json;
}

function describeString(value: string): string {
  const cut = 100;
  if (value.length <= cut) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, cut))}... (${value.length} chars)`;
}

function describeArray(value: readonly unknown[], depth: number): string {
  if (depth >= MAX_DEPTH) return `Array(length=${value.length})`;
  const items: string[] = [];
  let chars = 0;
  for (let i = 0; i < Math.min(value.length, MAX_ITEMS); i++) {
    const item = describeAt(value[i], depth + 1);
    // The first item always shows; later ones only while the list stays short.
    if (items.length > 0 && chars + item.length > MAX_CHARS) break;
    items.push(item);
    chars += item.length + 2;
  }
  const rest = items.length < value.length ? `, ... (${value.length} items)` : '';
  return `[${items.join(', ')}${rest}]`;
}

/** A tfjs tensor (or Variable), recognised without importing tfjs. */
function isTensorLike(value: unknown): value is { shape: number[]; dtype: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { shape?: unknown }).shape) &&
    typeof (value as { dtype?: unknown }).dtype === 'string' &&
    typeof (value as { dataId?: unknown }).dataId === 'object'
  );
}

/** The name of the class `value` was made by, or undefined for none (e.g. `Object.create(null)`). */
function constructorName(value: object): string | undefined {
  const ctor = (value as { constructor?: unknown }).constructor;
  if (typeof ctor !== 'function') return undefined;
  const name: unknown = ctor.name;
  return typeof name === 'string' && name !== '' ? oneLine(name) : undefined;
}

/** Line breaks become spaces, and long text is cut: names and tags never make a message long or multi-line. */
function oneLine(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  return flat.length > MAX_CHARS ? `${flat.slice(0, MAX_CHARS - 3)}...` : flat;
}

function fallback(value: unknown): string {
  try {
    return oneLine(Object.prototype.toString.call(value));
  } catch {
    // A revoked Proxy throws even here.
    return `[${typeof value}]`;
  }
}
