import { describe, expect, it } from 'vitest';
import { ARROW_PX, heatmapColour, heatmapPixels, legendLines } from './overlays';

describe('page overlays: colours and legend (no DOM)', () => {
  it('heatmapColour runs purple (fake) through white to green (real), clamped', () => {
    expect(heatmapColour(0)).toEqual([206, 178, 232]);
    expect(heatmapColour(0.5)).toEqual([255, 255, 255]);
    expect(heatmapColour(1)).toEqual([170, 222, 184]);
    expect(heatmapColour(2)).toEqual(heatmapColour(1));
    expect(heatmapColour(Number.NaN)).toEqual(heatmapColour(0.5));
  });

  it('a probability is drawn on the fixed scale, its real end low by default', () => {
    const pixels = heatmapPixels(new Float32Array([0, 0.5, 1, 0.25]), { side: 2, scale: 'probability', realHigh: false, legend: '' });
    expect(Array.from(pixels.slice(0, 4))).toEqual([...heatmapColour(1), 255]);
    expect(Array.from(pixels.slice(4, 8))).toEqual([...heatmapColour(0.5), 255]);
    expect(Array.from(pixels.slice(8, 12))).toEqual([...heatmapColour(0), 255]);
    expect(Array.from(pixels.slice(12, 16))).toEqual([...heatmapColour(0.75), 255]);
  });

  it("a critic is scaled by its panel's min and max", () => {
    const pixels = heatmapPixels(new Float32Array([-3, 1, 5, 1]), { side: 2, scale: 'panel', realHigh: true, legend: '' });
    expect(Array.from(pixels.slice(0, 4))).toEqual([...heatmapColour(0), 255]);
    expect(Array.from(pixels.slice(4, 8))).toEqual([...heatmapColour(0.5), 255]);
    expect(Array.from(pixels.slice(8, 12))).toEqual([...heatmapColour(1), 255]);
  });

  it('has one legend line per overlay that is on, and none without overlays', () => {
    expect(legendLines({})).toEqual([]);
    const lines = legendLines({ overlays: { heatmap: { side: 2, scale: 'panel', realHigh: true, legend: 'H' }, arrows: { legend: 'A' } } });
    expect(lines).toEqual(['H', `A; each panel's longest arrow is ${ARROW_PX} px`]);
  });
});
