import type { DemoInfo, Knobs } from '../protocol';

/** The backends with no GPU behind them. */
const WITHOUT_GPU: ReadonlySet<string> = new Set(['wasm', 'cpu']);

/** A preset picked for a backend; `why` is set when it is the demo's `withoutGpu` one. */
export interface BackendPreset {
  readonly name: string;
  readonly why?: string;
}

/**
 * The preset a run on `backend` starts when nobody chose one: `info.withoutGpu`'s
 * on wasm or cpu, else `info.defaultPreset`. The demos' worker and `gandlf train
 * <demo>` both pick with this.
 */
export function presetForBackend(info: Pick<DemoInfo<Knobs>, 'presets' | 'defaultPreset' | 'withoutGpu'>, backend: string): BackendPreset {
  const sized = WITHOUT_GPU.has(backend) ? info.withoutGpu : undefined;
  const name = sized?.preset ?? info.defaultPreset;
  if (!Object.hasOwn(info.presets, name))
    throw new Error(`The demo's ${sized ? 'withoutGpu' : 'default'} preset is not one of its presets (${Object.keys(info.presets).join(', ')}). Received: ${name}`);
  return sized ? { name, why: sized.why } : { name };
}

/** The knobs a run starts with, and the preset swapped in for the backend (absent when none was). */
export interface StartingKnobs<K extends Knobs> {
  readonly knobs: K;
  readonly preset?: { readonly name: string; readonly why: string };
}

/**
 * The knobs a fresh run starts with on `backend`. The page's own `knobs` are
 * kept unless they are the default preset untouched (`defaultPreset`); then the
 * worker, which alone knows the backend, picks the preset ({@link presetForBackend}).
 */
export function startingKnobs<K extends Knobs>(info: DemoInfo<K>, backend: string, knobs: K, defaultPreset: boolean): StartingKnobs<K> {
  if (!defaultPreset) return { knobs };
  const { name, why } = presetForBackend(info, backend);
  const preset = { ...(info.presets[name] as K) };
  return why === undefined ? { knobs: preset } : { knobs: preset, preset: { name, why } };
}
