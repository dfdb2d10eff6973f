import { describe, expect, it } from 'vitest';
import { CODE_LIMIT, decodePoints, encodePoints, pointsJson } from './points-code';

describe('points code (the data knob)', () => {
  it('round-trips points to 1/1000, little-endian int16 in base64url after p1:', () => {
    expect(encodePoints(new Float32Array([0, 1]))).toBe('p1:AADoAw');
    const points = new Float32Array([0.1234, -2.5, 3.4999, 0.0004, -0.0006, 32.767]);
    const code = encodePoints(points);
    expect(code).toMatch(/^p1:[A-Za-z0-9_-]+$/);
    expect(Array.from(decodePoints(code))).toEqual([0.123, -2.5, 3.5, 0, -0.001, 32.767].map(Math.fround));
    // Decoding and encoding again changes nothing: the code is the data.
    expect(encodePoints(decodePoints(code))).toBe(code);
  });

  it('clamps to the int16 range, and takes plain arrays', () => {
    expect(Array.from(decodePoints(encodePoints([100, -100])))).toEqual([CODE_LIMIT, -CODE_LIMIT].map(Math.fround));
  });

  it('holds 100,000 points (in chunks: no call-stack overflow) in about 533 kB', () => {
    const points = Float32Array.from({ length: 200_000 }, (_, i) => ((i * 37) % 7001) / 1000 - 3.5);
    const code = encodePoints(points);
    expect(code.length).toBe(3 + Math.ceil((400_000 * 4) / 3));
    expect(decodePoints(code)).toEqual(points.map((v) => Math.fround(Math.round(v * 1000) / 1000)));
  });

  it('rejects bad points to encode', () => {
    expect(() => encodePoints([])).toThrow(/non-empty list of x, y pairs. Received: 0 coordinates/);
    expect(() => encodePoints([1, 2, 3])).toThrow(/Received: 3 coordinates/);
    expect(() => encodePoints([1, NaN])).toThrow(/every coordinate must be finite. Received: points\[1\]=NaN/);
  });

  it('rejects bad codes with a clear Error that shows the code', () => {
    expect(() => decodePoints('')).toThrow("decodePoints: a points code starts with 'p1:'. Received: ''");
    expect(() => decodePoints('p2:AADoAw')).toThrow(/starts with 'p1:'. Received: 'p2:AADoAw'/);
    expect(() => decodePoints('p1:AAD+Aw')).toThrow(/base64url \(A-Z, a-z, 0-9, - and _\)/);
    expect(() => decodePoints('p1:AAD=')).toThrow(/base64url/);
    expect(() => decodePoints('p1:')).toThrow(/whole x, y pairs \(4 bytes each\) and at least one. Received: 'p1:' \(0 bytes\)/);
    expect(() => decodePoints('p1:AADo')).toThrow(/whole x, y pairs.*\(3 bytes\)/);
    expect(() => decodePoints('p1:AADoA')).toThrow(/whole x, y pairs/);
    expect(() => decodePoints(`p1:${'A'.repeat(61)}`)).toThrow(/Received: 'p1:A{37}…' \(64 characters\)/);
    expect(() => decodePoints(42 as unknown as string)).toThrow('decodePoints: a points code is a string. Received: number');
  });

  it('writes points as JSON pairs to 3 decimals', () => {
    expect(pointsJson(new Float32Array([0.12345, -1, 2, 3.0004]))).toBe('[[0.123,-1],[2,3]]');
    expect(pointsJson([])).toBe('[]');
  });
});
