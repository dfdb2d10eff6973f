import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ShapeMismatchError } from '../errors';
import { expandModes } from './modes';

const isStr = (v: unknown): v is string => typeof v === 'string';
const expand = (spec: Parameters<typeof expandModes<string>>[0], outputs = ['src', 'cls'], fallback?: string) => expandModes(spec, outputs, isStr, 'y', false, fallback);

describe('expandModes', () => {
  it('a list with one entry per output applies to every mode', () => {
    expect(expand(['a'], ['src'])).toEqual({ gen: ['a'], fake: ['a'], real: ['a'] });
    expect(expand(['a', 'b', 'c', 'd'], ['w', 'x', 'y', 'z'])).toEqual({ gen: ['a', 'b', 'c', 'd'], fake: ['a', 'b', 'c', 'd'], real: ['a', 'b', 'c', 'd'] });
  });

  it('a list as long as the outputs, where D has 2 or 3, is ambiguous: an error says how to name the values', () => {
    expect(() => expand(['a', 'b'], ['src', 'cls'])).toThrowError(InvalidArgumentError);
    expect(() => expand(['a', 'b'], ['src', 'cls'])).toThrowError(
      /is ambiguous: the discriminator has 2 outputs \(src, cls\).*per mode \{ gen: \.\.\., fake: \.\.\., real: \.\.\. \}, or per output \{ src: \.\.\., cls: \.\.\. \}. Received: \[/,
    );
    expect(() => expand(['a', 'b', 'c'], ['p', 'q', 'r'])).toThrowError(/\[gen, fake, real\]/);
  });

  it('a list of 2 is [gen and real, fake]; a list of 3 is [gen, fake, real]', () => {
    expect(expand(['g', 'f'], ['src'])).toEqual({ gen: ['g'], fake: ['f'], real: ['g'] });
    expect(expand(['g', 'f', 'r'], ['src'])).toEqual({ gen: ['g'], fake: ['f'], real: ['r'] });
  });

  it('record keys: the most specific wins', () => {
    const out = expand({ src_fake: 'F', src_dis: 'D', src: 'S', gen: 'G', cls_gen_real: 'GR', dis: 'd', cls: 'c' });
    expect(out).toEqual({ gen: ['S', 'GR'], fake: ['F', 'c'], real: ['D', 'GR'] });
    expect(expand({ fake: 'f', gen_real: 'x' }, ['src'])).toEqual({ gen: ['x'], fake: ['f'], real: ['x'] });
  });

  it('fills what a record leaves out with the fallback', () => {
    expect(expand({ src_real: 'r' }, ['src'], '1')).toEqual({ gen: ['1'], fake: ['1'], real: ['r'] });
  });

  it('rejects single values, bad lengths, unknown and missing keys', () => {
    expect(() => expand('ones')).toThrowError(InvalidArgumentError);
    expect(() => expand(['a', 'b', 'c', 'd'])).toThrowError(ShapeMismatchError);
    expect(() => expand(['a', 'b', 'c', 'd'])).toThrowError(/Received: 4 entries/);
    expect(() => expand({ src: 'a', cls: 'b', source: 'c' })).toThrowError(/\["source"\]/);
    expect(() => expand({ src: 'a' })).toThrowError(/output 'cls' in mode 'gen'/);
  });

  it('allows a single value when asked (losses)', () => {
    expect(expandModes('bce', ['src'], isStr, 'loss', true)).toEqual({ gen: ['bce'], fake: ['bce'], real: ['bce'] });
  });
});
