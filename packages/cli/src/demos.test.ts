import { describe, expect, it } from 'vitest';
import { DEMOS, presetNames, resolvePreset } from './demos';
import { UsageError } from './errors';

describe('CLI presets', () => {
  it('are the demos’ presets, as <demo>/<preset>', () => {
    const names = presetNames();
    for (const [id, demo] of Object.entries(DEMOS)) {
      for (const preset of Object.keys(demo.info.presets)) expect(names).toContain(`${id}/${preset}`);
    }
    expect(names).toContain('mixtures/ring');
    expect(names).toContain('gan-mnist/dcgan');
  });

  it('resolve to a copy of the preset’s knobs', () => {
    const { demoId, presetName, knobs } = resolvePreset('mixtures/tiny');
    expect([demoId, presetName]).toEqual(['mixtures', 'tiny']);
    expect(knobs).toEqual(DEMOS.mixtures!.info.presets.tiny);
    knobs.seed = 99;
    expect(DEMOS.mixtures!.info.presets.tiny!.seed).not.toBe(99);
  });

  it('resolve a demo named alone to its default preset, or on cpu and wasm to its withoutGpu one, saying why', () => {
    const gan = DEMOS['gan-mnist']!.info;
    expect(gan.withoutGpu?.preset).toBe('dcgan-small');
    for (const backend of ['cpu', 'wasm']) {
      const r = resolvePreset('gan-mnist', backend);
      expect([r.presetName, r.why]).toEqual(['dcgan-small', gan.withoutGpu!.why]);
      expect(r.knobs).toEqual(gan.presets['dcgan-small']);
    }
    const nameAndWhy = (name: string, backend: string) => [resolvePreset(name, backend).presetName, resolvePreset(name, backend).why];
    for (const backend of ['webgl', 'webgpu']) expect(nameAndWhy('gan-mnist', backend)).toEqual(['dcgan', undefined]);
    // Named, a preset is what trains, on any backend; a demo without withoutGpu keeps its default.
    expect(nameAndWhy('gan-mnist/dcgan', 'wasm')).toEqual(['dcgan', undefined]);
    expect(nameAndWhy('mixtures', 'cpu')).toEqual(['ring', undefined]);
  });

  for (const name of ['mixtures/nope', 'nope/ring', 'ring', 'mixtures/ring/x', 'mixtures/toString', '__proto__/tiny']) {
    it(`rejects ${name}, listing the presets`, () => {
      expect(() => resolvePreset(name)).toThrow(UsageError);
      expect(() => resolvePreset(name)).toThrow(`Unknown preset. Expected <demo>/<preset>, one of: mixtures/ring,`);
      expect(() => resolvePreset(name)).toThrow(`Received: ${name}`);
    });
  }
});
