import { describe, expect, it } from 'vitest';
import { parseParams } from './params';

const info = { presets: { ring: { preset: 'ring', seed: 1 }, tiny: { preset: 'tiny', seed: 2 } }, defaultPreset: 'ring' };

describe('parseParams', () => {
  it('defaults to the default preset on auto, and passes on only the options named', () => {
    expect(parseParams('', info)).toEqual({ presetName: 'ring', presetNamed: false, preset: info.presets.ring, backend: 'auto', init: {} });
    expect(parseParams('?preset=tiny&backend=wasm&autosave=0&quality=12.5&qualitySamples=64&pauseAt=40&threads=2', info)).toEqual({
      presetName: 'tiny',
      presetNamed: true,
      preset: info.presets.tiny,
      backend: 'wasm',
      init: { autosaveSeconds: 0, qualitySeconds: 12.5, qualitySamples: 64, pauseAt: 40, threads: 2 },
    });
    // Naming the default preset is still naming one: the worker keeps it on every backend.
    expect(parseParams('?preset=ring', info).presetNamed).toBe(true);
  });

  it('says what it expected and echoes what it received', () => {
    expect(() => parseParams('?preset=huge', info)).toThrow('Unknown preset in ?preset=. Expected one of ring, tiny. Received: huge');
    expect(() => parseParams('?backend=metal', info)).toThrow('Unknown backend in ?backend=. Expected one of auto, webgpu, webgl, wasm, cpu. Received: metal');
    expect(() => parseParams('?quality=-1', info)).toThrow('Bad ?quality=: expected a number of seconds (0 turns it off). Received: -1');
    expect(() => parseParams('?qualitySamples=1', info)).toThrow('Bad ?qualitySamples=: expected an integer >= 2');
  });

  it('takes ?pauseAt= as a positive integer only', () => {
    expect(parseParams('?pauseAt=1', info).init).toEqual({ pauseAt: 1 });
    for (const bad of ['0', '-3', '2.5', '', 'ten', '1e400']) {
      expect(() => parseParams(`?pauseAt=${bad}`, info)).toThrow(`Bad ?pauseAt=: expected a positive integer (the step at which training pauses by itself). Received: ${bad}`);
    }
  });

  it('takes ?threads= as a positive integer only', () => {
    expect(parseParams('?threads=1', info).init).toEqual({ threads: 1 });
    for (const bad of ['0', '-1', '1.5', '', 'all']) {
      expect(() => parseParams(`?threads=${bad}`, info)).toThrow(`Bad ?threads=: expected a positive integer (the wasm backend's threads). Received: ${bad}`);
    }
  });
});
