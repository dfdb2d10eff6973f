// The messages between a demo page and its training worker, and the demo
// description both sides share. Plain data only: everything here crosses
// postMessage (structured clone), and the page never loads tfjs.

/** Which tfjs backend to train on: `auto` tries webgpu, webgl (unless wasm is faster, as on a software renderer), wasm, then cpu. */
export type BackendChoice = 'auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];
/** tfjs backend names as people write them (the page, the gallery and the worker's notes). */
export const BACKEND_LABELS: Readonly<Record<Exclude<BackendChoice, 'auto'>, string>> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'wasm', cpu: 'CPU' };

/** What the worker is doing; the page mirrors it in `data-status`. */
export type Status = 'loading' | 'training' | 'paused' | 'error';

/** One knob value. Knobs are flat so they fit a form, a URL and checkpoint metadata. */
export type KnobValue = string | number;
/** A demo's settings: a flat record, e.g. `{ batchSize: 64, loss: 'hinge' }`. */
export type Knobs = Record<string, KnobValue>;
/** One step's metrics: `loss`, `generator_loss`, `discriminator_src_fake_loss`, ... */
export type Logs = Record<string, number>;

/** How the page shows one knob. */
export interface KnobSpec {
  /** The key in the demo's knobs record. */
  readonly key: string;
  readonly label: string;
  /** One line shown as a tooltip. */
  readonly help?: string;
  readonly type: 'number' | 'select';
  /** The choices of a `select`. */
  readonly options?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** The input's step; `any` when absent. */
  readonly step?: number;
  /**
   * The trainer re-reads this knob on every step or view (e.g. which digit a
   * conditional grid shows): changing only live knobs updates the knobs in
   * place and redraws, without restarting training.
   */
  readonly live?: boolean;
}

/** What page and worker both know about a demo (its `config.ts`). */
export interface DemoInfo<K extends Knobs = Knobs> {
  /** Short id: the IndexedDB prefix (`indexeddb://${id}/...`) and file-name prefix. */
  readonly id: string;
  readonly title: string;
  /** One paragraph for the page header and the gallery card. */
  readonly description: string;
  /** Named presets; `tiny` is the one tests use (`?preset=tiny`). */
  readonly presets: Readonly<Record<string, K>>;
  /** The preset a page opens with when the URL names none. */
  readonly defaultPreset: string;
  /**
   * The preset a page that names none starts instead of `defaultPreset` when
   * training runs on wasm or cpu (no GPU), and why, in a sentence the page
   * shows (a measured reason: it reaches good samples sooner there).
   * @default none: `defaultPreset` on every backend
   */
  readonly withoutGpu?: { readonly preset: string; readonly why: string };
  /** The knobs the page shows, in order. */
  readonly knobs: readonly KnobSpec[];
  /** The metrics the loss chart plots for every run. */
  readonly chartMetrics: readonly string[];
  /** Files the demo trains on, picked or dropped on the page; absent: the page offers none. */
  readonly input?: {
    /** The picker's label, e.g. 'CIFAR-10 batches or images'. */
    readonly label: string;
    /** The file input's `accept`, e.g. '.bin,image/*'. */
    readonly accept: string;
  };
}

/** The fields of a demo's package.json the shell reads: its title and description are written there once. */
export interface DemoPackage {
  /** `@gandlf/demo-<id>`. */
  readonly name: string;
  /** Shown on the demo's page and its gallery card. */
  readonly description: string;
  readonly gandlf: { readonly title: string };
}

/** A demo's id, title and description, from its package.json (the gallery reads them there too). */
export function demoAbout(pkg: DemoPackage): Pick<DemoInfo, 'id' | 'title' | 'description'> {
  const id = /^@gandlf\/demo-([a-z0-9-]+)$/.exec(pkg.name)?.[1];
  if (!id) throw new Error(`A demo's package is named @gandlf/demo-<id>. Received: ${pkg.name}`);
  return { id, title: pkg.gandlf.title, description: pkg.description };
}

/** A grid of generated images, as RGBA pixels ready for `putImageData`. */
export interface ImageView {
  readonly kind: 'image';
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8ClampedArray;
}

/** 2-D samples: real points and one panel of generated points per run. */
export interface PointsView {
  readonly kind: 'points';
  /** Half the side of the square every panel shows, centred on the origin. */
  readonly extent: number;
  /** The mixture's centres, `x0, y0, x1, y1, ...`. */
  readonly centers: Float32Array;
  /** The components' standard deviation: modes are drawn as rings of radius 3 std. */
  readonly std: number;
  /** A fixed sample of real points, drawn under every panel. */
  readonly real: Float32Array;
  readonly panels: ReadonlyArray<PointsPanel>;
  /** How to draw the panels' overlays; each part is present only while its toggle is on. */
  readonly overlays?: PointsOverlays;
}

/** Sample-quality values of one view by run key, then by name (e.g. `{ unrolled: { modes: 8, reverseKL: 0.1 } }`): the page charts them over steps. */
export type ViewMetrics = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** One run's panel of a points view. */
export interface PointsPanel {
  readonly key: string;
  readonly label: string;
  readonly points: Float32Array;
  readonly caption: string;
  /** D(x) at the centres of `overlays.heatmap.side`² cells covering the panel, row by row from the top-left cell (x = -extent, y = +extent). */
  readonly heatmap?: Float32Array;
  /** Arrows on generated points: tails `at` (`x0, y0, ...`) and vectors `push` (`dx0, dy0, ...`), minus the gradient of G's loss with respect to each point. */
  readonly arrows?: { readonly at: Float32Array; readonly push: Float32Array };
  /** G over a latent grid of `overlays.mesh.rows` × `cols` vertices, `x, y` per vertex, row by row. */
  readonly mesh?: Float32Array;
}

/** How the page draws the overlays the worker computed (it only draws them). */
export interface PointsOverlays {
  readonly heatmap?: {
    readonly side: number;
    /** `probability`: D is a sigmoid, drawn on the fixed scale 0 to 1; `panel`: an unbounded critic, each panel scaled from its own min to max. */
    readonly scale: 'probability' | 'panel';
    /** Whether D scores real data high (e.g. a WGAN critic) or low (gandlf's cross-entropy targets: real -> 0). */
    readonly realHigh: boolean;
    /** One line saying what the colours mean. */
    readonly legend: string;
  };
  readonly arrows?: { readonly legend: string };
  readonly mesh?: { readonly rows: number; readonly cols: number; readonly legend: string };
}

/** 2-D points coloured by class, e.g. an encoder's codes coloured by digit. */
export interface ScatterView {
  readonly kind: 'scatter';
  /** Half the side of the square shown, centred on the origin. */
  readonly extent: number;
  /** `x0, y0, x1, y1, ...` */
  readonly points: Float32Array;
  /** The class of every point, indexing the palette. */
  readonly labels: Uint8Array;
  readonly caption: string;
}

/** Several views side by side on the one sample canvas, each with a caption above it. */
export interface PanelsView {
  readonly kind: 'panels';
  readonly panels: ReadonlyArray<(ImageView | ScatterView) & { readonly caption: string }>;
}

/** What the sample canvas shows, plus extra values the page exposes on `<body>` (e.g. `modes`). */
export type View = (ImageView | PointsView | PanelsView) & {
  readonly dataset?: Readonly<Record<string, string>>;
  /** Charted beside the losses, one chart per name (see {@link ViewMetrics}). */
  readonly metrics?: ViewMetrics;
};

/** A model trained by the demo, e.g. `{ key: 'unrolled', label: 'Unrolled (5)' }`. */
export interface RunInfo {
  readonly key: string;
  readonly label: string;
}

/** A file for the page to offer as a download. */
export interface FileOut {
  readonly name: string;
  readonly mime: string;
  readonly data: ArrayBuffer | string;
}

/** Page -> worker. */
export type Command =
  | {
      readonly type: 'init';
      readonly backend: BackendChoice;
      readonly knobs: Knobs;
      /** A slot to restore and go on training from (after a crash or a lost GPU context). */
      readonly resume?: string;
      /** Save every run to the `autosave` slot this often while training; 0 is off. @default 30 */
      readonly autosaveSeconds?: number;
      /** Measure sample quality (demos with `Trainer.quality`) this often while training; 0 is off. @default 60 */
      readonly qualitySeconds?: number;
      /** Samples each quality measurement scores (an integer >= 2), e.g. fewer for tests. @default 1000 (QUALITY_SAMPLES of the MNIST demos) */
      readonly qualitySamples?: number;
      /** Pause by itself once a run reaches this step (every run after a restart too), e.g. to compare two runs at one step. @default never */
      readonly pauseAt?: number;
      /** Threads for the wasm backend (an integer >= 1; a cross-origin-isolated page gets more than 1). @default every core `navigator.hardwareConcurrency` reports */
      readonly threads?: number;
      /**
       * `knobs` are the demo's default preset, untouched (the URL named none, no link or checkpoint):
       * the worker starts the preset for the backend it picked (`DemoInfo.withoutGpu` on wasm or cpu).
       * @default false: `knobs` as sent
       */
      readonly defaultPreset?: boolean;
    }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  /** Fresh weights, same knobs. */
  | { readonly type: 'reset' }
  /** New knobs: training restarts from scratch. */
  | { readonly type: 'setKnobs'; readonly knobs: Knobs }
  /** Saves every run to IndexedDB under a new slot. */
  | { readonly type: 'save' }
  | { readonly type: 'load'; readonly slot: string }
  | { readonly type: 'list' }
  | { readonly type: 'remove'; readonly slot: string }
  /** Every run's generator as tfjs `model.json` + weights files. */
  | { readonly type: 'exportGenerator' }
  /**
   * Measures sample quality now, between steps (e.g. once training is paused,
   * as `gandlf train` does): answered by one `quality` event, with empty
   * `values` when the demo's trainer measures none.
   */
  | { readonly type: 'measureQuality' }
  /** Files the user picked or dropped, for demos with `input`. */
  | { readonly type: 'files'; readonly files: readonly File[] }
  /**
   * While paused: one training step of every run, then stay paused. `only`
   * names the one player to update (as a `Scheduled` step of it; the others
   * are scored, not moved); absent, each run's own adversarial optimizer steps.
   */
  | { readonly type: 'step'; readonly only?: string }
  /** Slow motion on or off: a view after every step, and a pause of `SLOW_MOTION_MS` between steps. */
  | { readonly type: 'pace'; readonly slow: boolean };

/** The pause between two steps in slow motion. */
export const SLOW_MOTION_MS = 400;

/** Updates each player took in one step, by run key, then player name (`model.lastUpdates`): `{ alternating: { discriminator: 5, generator: 1 } }`. */
export type StepMoves = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** The slot the worker saves to by itself while training. */
export const AUTOSAVE_SLOT = 'autosave';

/** Worker -> page. */
export type WorkerEvent =
  /** The worker runs, holding the Web Lock `lock` until it dies (null: no Web Locks here). */
  | { readonly type: 'alive'; readonly lock: string | null }
  /**
   * The backend in use, why faster ones were skipped, and the device behind it (e.g. 'google swiftshader');
   * `preset`: the preset the worker starts for this backend in place of the page's default one, and why.
   */
  | { readonly type: 'backend'; readonly backend: string; readonly notes: readonly string[]; readonly detail: string; readonly preset?: { readonly name: string; readonly why: string } }
  | {
      readonly type: 'state';
      readonly status: Status;
      readonly step: number;
      readonly stepsPerSec: number;
      /** A line for the status bar, e.g. 'Loading MNIST (47 MB)…'. */
      readonly message: string;
      /** tf.memory().numTensors, to spot leaks. */
      readonly tensors: number;
    }
  /** Logs of the steps since the last message, per run, with who moved in each step. */
  | { readonly type: 'logs'; readonly entries: ReadonlyArray<{ readonly step: number; readonly logs: Readonly<Record<string, Logs>>; readonly moves: StepMoves }> }
  /**
   * The runs a new trainer trains; `quality`: it measures sample quality (`Trainer.quality`), so `measureQuality` gets values;
   * `players`: the first run's player names, which the step buttons offer.
   */
  | { readonly type: 'runs'; readonly runs: readonly RunInfo[]; readonly quality: boolean; readonly players: readonly string[] }
  /** A fingerprint (hex hash of every weight's bytes) of each player's weights, by run key then player: posted on pause and after each `step`. */
  | { readonly type: 'weights'; readonly step: number; readonly runs: Readonly<Record<string, Readonly<Record<string, string>>>> }
  | { readonly type: 'view'; readonly step: number; readonly view: View }
  /** The knobs now in force (after init, a change, or a load). */
  | { readonly type: 'knobs'; readonly knobs: Knobs }
  | { readonly type: 'checkpoints'; readonly slots: readonly string[] }
  | { readonly type: 'saved'; readonly slot: string; readonly step: number }
  /** Every run was saved to AUTOSAVE_SLOT at `step`. */
  | { readonly type: 'autosaved'; readonly slot: string; readonly step: number }
  /** The GPU context is gone, and this worker with it: the page restores the latest checkpoint in a fresh one. */
  | { readonly type: 'deviceLost'; readonly backend: string; readonly step: number; readonly message: string }
  /** Sample-quality metrics at `step` (e.g. `{ frechet, digits, confidence }`); `{}`: the demo measures none (a `measureQuality` answer). */
  | { readonly type: 'quality'; readonly step: number; readonly values: Readonly<Record<string, number>> }
  /** `init` with `resume` restored `slot` at `step`, and training goes on. */
  | { readonly type: 'restored'; readonly slot: string; readonly step: number }
  | { readonly type: 'loaded'; readonly slot: string }
  | { readonly type: 'files'; readonly files: readonly FileOut[] }
  /** `fatal`: training cannot go on until a reset or a reload. */
  | { readonly type: 'error'; readonly message: string; readonly fatal: boolean };
