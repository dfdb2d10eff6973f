import { describe, expect, it } from 'vitest';
import * as errors from './errors';

describe('errors', () => {
  it('carry their class name in `name` (minifiers rename classes) and extend GandlfError', () => {
    const classes = Object.entries(errors).filter(([k]) => k.endsWith('Error')) as [string, new (m: string, ...rest: never[]) => Error][];
    expect(classes.length).toBeGreaterThanOrEqual(9);
    for (const [name, Cls] of classes) {
      const e = new Cls('msg');
      expect(e.name).toBe(name);
      expect(e).toBeInstanceOf(errors.GandlfError);
      expect(e.message).toBe('msg');
    }
  });

  it('describe() echoes values briefly', () => {
    expect(errors.describe('a')).toBe('"a"');
    expect(errors.describe([1, 2, 3, 4, 5, 6, 7, 8])).toBe('[1, 2, 3, 4, 5, 6, ... (8 items)]');
    expect(errors.describe(undefined)).toBe('undefined');
    expect(errors.describe({ a: 1 })).toBe('{"a":1}');
  });

  it("counts helper packages' branded errors (e.g. @gandlf/datasets' DatasetError) as GandlfErrors, and only as that", () => {
    class DatasetLike extends Error {
      constructor(message: string) {
        super(message);
        Object.defineProperty(this, Symbol.for('gandlf.error'), { value: true });
      }
    }
    const e = new DatasetLike('corrupt');
    expect(e).toBeInstanceOf(errors.GandlfError);
    expect(e).not.toBeInstanceOf(errors.InvalidArgumentError);
    expect(new errors.InvalidArgumentError('x')).not.toBeInstanceOf(errors.ShapeMismatchError);
    expect(new Error('plain')).not.toBeInstanceOf(errors.GandlfError);
    expect((null as unknown as object) instanceof errors.GandlfError).toBe(false);
    expect({ [Symbol.for('gandlf.error')]: false } instanceof errors.GandlfError).toBe(false);
  });
});
