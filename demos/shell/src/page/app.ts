import { BACKEND_CHOICES, type BackendChoice, type Command, type DemoInfo, type Knobs, type Status, type WorkerEvent } from '../protocol';
import { renderCheckpoints } from './checkpoints';
import { WorkerConnection } from './connection';
import { KnobForm } from './controls';
import { Downloads } from './downloads';
import { wireInput } from './input';
import { KnobState } from './knob-state';
import { LAYOUT } from './layout';
import { parseParams, type PageParams } from './params';
import { Recovery } from './recovery';
import { RunCharts } from './run-charts';
import { decodeRun, runCode, shareControl, withoutRun } from './share';
import { StatusBar } from './status-bar';
import { Stepper } from './stepper';
import type { PageTool } from './tool';
import { mountTools, toolSection } from './tool-host';
import { drawView, upscaled } from './view';
import { ViewDataset } from './view-dataset';

/** Options of {@link mountDemo}. */
export interface MountDemoOptions<K extends Knobs> {
  /** The demo's description, shared with its worker (its `config.ts`). */
  info: DemoInfo<K>;
  /**
   * Starts the training worker. Write it in the demo, literally as
   * `() => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`,
   * so that Vite bundles the worker.
   */
  createWorker(): Worker;
  /** Where the page is built. @default the element with id `app`, else `document.body` */
  root?: HTMLElement;
  /** The query string with `preset`, `backend`, `autosave` and `quality` (seconds; 0 is off), `qualitySamples` and `pauseAt` (see parseParams). @default location.search */
  search?: string;
  /** The location hash: `#run=<code>` starts the run a 'Copy link to this run' link holds instead of the preset's. @default location.hash */
  hash?: string;
  /** The demo's own page controls, each built once when the page mounts (see PageTool). @default [] */
  tools?: readonly PageTool[];
}

/** A handle on a mounted demo page. */
export interface DemoPage {
  /** Stops the worker. */
  stop(): void;
}

/**
 * Builds a demo page: live samples and losses, controls, knobs, checkpoints
 * and exports, with training in a Web Worker. The page's state is also on
 * `<body>` for tests: `data-status`, `data-step`, `data-backend`,
 * `data-backend-notes`, `data-backend-detail`, `data-losses` (latest logs by run), `data-grid-hash`,
 * `data-checkpoints`, `data-knobs`, `data-error`, `data-latest-checkpoint` (`slot@step`),
 * `data-device-lost`, `data-restored` (`slot@step`), `data-quality` (`{ step, ...metrics }`),
 * `data-quality-count` (scores shown so far, periodic and 'Measure now' ones), `data-step-log`
 * (`[{ step, moves }]`, the latest 20 steps, newest last), `data-weights` (`{ step, runs }`,
 * fingerprints posted on pause and after each step), `data-metrics` (the latest view's metrics),
 * `data-share-url` (the latest 'Copy link to this run' link), and whatever the latest view adds
 * (e.g. `data-modes`; a key a later view drops is removed).
 *
 * @example mountDemo({ info, createWorker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) })
 */
export function mountDemo<K extends Knobs>({ info, createWorker, root, search = location.search, hash = location.hash, tools = [] }: MountDemoOptions<K>): DemoPage {
  const host = root ?? document.getElementById('app') ?? document.body;
  host.innerHTML = LAYOUT;
  const el = <T extends HTMLElement = HTMLElement>(role: string) => host.querySelector<T>(`[data-role="${role}"]`)!;
  const body = document.body;
  const expose = (key: string, value: string | number) => (body.dataset[key] = String(value));
  document.title = `${info.title} · gandlf`;
  el('title').textContent = info.title;
  el('description').textContent = info.description;

  const bar = new StatusBar(el, expose);
  const showError = (message: string) => bar.error(message);
  const showWarning = (message: string) => bar.warning(message);
  /** The worker is gone: offer to pick the run up from the latest checkpoint (or afresh). */
  const offerRecovery = (message: string) => {
    const latest = recovery.latest;
    showError(latest ? `${message} The latest checkpoint is '${latest.slot}' (step ${latest.step}).` : `${message} No checkpoint was saved in this session.`);
    const button = el<HTMLButtonElement>('recover');
    button.textContent = latest ? `Resume from '${latest.slot}' (step ${latest.step})` : 'Start again';
    button.hidden = false;
    status = 'error';
    setButtons();
  };
  // Last line of defence: nothing on this page may fail silently or uncaught.
  window.addEventListener('error', (e) => {
    e.preventDefault();
    showError(e.message || String(e.error));
  });
  window.addEventListener('unhandledrejection', (e) => {
    e.preventDefault();
    showError(e.reason instanceof Error ? e.reason.message : String(e.reason));
  });

  let params: PageParams;
  try {
    params = parseParams(search, info);
  } catch (e) {
    showError(e instanceof Error ? e.message : String(e));
    return { stop() {} };
  }
  const { presetName, preset } = params;
  /**
   * The run is the default preset untouched (no ?preset=, no link, no edit), so
   * the worker may start the preset sized to its backend (`DemoInfo.withoutGpu`).
   */
  let defaultPreset = !params.presetNamed && runCode(hash) === null;
  /** The knobs last committed or reported, to tell live-only edits (see KnobSpec.live) and unchanged ones. */
  const knobs = new KnobState(info.knobs, preset);
  const recovery = new Recovery();
  let backend: BackendChoice = params.backend;

  const samples = el<HTMLCanvasElement>('samples');
  const charts = new RunCharts({ chart: el<HTMLCanvasElement>('chart'), legend: el('legend'), metrics: el('metrics'), metricCharts: el('metric-charts') }, info.chartMetrics, body.dataset);
  const downloads = new Downloads(el('downloads'));
  /** The latest view's own entries on `<body>`: a key it no longer sends is removed. */
  const viewDataset = new ViewDataset(body.dataset);
  let status: Status = 'loading';
  let step = 0;
  /** A `measureQuality` is on its way: the button waits for its answer. */
  let measuring = false;
  let qualityCount = 0;
  /** stop() was called: a `#run=` link decoded later starts nothing. */
  let stopped = false;
  const send = (command: Command) => connection.send(command);
  /** For what a later start sends anyway (knobs, slow motion): before the first start, or after a crash, nothing is lost. */
  const sendIfRunning = (command: Command) => {
    if (connection.running) connection.send(command);
  };
  const stepper = new Stepper({ step: el<HTMLButtonElement>('step'), players: el('step-players'), slow: el<HTMLInputElement>('slow-motion'), log: el('step-log') }, sendIfRunning, body.dataset);

  const setButtons = () => {
    el<HTMLButtonElement>('pause').disabled = status !== 'training';
    el<HTMLButtonElement>('resume').disabled = status !== 'paused';
    el<HTMLButtonElement>('reset').disabled = status === 'loading';
    el<HTMLButtonElement>('save').disabled = status !== 'training' && status !== 'paused';
    el<HTMLButtonElement>('export-generator').disabled = status !== 'training' && status !== 'paused';
    el<HTMLButtonElement>('measure').disabled = measuring || (status !== 'training' && status !== 'paused');
    stepper.setStatus(status);
  };

  const showCheckpoints = (slots: readonly string[]) => {
    expose('checkpoints', JSON.stringify(slots));
    renderCheckpoints(el('checkpoints'), slots, send);
  };
  /** The URL keeps `#run=` only while the link's knobs are in force. */
  const syncLink = () => {
    const href = withoutRun(location.href);
    if (!knobs.fromLink && href !== location.href) history.replaceState(null, '', href);
  };

  const onEvent = (event: WorkerEvent) => {
    switch (event.type) {
      case 'backend':
        bar.backend(event);
        return;
      case 'state':
        status = event.status;
        step = event.step;
        bar.state(event);
        setButtons();
        return;
      case 'logs':
        charts.logs(event.entries);
        stepper.push(event.entries);
        return;
      case 'runs':
        delete body.dataset.weights;
        charts.reset(event.runs);
        stepper.reset(event.runs, event.players ?? []); // none from a worker older than the step buttons
        // Only trainers that measure quality get the button.
        el('measure').hidden = !event.quality;
        return;
      case 'view': {
        const gridHash = drawView(samples, event.view);
        viewDataset.show(event.view.dataset);
        expose('viewStep', event.step);
        expose('gridHash', gridHash);
        el('view-step').textContent = `at step ${event.step}`;
        charts.view(event.step, event.view);
        toolEvents.view(event.view, event.step);
        return;
      }
      case 'weights':
        expose('weights', JSON.stringify({ step: event.step, runs: event.runs }));
        return;
      case 'knobs':
        // New knobs mean a new run: the old run's losses no longer apply.
        charts.forgetLosses();
        expose('knobs', JSON.stringify(event.knobs));
        knobs.reported(event.knobs);
        syncLink();
        form.set(event.knobs);
        // A loaded checkpoint may come from another preset: keep the URL honest.
        if (typeof event.knobs.preset === 'string' && event.knobs.preset in info.presets) updateUrl('preset', event.knobs.preset);
        toolEvents.knobs(event.knobs);
        return;
      case 'checkpoints':
        showCheckpoints(event.slots);
        return;
      case 'saved':
        expose('saved', event.slot);
        recovery.saved(event.slot, event.step);
        expose('latestCheckpoint', `${event.slot}@${event.step}`);
        return;
      case 'autosaved':
        recovery.saved(event.slot, event.step);
        expose('latestCheckpoint', `${event.slot}@${event.step}`);
        return;
      case 'deviceLost': {
        expose('deviceLost', event.message);
        const latest = recovery.latest;
        if (!recovery.lostContext()) {
          connection.terminate();
          offerRecovery(`${event.message} at step ${event.step}, again: this device keeps losing it.`);
          return;
        }
        // A fresh worker gets a fresh context; the old one's tensors are gone.
        showWarning(
          `${event.message} at step ${event.step}. ${latest ? `Restoring checkpoint '${latest.slot}' (step ${latest.step}) on a fresh ${event.backend} backend…` : 'No checkpoint was saved yet: starting again on a fresh backend…'}`,
        );
        start(latest?.slot);
        return;
      }
      case 'restored':
        expose('restored', `${event.slot}@${event.step}`);
        showWarning(`Restored '${event.slot}' at step ${event.step}; training goes on.${body.dataset.deviceLost ? ` (${body.dataset.deviceLost}.)` : ''}`);
        return;
      case 'quality':
        measuring = false;
        setButtons();
        if (Object.keys(event.values).length) bar.quality(event, ++qualityCount); // {}: the demo measures none
        return;
      case 'alive':
        return;
      case 'loaded':
        // A checkpoint's knobs are the user's choice now, on any backend.
        defaultPreset = false;
        expose('loaded', event.slot);
        return;
      case 'files':
        downloads.offer(event.files.map((f) => ({ name: f.name, blob: new Blob([f.data], { type: f.mime }) })));
        return;
      case 'error':
        // A failed measurement answers with an error instead of a score.
        measuring = false;
        setButtons();
        if (event.fatal) showError(event.message);
        else showWarning(event.message);
        return;
    }
  };

  const connection = new WorkerConnection(createWorker, { onEvent, onCrash: offerRecovery });
  /** New knobs from the form or a tool: none changed is a no-op; live ones only update in place; any other restarts training. */
  const commitKnobs = (next: Knobs) => {
    form.set(next);
    const change = knobs.commit(next);
    if (change === 'none') return;
    defaultPreset = false;
    syncLink();
    if (typeof next.preset === 'string') updateUrl('preset', next.preset);
    if (change === 'live') {
      // The worker reports no knobs for a live change: say so here. The losses stay.
      expose('knobs', JSON.stringify(next));
      toolEvents.knobs(next);
    } else {
      charts.reset();
      recovery.newRun();
    }
    sendIfRunning({ type: 'setKnobs', knobs: next });
  };
  const form = new KnobForm(el('knobs'), info.knobs, info.presets, commitKnobs);
  form.set(preset);
  const toolEvents = mountTools(tools, {
    section: toolSection(el('tools')),
    canvas: samples,
    knobs: () => knobs.current,
    commit: commitKnobs,
    warn: showWarning,
    offer: (files) => downloads.offer(files),
    expose,
  });

  /** Starts a worker: a fresh run, or `resume`'s checkpoint trained on. */
  const start = (resume?: string) => {
    if (!resume) recovery.newRun();
    el('recover').hidden = true;
    status = 'loading';
    expose('status', 'loading');
    expose('step', 0);
    delete body.dataset.error;
    el('error').hidden = true;
    setButtons();
    charts.reset();
    stepper.reset([], []);
    connection.restart();
    measuring = false;
    send({ type: 'init', backend, knobs: form.get(), ...(resume ? { resume } : {}), ...(defaultPreset && !resume ? { defaultPreset } : {}), ...params.init });
    // A fresh worker trains at full speed.
    if (stepper.slow) send({ type: 'pace', slow: true });
  };

  const backendSelect = el<HTMLSelectElement>('backend-select');
  for (const b of BACKEND_CHOICES) backendSelect.append(new Option(b, b));
  backendSelect.value = backend;
  backendSelect.addEventListener('change', () => {
    backend = backendSelect.value as BackendChoice;
    updateUrl('backend', backend);
    start();
  });
  el('recover').addEventListener('click', () => start(recovery.latest?.slot));

  el('pause').addEventListener('click', () => send({ type: 'pause' }));
  el('resume').addEventListener('click', () => send({ type: 'resume' }));
  el('reset').addEventListener('click', () => {
    charts.reset();
    recovery.newRun();
    // After a crash there is no worker to reset: start a new one.
    if (connection.running) send({ type: 'reset' });
    else start();
  });
  el('save').addEventListener('click', () => send({ type: 'save' }));
  shareControl(
    { button: el<HTMLButtonElement>('share'), note: el('share-note'), field: el<HTMLInputElement>('share-url') },
    () => knobs.current,
    (url) => expose('shareUrl', url),
    showWarning,
  );
  el('measure').addEventListener('click', () => {
    measuring = true;
    setButtons();
    send({ type: 'measureQuality' });
  });
  el('export-generator').addEventListener('click', () => send({ type: 'exportGenerator' }));
  el('export-png').addEventListener('click', () => {
    upscaled(samples).toBlob((blob) => {
      if (blob) downloads.offer([{ name: `${info.id}-step${step}.png`, blob }]);
      else showWarning('This browser could not encode the samples as PNG.');
    }, 'image/png');
  });

  if (info.input) {
    const input = { section: el('input'), label: el('input-label'), picker: el<HTMLInputElement>('files') };
    wireInput(input, info.input, body, (files) => send({ type: 'files', files }), showWarning);
  }

  showCheckpoints([]);
  const code = runCode(hash);
  if (code === null) {
    start();
  } else {
    // The link's knobs start the run; decoding is async, so the worker waits for it.
    setButtons();
    decodeRun(code, preset, presetName).then(
      (linked) => {
        if (stopped) return;
        knobs.link(linked);
        form.set(linked);
        start();
      },
      (e: unknown) => {
        status = 'error';
        showError(e instanceof Error ? e.message : String(e));
        setButtons();
      },
    );
  }
  return {
    stop: () => {
      stopped = true;
      connection.terminate();
    },
  };
}

function updateUrl(key: string, value: string): void {
  const url = new URL(location.href);
  url.searchParams.set(key, value);
  history.replaceState(null, '', url);
}
