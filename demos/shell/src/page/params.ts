import { BACKEND_CHOICES, type BackendChoice, type Command, type DemoInfo, type Knobs } from '../protocol';

/** What `init` takes from the query string (see the `init` command for each field). */
export type InitOptions = Pick<Extract<Command, { type: 'init' }>, 'autosaveSeconds' | 'qualitySeconds' | 'qualitySamples' | 'pauseAt' | 'threads'>;

/** A demo page's query string, checked. */
export interface PageParams {
  /** `?preset=`, else the demo's default preset. */
  readonly presetName: string;
  /** The URL named the preset (`?preset=`): the worker must not swap in one sized to its backend. */
  readonly presetNamed: boolean;
  /** That preset's knobs. */
  readonly preset: Knobs;
  /** `?backend=`, else `auto`. */
  readonly backend: BackendChoice;
  /** Only the options the query string names, so the worker's defaults apply to the others. */
  readonly init: InitOptions;
}

/**
 * Reads `?preset=`, `?backend=`, `?autosave=` and `?quality=` (seconds; 0 is
 * off), `?qualitySamples=`, `?pauseAt=` and `?threads=`. Throws an error saying what was
 * expected and what was received, for the page to show, at the first bad one.
 */
export function parseParams(search: string, info: Pick<DemoInfo, 'presets' | 'defaultPreset'>): PageParams {
  const params = new URLSearchParams(search);
  const presetName = params.get('preset') ?? info.defaultPreset;
  const preset = info.presets[presetName];
  if (!preset) throw new Error(`Unknown preset in ?preset=. Expected one of ${Object.keys(info.presets).join(', ')}. Received: ${presetName}`);
  const backend = params.get('backend') ?? 'auto';
  if (!isBackend(backend)) throw new Error(`Unknown backend in ?backend=. Expected one of ${BACKEND_CHOICES.join(', ')}. Received: ${backend}`);
  const init: { -readonly [K in keyof InitOptions]: InitOptions[K] } = {};
  for (const [param, key] of [
    ['autosave', 'autosaveSeconds'],
    ['quality', 'qualitySeconds'],
  ] as const) {
    const raw = params.get(param);
    if (raw === null) continue;
    if (!(Number.isFinite(Number(raw)) && Number(raw) >= 0)) throw new Error(`Bad ?${param}=: expected a number of seconds (0 turns it off). Received: ${raw}`);
    init[key] = Number(raw);
  }
  const samples = params.get('qualitySamples');
  if (samples !== null) {
    if (!isInteger(samples, 2)) throw new Error(`Bad ?qualitySamples=: expected an integer >= 2 (the samples each quality measurement scores). Received: ${samples}`);
    init.qualitySamples = Number(samples);
  }
  const pauseAt = params.get('pauseAt');
  if (pauseAt !== null) {
    if (!isInteger(pauseAt, 1)) throw new Error(`Bad ?pauseAt=: expected a positive integer (the step at which training pauses by itself). Received: ${pauseAt}`);
    init.pauseAt = Number(pauseAt);
  }
  const threads = params.get('threads');
  if (threads !== null) {
    if (!isInteger(threads, 1)) throw new Error(`Bad ?threads=: expected a positive integer (the wasm backend's threads). Received: ${threads}`);
    init.threads = Number(threads);
  }
  return { presetName, presetNamed: params.has('preset'), preset, backend, init };
}

function isBackend(name: string): name is BackendChoice {
  return (BACKEND_CHOICES as readonly string[]).includes(name);
}

/** Whether `raw` is written as an integer of at least `min` (an empty value is not one). */
function isInteger(raw: string, min: number): boolean {
  return raw.trim() !== '' && Number.isInteger(Number(raw)) && Number(raw) >= min;
}
