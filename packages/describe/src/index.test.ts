import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe as suite, expect, it } from 'vitest';
import { describe } from './index';

suite('describe()', () => {
  it('shows null, undefined, numbers, booleans, bigints and symbols as themselves', () => {
    expect(describe(null)).toBe('null');
    expect(describe(undefined)).toBe('undefined');
    expect(describe(0)).toBe('0');
    expect(describe(-1.5)).toBe('-1.5');
    expect(describe(Number.NaN)).toBe('NaN');
    expect(describe(Infinity)).toBe('Infinity');
    expect(describe(true)).toBe('true');
    expect(describe(10n)).toBe('10');
    expect(describe(Symbol('s'))).toBe('Symbol(s)');
  });

  it('JSON-quotes strings, and cuts long ones, saying how long they were', () => {
    expect(describe('a')).toBe('"a"');
    expect(describe('two\nlines "quoted"')).toBe('"two\\nlines \\"quoted\\""');
    expect(describe('x'.repeat(5000))).toBe(`"${'x'.repeat(100)}"... (5000 chars)`);
  });

  it('names functions', () => {
    expect(describe(function relu() {})).toBe('function relu');
    expect(describe(Math.max)).toBe('function max');
    expect(describe([() => 0][0])).toBe('function (anonymous)');
  });

  it('lists the first 6 items of an array, recursively, with the count when some are left out', () => {
    expect(describe([])).toBe('[]');
    expect(describe([1, 2, 3])).toBe('[1, 2, 3]');
    expect(describe([1, 2, 3, 4, 5, 6])).toBe('[1, 2, 3, 4, 5, 6]');
    expect(describe([1, 2, 3, 4, 5, 6, 7, 8])).toBe('[1, 2, 3, 4, 5, 6, ... (8 items)]');
    expect(describe(['a', null, [1, [2]], { b: 1 }])).toBe('["a", null, [1, [2]], {"b":1}]');
    expect(describe([[[[[1]]]]])).toBe('[[[Array(length=1)]]]');
    // Long items: fewer are listed, and the count says so.
    const long = { key: 'v'.repeat(80) };
    expect(describe([long, long, long])).toMatch(/^\[\{"key":"v+"\}, \.\.\. \(3 items\)\]$/);
  });

  it('shows typed arrays, ArrayBuffers and DataViews by length', () => {
    expect(describe(new Float32Array(4))).toBe('Float32Array(length=4)');
    expect(describe(new Uint8ClampedArray(12))).toBe('Uint8ClampedArray(length=12)');
    expect(describe(new ArrayBuffer(8))).toBe('ArrayBuffer(byteLength=8)');
    expect(describe(new DataView(new ArrayBuffer(3)))).toBe('DataView(byteLength=3)');
  });

  it('shows tensors by shape and dtype', () => {
    const t = tf.zeros([2, 3], 'int32');
    expect(describe(t)).toBe('Tensor(shape=[2,3], dtype=int32)');
    expect(describe(tf.variable(tf.scalar(1)))).toBe('Tensor(shape=[], dtype=float32)');
    expect(describe([t])).toBe('[Tensor(shape=[2,3], dtype=int32)]');
    // Duck-typed: no tfjs import needed.
    expect(describe({ shape: [1], dtype: 'bool', dataId: {} })).toBe('Tensor(shape=[1], dtype=bool)');
    tf.dispose(t);
  });

  it('names class instances, and shows plain objects as JSON cut to 120 characters', () => {
    class Thing {}
    expect(describe(new Thing())).toBe('Thing');
    expect(describe(new Map())).toBe('Map');
    expect(describe(new Error('x'))).toBe('Error');
    expect(describe({ a: 1 })).toBe('{"a":1}');
    expect(describe(Object.assign(Object.create(null), { a: 1 }))).toBe('{"a":1}');
    const big = describe({ text: 'y'.repeat(500) });
    expect(big).toHaveLength(120);
    expect(big.endsWith('...')).toBe(true);
  });

  it('falls back instead of throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describe(cyclic)).toBe('[object Object]');
    const cyclicArray: unknown[] = [];
    cyclicArray.push(cyclicArray);
    expect(describe(cyclicArray)).toBe('[[[Array(length=1)]]]');
    expect(describe({ n: 1n })).toBe('[object Object]');
    expect(describe({ toJSON: () => undefined })).toBe('[object Object]');
    expect(
      describe({
        toJSON: () => {
          throw new Error('no');
        },
      }),
    ).toBe('[object Object]');
    const throwing = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
      },
    );
    expect(describe(throwing)).toBe('[object]');
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(describe(proxy)).toBe('[object]');
    expect(describe({ constructor: { name: 5 } })).toBe('{"constructor":{"name":5}}');
    expect(describe({ constructor: Object.defineProperty(function () {}, 'name', { value: 'A\nB' }) })).toBe('A B');
  });

  it('always returns one short line, and never throws', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withTypedArray: true, withMap: true, withSet: true, withDate: true, withNullPrototype: true, withSparseArray: true }), (value) => {
        const text = describe(value);
        expect(typeof text).toBe('string');
        expect(text).not.toMatch(/[\r\n\u2028\u2029]/);
        expect(text.length).toBeLessThanOrEqual(1000);
      }),
    );
  });
});
