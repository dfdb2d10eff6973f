// The `data` knob's encoding of a point set: short enough to live in the
// knobs (and so in every checkpoint's metadata), exact at the 1/1000 it keeps.
// No tfjs here: the page encodes, the worker decodes.

/** The version prefix of a code; a later encoding gets a new one. */
const PREFIX = 'p1:';
/** Coordinates are kept to this step: a thousandth of a unit, far below a panel's pixel (about 0.03 units). */
const SCALE = 1000;
/** The int16 range, in plane units: coordinates beyond ±32.767 are clamped. */
export const CODE_LIMIT = 32767 / SCALE;

/**
 * Encodes 2-D points for the `data` knob: each coordinate rounded to 1/1000
 * (clamped to ±32.767) as a little-endian int16, the bytes in base64url,
 * prefixed `p1:`.
 *
 * @example encodePoints(new Float32Array([0, 1])) // 'p1:AADoAw'
 */
export function encodePoints(points: ArrayLike<number>): string {
  if (points.length === 0 || points.length % 2 !== 0) throw new Error(`encodePoints: expected a non-empty list of x, y pairs. Received: ${points.length} coordinates`);
  const bytes = new Uint8Array(points.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < points.length; i++) {
    const v = points[i]!;
    if (!Number.isFinite(v)) throw new Error(`encodePoints: every coordinate must be finite. Received: points[${i}]=${v}`);
    view.setInt16(2 * i, Math.max(-32767, Math.min(32767, Math.round(v * SCALE))), true);
  }
  let binary = '';
  // In chunks: a spread of 100,000 points' bytes would overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return PREFIX + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The points of a `data` knob's code (see {@link encodePoints}); a bad code is
 * an Error that says what is wrong with it.
 *
 * @example decodePoints('p1:AADoAw') // Float32Array [0, 1]
 */
export function decodePoints(code: string): Float32Array {
  if (typeof code !== 'string') throw new Error(`decodePoints: a points code is a string. Received: ${typeof code}`);
  const shown = code.length > 40 ? `'${code.slice(0, 40)}…' (${code.length} characters)` : `'${code}'`;
  if (!code.startsWith(PREFIX)) throw new Error(`decodePoints: a points code starts with '${PREFIX}'. Received: ${shown}`);
  const body = code.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]*$/.test(body)) throw new Error(`decodePoints: a points code is base64url (A-Z, a-z, 0-9, - and _) after '${PREFIX}'. Received: ${shown}`);
  // Unpadded base64: 4 characters hold 3 bytes, and a group of 1 character holds none.
  const bytes = (body.length * 3) >> 2;
  if (body.length % 4 === 1 || bytes === 0 || bytes % 4 !== 0) {
    throw new Error(`decodePoints: a points code holds whole x, y pairs (4 bytes each) and at least one. Received: ${shown} (${bytes} bytes)`);
  }
  const binary = atob(body.replace(/-/g, '+').replace(/_/g, '/'));
  const view = new DataView(Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer);
  const out = new Float32Array(bytes / 2);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt16(2 * i, true) / SCALE;
  return out;
}

/** Points as JSON `[[x, y], ...]` rounded to 3 decimals: the page exposes real, drawn and loaded points so for tests. */
export const pointsJson = (points: ArrayLike<number>): string =>
  JSON.stringify(Array.from({ length: Math.floor(points.length / 2) }, (_, i) => [Math.round(points[2 * i]! * SCALE) / SCALE, Math.round(points[2 * i + 1]! * SCALE) / SCALE]));
