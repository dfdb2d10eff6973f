import { describe, expect, it } from 'vitest';
import type { DemoInfo, Knobs } from '../protocol';
import { presetForBackend, startingKnobs } from './backend-preset';

const presets = { big: { preset: 'big', width: 64 }, small: { preset: 'small', width: 32 } };
const info = { presets, defaultPreset: 'big', withoutGpu: { preset: 'small', why: 'it reaches good samples sooner on a CPU' } } as unknown as DemoInfo<Knobs>;

describe('startingKnobs', () => {
  it('starts the withoutGpu preset on wasm and cpu when the page sent the default one untouched', () => {
    for (const backend of ['wasm', 'cpu']) {
      expect(startingKnobs(info, backend, presets.big, true)).toEqual({ knobs: presets.small, preset: { name: 'small', why: 'it reaches good samples sooner on a CPU' } });
    }
  });

  it('starts the default preset on a GPU backend, even when the page held the small one', () => {
    for (const backend of ['webgl', 'webgpu']) expect(startingKnobs(info, backend, presets.small, true)).toEqual({ knobs: presets.big });
  });

  it("keeps the page's knobs when the user chose them (a ?preset=, a link, an edit)", () => {
    const chosen = { preset: 'big', width: 48 };
    expect(startingKnobs(info, 'wasm', chosen, false)).toEqual({ knobs: chosen });
  });

  it('keeps the default preset on every backend for a demo without a withoutGpu preset', () => {
    const plain = { ...info, withoutGpu: undefined } as DemoInfo<Knobs>;
    expect(startingKnobs(plain, 'cpu', presets.big, true)).toEqual({ knobs: presets.big });
  });

  it("hands out a copy, so a run cannot change the demo's presets", () => {
    const { knobs } = startingKnobs(info, 'wasm', presets.big, true);
    (knobs as { width: number }).width = 1;
    expect(presets.small.width).toBe(32);
  });

  it('names a withoutGpu preset that does not exist', () => {
    const broken = { ...info, withoutGpu: { preset: 'medium', why: '' } } as DemoInfo<Knobs>;
    expect(() => startingKnobs(broken, 'wasm', presets.big, true)).toThrow(/withoutGpu preset is not one of its presets \(big, small\)\. Received: medium/);
  });
});

describe('presetForBackend', () => {
  it('names the withoutGpu preset and why on wasm and cpu, the default elsewhere', () => {
    expect(presetForBackend(info, 'cpu')).toEqual({ name: 'small', why: 'it reaches good samples sooner on a CPU' });
    expect(presetForBackend(info, 'webgpu')).toEqual({ name: 'big' });
  });

  it('names a default preset that does not exist', () => {
    expect(() => presetForBackend({ ...info, defaultPreset: 'huge' }, 'webgl')).toThrow(/default preset is not one of its presets \(big, small\)\. Received: huge/);
  });
});
