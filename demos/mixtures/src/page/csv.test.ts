import { DatasetError, pointsCsv } from '@gandlf/datasets';
import { describe, expect, it } from 'vitest';
import { panelExtent } from '../data';
import { decodePoints, encodePoints } from '../points-code';
import { downloadPoints, pointsInPanel } from './csv';
import { usePoints } from './use-points';

/** A page handle's knobs, and what the tools set and expose. */
function fakePage(knobs: Record<string, string | number>) {
  const exposed: Record<string, string> = {};
  const sets: Record<string, string | number>[] = [];
  return {
    exposed,
    sets,
    knobs: () => ({ ...knobs }),
    setKnobs: (patch: Readonly<Record<string, string | number>>) => void (sets.push({ ...patch }), Object.assign(knobs, patch)),
    expose: (key: string, value: string | number) => void (exposed[key] = String(value)),
  };
}

describe('the CSV tool', () => {
  it("keeps the points of the panel's square, and counts the others", () => {
    expect(panelExtent({ mixture: 'ring' })).toBe(3.5);
    expect(panelExtent({ mixture: 'grid' })).toBe(5.5);
    const { points, outside } = pointsInPanel('x,y\n0,0\n3.5,-3.5\n4,0\n0,-9\n', 3.5);
    expect(Array.from(points)).toEqual([0, 0, 3.5, -3.5]);
    expect(outside).toBe(2);
    expect(() => pointsInPanel('x,y\n9,9\n', 3.5)).toThrow("None of its 1 points lies in the panel's square, -3.5 to 3.5 on each axis.");
  });

  it("passes the parser's error on: it names the line and echoes it", () => {
    const bad = () => pointsInPanel('x,y\n0.5,0.5\n1.5,abc\n', 3.5);
    expect(bad).toThrow(DatasetError);
    expect(bad).toThrow('parsePointsCsv: line 3 must hold two numbers x, y. Received: "1.5,abc"');
  });

  it('downloads the data knob, or the latest real points on the mixture, or nothing before a view', () => {
    const real = new Float32Array([1, 2]);
    expect(downloadPoints({ data: '' }, real)).toBe(real);
    expect(downloadPoints({}, null)).toBeNull();
    expect(Array.from(downloadPoints({ data: encodePoints([0.5, -0.25]) }, real)!)).toEqual([0.5, -0.25]);
  });

  it('round-trips: a downloaded file, loaded again, gives the same data knob, and changes no knob', () => {
    const data = encodePoints(Float32Array.from({ length: 80 }, (_, i) => (i % 2 ? 1 : -1) + ((i * 7) % 9) * 0.01 - 0.04 + 1e-4 * (i % 3)));
    const text = pointsCsv(downloadPoints({ data }, null)!);
    const page = fakePage({ mixture: 'ring', data });
    expect(usePoints(page, pointsInPanel(text, 3.5).points)).toBe(false);
    expect(page.sets).toEqual([]);
    expect(JSON.parse(page.exposed.drawn!)).toEqual(Array.from({ length: 40 }, (_, i) => Array.from(decodePoints(data).slice(2 * i, 2 * i + 2), (v) => Math.round(v * 1000) / 1000)));
  });

  it('new points set the data knob (the worker restarts on them) and data-drawn', () => {
    const page = fakePage({ mixture: 'ring', data: '' });
    expect(usePoints(page, new Float32Array([0.1234, 1, -1, 2]))).toBe(true);
    expect(page.sets).toEqual([{ data: encodePoints([0.1234, 1, -1, 2]) }]);
    expect(page.exposed.drawn).toBe('[[0.123,1],[-1,2]]');
  });
});
