import { describe, expect, it } from 'vitest';
import type { KnobSpec } from '../protocol';
import { knobChange, KnobState } from './knob-state';

const specs: KnobSpec[] = [
  { key: 'lrD', label: 'D learning rate', type: 'number' },
  { key: 'heatmap', label: 'D heatmap', type: 'select', options: ['on', 'off'], live: true },
];
const knobs = { preset: 'ring', lrD: 0.001, heatmap: 'on' };

describe('knobChange', () => {
  it('is none when nothing changed, a number written another way included', () => {
    expect(knobChange(specs, knobs, { ...knobs })).toBe('none');
    expect(knobChange(specs, knobs, { ...knobs, lrD: 1e-3 })).toBe('none');
  });

  it('is live when only live knobs changed, and restart when any other did', () => {
    expect(knobChange(specs, knobs, { ...knobs, heatmap: 'off' })).toBe('live');
    expect(knobChange(specs, knobs, { ...knobs, heatmap: 'off', lrD: 0.002 })).toBe('restart');
    expect(knobChange(specs, knobs, { ...knobs, preset: 'grid' })).toBe('restart');
    // A knob added or dropped is a change too.
    expect(knobChange(specs, knobs, { ...knobs, data: '' })).toBe('restart');
  });
});

describe('KnobState', () => {
  it('makes an unchanged commit a no-op, and keeps live and other changes as the knobs in force', () => {
    const state = new KnobState(specs, knobs);
    expect(state.commit({ ...knobs })).toBe('none');
    expect(state.commit({ ...knobs, heatmap: 'off' })).toBe('live');
    expect(state.current).toEqual({ ...knobs, heatmap: 'off' });
    // The same live edit again changes nothing more.
    expect(state.commit({ ...knobs, heatmap: 'off' })).toBe('none');
    expect(state.commit({ ...knobs, lrD: 0.01 })).toBe('restart');
    state.reported({ ...knobs, preset: 'grid' });
    expect(state.commit({ ...knobs, preset: 'grid' })).toBe('none');
  });

  it("holds a link's knobs until other knobs are in force", () => {
    const state = new KnobState(specs, knobs);
    expect(state.fromLink).toBe(false);
    state.link({ ...knobs, lrD: 0.005 });
    expect(state.current).toEqual({ ...knobs, lrD: 0.005 });
    // The worker reports the link's knobs: still the link's run.
    state.reported({ ...knobs, lrD: 0.005 });
    expect(state.fromLink).toBe(true);
    expect(state.commit({ ...knobs, lrD: 0.005 })).toBe('none');
    expect(state.fromLink).toBe(true);
    // A live toggle is a change too: a reload would not show it.
    expect(state.commit({ ...knobs, lrD: 0.005, heatmap: 'off' })).toBe('live');
    expect(state.fromLink).toBe(false);
  });
});
