/**
 * The one error class this package throws on purpose. Messages name the
 * function and the argument, say what was expected and echo what was received.
 */
export class DatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
    // gandlf's brand: `error instanceof GandlfError` holds, without this package depending on gandlf.
    Object.defineProperty(this, Symbol.for('gandlf.error'), { value: true });
  }
}

/** Formats a value for an error message: short, one line, never throws. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  if (Array.isArray(value)) {
    const items = value.slice(0, 6).map(describe).join(', ');
    return `[${items}${value.length > 6 ? `, ... (${value.length} items)` : ''}]`;
  }
  if (ArrayBuffer.isView(value) && 'length' in value) {
    return `${value.constructor.name}(length=${(value as { length: number }).length})`;
  }
  if (value instanceof ArrayBuffer) return `ArrayBuffer(byteLength=${value.byteLength})`;
  const ctor = (value as object).constructor?.name;
  if (ctor && ctor !== 'Object') return ctor;
  try {
    const json = JSON.stringify(value);
    return json.length > 120 ? `${json.slice(0, 117)}...` : json;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Throws unless `value` is a positive integer. */
export function assertPositiveInt(value: unknown, arg: string, fn: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new DatasetError(`${fn}: '${arg}' must be a positive integer. Received: ${arg}=${describe(value)}`);
  }
}

/** Returns the bytes as a Uint8Array view, or throws naming `fn` and `arg`. */
export function toBytes(value: unknown, arg: string, fn: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw new DatasetError(
    `${fn}: '${arg}' must be a Uint8Array or an ArrayBuffer. Received: ${arg}=${describe(value)}`,
  );
}
