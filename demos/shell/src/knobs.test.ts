import { describe, expect, it } from 'vitest';
import { commonKnobs, ganDefaults, onlyLiveKnobsChanged, presetsFrom, trainingKnobs, type GanKnobs } from './knobs';

describe('the shared knobs', () => {
  it('presetsFrom names each preset, lays it over the defaults, and makes the defaults’ preset the default', () => {
    const defaults: GanKnobs = { ...ganDefaults, preset: 'big', latentDim: 8, width: 64, sampleEvery: 10 };
    const { presets, defaultPreset } = presetsFrom(defaults, { big: {}, tiny: { width: 4 } });
    expect(defaultPreset).toBe('big');
    expect(presets.tiny).toEqual({ ...defaults, width: 4, preset: 'tiny' });
    expect(presets.big).toEqual(defaults);
    expect(() => presetsFrom(defaults, { tiny: {} })).toThrow(/name preset 'big', which is not among tiny/);
  });

  it('trainingKnobs lists the usual training knobs in order, with a demo’s relabelling', () => {
    const specs = trainingKnobs({ lrG: { label: 'G+E learning rate' } });
    expect(specs.map((s) => s.key)).toEqual(['batchSize', 'lrD', 'lrG', 'beta1', 'loss', 'adversarialOptimizer', 'unrollDepth']);
    expect(specs[2]).toEqual({ ...commonKnobs.lrG, label: 'G+E learning rate' });
    // The shared specs themselves are untouched.
    expect(commonKnobs.lrG.label).toBe('G learning rate');
  });

  it('onlyLiveKnobsChanged tells a live-knob change from a rebuild', () => {
    const specs = [{ ...commonKnobs.seed }, { key: 'digit', label: 'Digit', type: 'number', live: true } as const];
    expect(onlyLiveKnobsChanged(specs, { seed: 1, digit: 2 }, { seed: 1, digit: 3 })).toBe(true);
    expect(onlyLiveKnobsChanged(specs, { seed: 1, digit: 2 }, { seed: 2, digit: 3 })).toBe(false);
    expect(onlyLiveKnobsChanged(specs, { seed: 1, digit: 2 }, { seed: 1, digit: 2 })).toBe(false);
  });
});
