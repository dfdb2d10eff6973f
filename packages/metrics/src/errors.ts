/**
 * The one error class @gandlf/metrics throws on purpose. Messages name the
 * function and the argument, say what was expected and echo what was received.
 */
export class MetricsError extends Error {
  override name = 'MetricsError';

  constructor(message: string) {
    super(message);
    // gandlf's brand: `error instanceof GandlfError` holds, as for @gandlf/datasets' DatasetError.
    Object.defineProperty(this, Symbol.for('gandlf.error'), { value: true });
  }
}

/** Formats a value for an error message: short, one line, never throws. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `Array(length=${value.length})`;
  if (ArrayBuffer.isView(value) && 'length' in value) return `${value.constructor.name}(length=${(value as { length: number }).length})`;
  const ctor = (value as object).constructor?.name;
  if (ctor && ctor !== 'Object') return ctor;
  try {
    const json = JSON.stringify(value);
    return json.length > 120 ? `${json.slice(0, 117)}...` : json;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
