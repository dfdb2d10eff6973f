import { DatasetError, assertKnownOptions, assertPositiveInt, describe } from './errors';

/** Options for {@link parsePointsCsv}. */
export interface ParsePointsCsvOptions {
  /**
   * The most points a text may hold; more is an error, not a silent cut.
   * @default 100000 (about 2 MB of CSV, and a few ms a step for the mode scores of a 2-D demo)
   */
  maxPoints?: number;
}

/** A plain decimal number: no hex, no `Infinity`, no empty field (all of which `Number()` takes). */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * 2-D points from CSV text, one `x, y` pair a line. The first line may be a
 * header (no field a number, e.g. `x,y`). Fields are separated by commas,
 * semicolons or tabs, or else by spaces; fields may be double-quoted, as
 * spreadsheets write them. Blank lines and `#` comments (to the line's end)
 * are skipped. A line of one field or three is an error: errors name the line
 * and echo it.
 *
 * @example parsePointsCsv('x,y\n0,1\n2.5,-1\n') // Float32Array [0, 1, 2.5, -1]
 * @param text The file's text.
 * @param options See {@link ParsePointsCsvOptions}.
 * @returns `n * 2` coordinates, `x0, y0, x1, y1, ...`.
 */
export function parsePointsCsv(text: string, options: ParsePointsCsvOptions = {}): Float32Array {
  const fn = 'parsePointsCsv';
  if (typeof text !== 'string') throw new DatasetError(`${fn}: 'text' must be a string. Received: text=${describe(text)}`);
  assertKnownOptions(options, ['maxPoints'], fn);
  const { maxPoints = 100_000 } = options;
  assertPositiveInt(maxPoints, 'maxPoints', fn);
  const out: number[] = [];
  let seenContent = false;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const content = line.replace(/#.*$/, '').trim();
    if (content === '') continue;
    const fields = splitFields(content);
    const first = !seenContent;
    seenContent = true;
    const numeric = fields.map((f) => NUMBER.test(f));
    if (first && !numeric.some((v) => v)) {
      if (fields.length !== 2) throw new DatasetError(`${fn}: line ${i + 1}, the header, must name two columns (x, y). Received: ${describe(line)}`);
      continue;
    }
    if (fields.length !== 2 || !numeric.every((v) => v)) {
      throw new DatasetError(`${fn}: line ${i + 1} must hold two numbers x, y. Received: ${describe(line)}`);
    }
    const x = Number(fields[0]);
    const y = Number(fields[1]);
    if (!Number.isFinite(Math.fround(x)) || !Number.isFinite(Math.fround(y))) {
      throw new DatasetError(`${fn}: line ${i + 1} holds a number too large for a float32. Received: ${describe(line)}`);
    }
    if (out.length / 2 >= maxPoints) {
      throw new DatasetError(
        `${fn}: the text holds more than ${maxPoints} points (line ${i + 1} is point ${maxPoints + 1}); pass a larger 'maxPoints' or keep a sample. Received: maxPoints=${maxPoints}`,
      );
    }
    out.push(x, y);
  }
  if (out.length === 0) throw new DatasetError(`${fn}: the text holds no points: expected lines of two numbers x, y. Received: text=${describe(text)}`);
  return Float32Array.from(out);
}

/**
 * CSV text of 2-D points, header `x,y`, one point a line, each coordinate the
 * shortest decimal that reads back as the same float32: `parsePointsCsv`
 * returns the same points.
 *
 * @example pointsCsv(new Float32Array([0, 1, 2.5, -1])) // 'x,y\n0,1\n2.5,-1\n'
 * @param points `n * 2` finite coordinates, `x0, y0, x1, y1, ...`.
 */
export function pointsCsv(points: Float32Array): string {
  const fn = 'pointsCsv';
  if (!(points instanceof Float32Array) || points.length % 2 !== 0) {
    throw new DatasetError(`${fn}: 'points' must be a Float32Array of n * 2 coordinates. Received: points=${describe(points)}`);
  }
  const bad = points.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new DatasetError(`${fn}: every coordinate must be finite. Received: points[${bad}]=${describe(points[bad])}`);
  const lines = ['x,y'];
  for (let i = 0; i < points.length; i += 2) lines.push(`${shortest(points[i]!)},${shortest(points[i + 1]!)}`);
  return lines.join('\n') + '\n';
}

/** Commas, semicolons or tabs when the line has one (each separates, so an empty field shows), else runs of spaces; quotes stripped. */
function splitFields(content: string): string[] {
  const fields = /[,;\t]/.test(content) ? content.split(/[,;\t]/) : content.split(/ +/);
  return fields.map((f) =>
    f
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
}

/** The shortest decimal of a float32 that reads back as it (at most 9 significant digits do). */
function shortest(v: number): string {
  for (let digits = 1; digits < 9; digits++) {
    const s = String(Number(v.toPrecision(digits)));
    if (Math.fround(Number(s)) === v) return s;
  }
  return String(Number(v.toPrecision(9)));
}
