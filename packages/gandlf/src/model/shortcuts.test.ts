import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { Random } from '../random';
import { drawAll, shortcutSource, type Shortcut, type ShortcutName } from './shortcuts';

const draw = (s: Parameters<typeof shortcutSource>[0], shape: (number | null)[], n = 2000, seed = 1) => drawAll(shortcutSource(s, shape, 'Input 0', 'test'), n, shape, new Random(seed));

describe('input shortcuts', () => {
  it("'normal' is N(0, 1) and 'uniform' is U[0, 1)", () => {
    const n = draw('normal', [null, 10]);
    const m = tf.moments(n);
    expect(n.shape).toEqual([2000, 10]);
    expect(Math.abs(m.mean.dataSync()[0]!)).toBeLessThan(0.05);
    expect(Math.sqrt(m.variance.dataSync()[0]!)).toBeCloseTo(1, 1);
    const u = draw('uniform', [null, 3]);
    expect(u.min().dataSync()[0]).toBeGreaterThanOrEqual(0);
    expect(u.max().dataSync()[0]).toBeLessThan(1);
    expect(u.mean().dataSync()[0]).toBeCloseTo(0.5, 1);
    tf.dispose([n, u, m.mean, m.variance]);
  });

  it("'zeros', 'ones' and numbers are constants", () => {
    const z = draw('zeros', [null, 2], 3);
    const o = draw('ones', [null, 2], 3);
    const c = draw(0.9, [null, 1], 3);
    expect(Array.from(z.dataSync())).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(o.dataSync())).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Array.from(c.dataSync())).toEqual([0.9, 0.9, 0.9].map(Math.fround));
    tf.dispose([z, o, c]);
  });

  it("'onehot' gives one-hot rows over the last axis, covering every class", () => {
    const h = draw('onehot', [null, 10], 500);
    expect(h.shape).toEqual([500, 10]);
    expect(Array.from(h.sum(1).dataSync()).every((v) => v === 1)).toBe(true);
    expect(Array.from(h.sum(0).dataSync()).every((v) => v > 20)).toBe(true);
    h.dispose();
  });

  it("'0', '1' and 'ohe' are gandlf's short names for 'zeros', 'ones' and 'onehot'", () => {
    const z = draw('0', [null, 2], 2);
    const o = draw('1', [null, 2], 2);
    expect(Array.from(z.dataSync())).toEqual([0, 0, 0, 0]);
    expect(Array.from(o.dataSync())).toEqual([1, 1, 1, 1]);
    expect(shortcutSource('0', [null, 2], 'x', 'f')).toBe(shortcutSource('zeros', [null, 2], 'x', 'f'));
    expect(shortcutSource('1', [null, 2], 'x', 'f')).toBe(shortcutSource('ones', [null, 2], 'x', 'f'));
    // The same stream position gives the same one-hot draw under either name.
    const a = draw('ohe', [null, 3, 4], 50, 5);
    const b = draw('onehot', [null, 3, 4], 50, 5);
    expect(a.shape).toEqual([50, 3, 4]);
    expect(Array.from(a.sum(-1).dataSync()).every((v) => v === 1)).toBe(true);
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    tf.dispose([z, o, a, b]);
  });

  it('names are case-insensitive, as in gandlf', () => {
    const same = (s: Shortcut, t: Shortcut, shape: (number | null)[] = [null, 3]) => {
      const [a, b] = [draw(s, shape, 4, 2), draw(t, shape, 4, 2)];
      expect(Array.from(a.dataSync()), String(s)).toEqual(Array.from(b.dataSync()));
      tf.dispose([a, b]);
    };
    same('ONES', 'ones');
    same('Zeros', 'zeros');
    same('Normal', 'normal');
    same('UNIFORM', 'uniform');
    same('OHE', 'onehot');
    same('OneHot', 'onehot');
    same('ONEHOT', 'onehot');
    same('oNeS' as ShortcutName, 'ones');
  });

  it('the same random stream position gives the same draw', () => {
    const a = draw('normal', [null, 4], 3, 9);
    const b = draw('normal', [null, 4], 3, 9);
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    tf.dispose([a, b]);
  });

  it('tensors and functions pass through', () => {
    const t = tf.ones([2, 2]);
    expect(shortcutSource(t, [null, 2], 'x', 'f')).toBe(t);
    const f = (n: number) => tf.zeros([n, 2]);
    expect(shortcutSource(f, [null, 2], 'x', 'f')).toBe(f);
    t.dispose();
  });

  it('rejects unknown shortcuts and shortcuts for unknown shapes', () => {
    expect(() => shortcutSource('gauss' as never, [null, 2], 'Input 0', 'fit')).toThrowError(InvalidArgumentError);
    expect(() => shortcutSource('gauss' as never, [null, 2], 'Input 0', 'fit')).toThrowError(/Input 0 passed to 'fit'.*Received: "gauss"/);
    expect(() => shortcutSource('normal', [null, null], 'Input 0', 'fit')).toThrowError(/unknown dimensions/);
    expect(() => shortcutSource('0.5' as never, [null, 2], 'Target', 'fit')).toThrowError(/or one of 'normal', 'uniform', 'zeros', '0', 'ones', '1', 'onehot', 'ohe' \(in any case\). Received: "0.5"/);
    expect(() => shortcutSource('Ohe', [null, null], 'Input 1', 'fit')).toThrowError(/uses the shortcut 'Ohe', but its shape \[,\] has unknown dimensions/);
  });
});
