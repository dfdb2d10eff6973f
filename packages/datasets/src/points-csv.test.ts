import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DatasetError } from './errors';
import { parsePointsCsv, pointsCsv } from './points-csv';

const env = typeof process !== 'undefined' ? process.env : {};
const settings = { seed: Number(env.FUZZ_SEED ?? 20261123), numRuns: Number(env.FUZZ_RUNS ?? 200) };

const parsed = (text: string) => Array.from(parsePointsCsv(text));

describe('parsePointsCsv', () => {
  it('reads a header and comma, semicolon, tab and space separated lines', () => {
    expect(parsed('x,y\n0,1\n2.5,-1\n')).toEqual([0, 1, 2.5, -1]);
    expect(parsed('1;2\n3;4')).toEqual([1, 2, 3, 4]);
    expect(parsed('x\ty\n1\t2\r\n3\t4\r\n')).toEqual([1, 2, 3, 4]);
    expect(parsed('  1   2 \n-3e-1 .5')).toEqual([1, 2, Math.fround(-0.3), 0.5]);
    expect(parsed('1, 2\n+3 ,4.')).toEqual([1, 2, 3, 4]);
  });

  it('skips blank lines, comments and a byte-order mark; strips spreadsheet quotes', () => {
    expect(parsed('\uFEFF# drawn by hand\n\n"x","y"\n"1","2"\n\n3,4 # the last\n   \n')).toEqual([1, 2, 3, 4]);
  });

  it('takes a header on the first content line only', () => {
    expect(parsed('# comment\n\nlon,lat\n1,2')).toEqual([1, 2]);
    expect(() => parsePointsCsv('1,2\nx,y')).toThrow('parsePointsCsv: line 2 must hold two numbers x, y. Received: "x,y"');
  });

  it('names the line and echoes it for a bad value, a missing or an extra column', () => {
    expect(() => parsePointsCsv('x,y\n1,2\n1.5,abc')).toThrow('parsePointsCsv: line 3 must hold two numbers x, y. Received: "1.5,abc"');
    expect(() => parsePointsCsv('1,2,3')).toThrow(/line 1 must hold two numbers x, y. Received: "1,2,3"/);
    expect(() => parsePointsCsv('1\n')).toThrow(/line 1 must hold two numbers/);
    expect(() => parsePointsCsv('1,,2')).toThrow(/line 1 must hold two numbers/);
    expect(() => parsePointsCsv('1,2,')).toThrow(/line 1 must hold two numbers/);
    expect(() => parsePointsCsv('0x10,1')).toThrow(/line 1 must hold two numbers/);
    expect(() => parsePointsCsv('Infinity,1')).toThrow(/line 1, the header, must name two columns|line 1 must hold two numbers/);
    expect(() => parsePointsCsv('1,2\nNaN,1')).toThrow(/line 2 must hold two numbers/);
    expect(() => parsePointsCsv('x,y,z\n1,2')).toThrow('parsePointsCsv: line 1, the header, must name two columns (x, y). Received: "x,y,z"');
    expect(() => parsePointsCsv('1,1e39')).toThrow(/line 1 holds a number too large for a float32/);
  });

  it('rejects a text of no points, and text that is not a string', () => {
    expect(() => parsePointsCsv('')).toThrow(/the text holds no points/);
    expect(() => parsePointsCsv('x,y\n# nothing\n')).toThrow(/the text holds no points/);
    expect(() => parsePointsCsv(new Uint8Array(2) as unknown as string)).toThrow(/'text' must be a string. Received: text=Uint8Array\(length=2\)/);
  });

  it('stops at maxPoints with an error that says so', () => {
    const text = 'x,y\n' + '1,2\n'.repeat(11);
    expect(parsePointsCsv(text, { maxPoints: 11 }).length).toBe(22);
    expect(() => parsePointsCsv(text, { maxPoints: 10 })).toThrow(/holds more than 10 points \(line 12 is point 11\)/);
    expect(() => parsePointsCsv(text, { maxPoints: 0 })).toThrow(/'maxPoints' must be a positive integer. Received: maxPoints=0/);
    expect(() => parsePointsCsv(text, { max: 10 } as never)).toThrow(/parsePointsCsv: unknown option 'max'; the options are 'maxPoints'. Received: options=/);
    // The default: 100,000 points.
    expect(() => parsePointsCsv('0 0\n'.repeat(100_001))).toThrow(/more than 100000 points/);
    expect(parsePointsCsv('0 0\n'.repeat(100_000)).length).toBe(200_000);
  });
});

describe('pointsCsv', () => {
  it('writes a header and the shortest decimals that read back', () => {
    expect(pointsCsv(new Float32Array([0, 1, 2.5, -1, 0.1, -0.123]))).toBe('x,y\n0,1\n2.5,-1\n0.1,-0.123\n');
    expect(pointsCsv(new Float32Array(0))).toBe('x,y\n');
  });

  it('round-trips through parsePointsCsv bit for bit', () => {
    fc.assert(
      fc.property(fc.float32Array({ noNaN: true, noDefaultInfinity: true, minLength: 2, maxLength: 40 }), (raw) => {
        const points = raw.length % 2 ? raw.subarray(1) : raw;
        if (points.length === 0) return;
        expect(parsePointsCsv(pointsCsv(points))).toEqual(points.map((v) => v + 0)); // -0 reads back as 0
      }),
      settings,
    );
  });

  it('rejects points it could not write back', () => {
    expect(() => pointsCsv(new Float32Array([1, NaN]))).toThrow(/pointsCsv: every coordinate must be finite. Received: points\[1\]=NaN/);
    expect(() => pointsCsv(new Float32Array(3))).toThrow(/'points' must be a Float32Array of n \* 2 coordinates/);
  });
});

describe('fuzz: parsePointsCsv on damaged and random text', () => {
  /** Runs the parse: points, or a DatasetError with a message; nothing else. */
  const outcome = (text: string): Float32Array | DatasetError => {
    try {
      return parsePointsCsv(text);
    } catch (e) {
      expect(e, String(e)).toBeInstanceOf(DatasetError);
      expect((e as Error).message).toMatch(/^parsePointsCsv: /);
      return e as DatasetError;
    }
  };
  const valid = pointsCsv(new Float32Array([0.5, -1, 2, 3.25, -0.001, 4, 1e-3, 7]));

  it('random text gives finite points or a DatasetError naming a line', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: fc.constantFrom(...'0123456789.,;\t -+eE#x"\n\r'), maxLength: 200 })), (text) => {
        const r = outcome(text);
        if (r instanceof DatasetError) {
          if (!/no points/.test(r.message)) expect(r.message).toMatch(/line \d+/);
          return;
        }
        expect(r.length % 2).toBe(0);
        expect(r.every(Number.isFinite)).toBe(true);
      }),
      settings,
    );
  });

  it('a valid file damaged (cut, a character replaced or inserted) parses or names the damaged line', () => {
    const damaged = fc.oneof(
      fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
      fc.tuple(fc.nat({ max: valid.length - 1 }), fc.string({ minLength: 1, maxLength: 1 })).map(([i, c]) => valid.slice(0, i) + c + valid.slice(i + 1)),
      fc.tuple(fc.nat({ max: valid.length }), fc.string({ maxLength: 4 })).map(([i, s]) => valid.slice(0, i) + s + valid.slice(i)),
    );
    fc.assert(
      fc.property(damaged, (text) => {
        const r = outcome(text);
        if (r instanceof DatasetError) return;
        expect(r.length).toBeLessThanOrEqual(2 * 5);
        expect(r.every(Number.isFinite)).toBe(true);
      }),
      settings,
    );
  });
});
