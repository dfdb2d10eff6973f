import { BACKEND_CHOICES, type BackendChoice, type DemoInfo, type Knobs, type Logs, type Status, type WorkerEvent } from '../protocol';
import { onlyLiveKnobsChanged } from '../knobs';
import { LossChart } from './chart';
import { WorkerConnection } from './connection';
import { KnobForm } from './controls';
import { Downloads } from './downloads';
import { droppedFiles } from './drop';
import { LAYOUT } from './layout';
import { Recovery } from './recovery';
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
  /** The query string with `preset`, `backend`, `autosave` and `quality` (seconds; 0 is off) and `qualitySamples`. @default location.search */
  search?: string;
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
 * `data-quality-count` (scores shown so far, periodic and 'Measure now' ones), and
 * whatever the latest view adds (e.g. `data-modes`; a key a later view drops is removed).
 *
 * @example mountDemo({ info, createWorker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) })
 */
export function mountDemo<K extends Knobs>({ info, createWorker, root, search = location.search }: MountDemoOptions<K>): DemoPage {
  const host = root ?? document.getElementById('app') ?? document.body;
  host.innerHTML = LAYOUT;
  const el = <T extends HTMLElement = HTMLElement>(role: string) => host.querySelector<T>(`[data-role="${role}"]`)!;
  const body = document.body;
  const expose = (key: string, value: string | number) => (body.dataset[key] = String(value));
  document.title = `${info.title} · gandlf`;
  el('title').textContent = info.title;
  el('description').textContent = info.description;

  const showError = (message: string) => {
    expose('status', 'error');
    expose('error', message);
    el('status').textContent = 'error';
    el('status').className = 'pill error';
    el('error-text').textContent = message;
    el('error').hidden = false;
  };
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
  const showWarning = (message: string) => {
    expose('warning', message);
    el('warning').textContent = `${message} (click to dismiss)`;
    el('warning').hidden = false;
  };
  el('warning').addEventListener('click', () => (el('warning').hidden = true));
  // Last line of defence: nothing on this page may fail silently or uncaught.
  window.addEventListener('error', (e) => {
    e.preventDefault();
    showError(e.message || String(e.error));
  });
  window.addEventListener('unhandledrejection', (e) => {
    e.preventDefault();
    showError(e.reason instanceof Error ? e.reason.message : String(e.reason));
  });

  const params = new URLSearchParams(search);
  const presetName = params.get('preset') ?? info.defaultPreset;
  const backendParam = params.get('backend') ?? 'auto';
  const preset = info.presets[presetName];
  if (!preset) {
    showError(`Unknown preset in ?preset=. Expected one of ${Object.keys(info.presets).join(', ')}. Received: ${presetName}`);
    return { stop() {} };
  }
  /** The knobs last sent or reported, to tell live-only edits (see KnobSpec.live). */
  let lastKnobs: Knobs = preset;
  if (!(BACKEND_CHOICES as readonly string[]).includes(backendParam)) {
    showError(`Unknown backend in ?backend=. Expected one of ${BACKEND_CHOICES.join(', ')}. Received: ${backendParam}`);
    return { stop() {} };
  }
  const periods: { autosaveSeconds?: number; qualitySeconds?: number } = {};
  for (const [param, key] of [
    ['autosave', 'autosaveSeconds'],
    ['quality', 'qualitySeconds'],
  ] as const) {
    const raw = params.get(param);
    if (raw === null) continue;
    if (!(Number.isFinite(Number(raw)) && Number(raw) >= 0)) {
      showError(`Bad ?${param}=: expected a number of seconds (0 turns it off). Received: ${raw}`);
      return { stop() {} };
    }
    periods[key] = Number(raw);
  }
  const samplesParam = params.get('qualitySamples');
  if (samplesParam !== null && !(Number.isInteger(Number(samplesParam)) && Number(samplesParam) >= 2)) {
    showError(`Bad ?qualitySamples=: expected an integer >= 2 (the samples each quality measurement scores). Received: ${samplesParam}`);
    return { stop() {} };
  }
  const qualitySamples = samplesParam === null ? {} : { qualitySamples: Number(samplesParam) };
  const recovery = new Recovery();
  let backend = backendParam as BackendChoice;

  const samples = el<HTMLCanvasElement>('samples');
  const chart = new LossChart(el<HTMLCanvasElement>('chart'), el('legend'), info.chartMetrics);
  const downloads = new Downloads(el('downloads'));
  /** The latest view's own entries on `<body>`: a key it no longer sends is removed. */
  const viewDataset = new ViewDataset(body.dataset);
  let status: Status = 'loading';
  let step = 0;
  /** A `measureQuality` is on its way: the button waits for its answer. */
  let measuring = false;
  let qualityCount = 0;

  const setButtons = () => {
    el<HTMLButtonElement>('pause').disabled = status !== 'training';
    el<HTMLButtonElement>('resume').disabled = status !== 'paused';
    el<HTMLButtonElement>('reset').disabled = status === 'loading';
    el<HTMLButtonElement>('save').disabled = status !== 'training' && status !== 'paused';
    el<HTMLButtonElement>('export-generator').disabled = status !== 'training' && status !== 'paused';
    el<HTMLButtonElement>('measure').disabled = measuring || (status !== 'training' && status !== 'paused');
  };

  const renderCheckpoints = (slots: readonly string[]) => {
    expose('checkpoints', JSON.stringify(slots));
    const items = slots.map((slot) => {
      const li = document.createElement('li');
      li.dataset.slot = slot;
      const name = document.createElement('span');
      name.textContent = slot;
      const load = document.createElement('button');
      load.type = 'button';
      load.textContent = 'Load';
      load.addEventListener('click', () => connection.send({ type: 'load', slot }));
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = 'Remove';
      remove.addEventListener('click', () => connection.send({ type: 'remove', slot }));
      li.append(name, load, remove);
      return li;
    });
    el('checkpoints').replaceChildren(...(items.length ? items : [Object.assign(document.createElement('li'), { textContent: 'none yet' })]));
  };

  const onEvent = (event: WorkerEvent) => {
    switch (event.type) {
      case 'backend':
        expose('backend', event.backend);
        expose('backendNotes', event.notes.join('; '));
        expose('backendDetail', event.detail);
        el('backend').textContent = event.backend;
        el('backend').title = event.detail ? `runs on ${event.detail}` : '';
        el('notes').textContent = [event.detail && `on ${event.detail}`, event.notes.length ? `(${event.notes.join('; ')})` : ''].filter((t) => t).join(' ');
        return;
      case 'state':
        status = event.status;
        step = event.step;
        expose('status', status);
        expose('step', step);
        expose('stepsPerSec', event.stepsPerSec.toFixed(2));
        expose('tensors', event.tensors);
        el('status').textContent = status;
        el('status').className = `pill ${status}`;
        el('step').textContent = String(step);
        // A DCGAN on a slow backend makes well under one step a second.
        el('rate').textContent = event.stepsPerSec >= 1 || event.stepsPerSec === 0 ? event.stepsPerSec.toFixed(1) : event.stepsPerSec.toPrecision(2);
        el('message').textContent = event.message;
        if (status === 'error') showError(event.message);
        setButtons();
        return;
      case 'logs': {
        for (const e of event.entries) chart.push(e.step, e.logs);
        const last = event.entries[event.entries.length - 1];
        if (last) expose('losses', JSON.stringify(last.logs as Record<string, Logs>));
        return;
      }
      case 'runs':
        delete body.dataset.losses;
        chart.reset(event.runs);
        // Only trainers that measure quality get the button.
        el('measure').hidden = !event.quality;
        return;
      case 'view': {
        const hash = drawView(samples, event.view);
        viewDataset.show(event.view.dataset);
        expose('viewStep', event.step);
        expose('gridHash', hash);
        el('view-step').textContent = `at step ${event.step}`;
        return;
      }
      case 'knobs':
        // New knobs mean a new run: the old run's losses no longer apply.
        delete body.dataset.losses;
        expose('knobs', JSON.stringify(event.knobs));
        lastKnobs = event.knobs;
        form.set(event.knobs);
        // A loaded checkpoint may come from another preset: keep the URL honest.
        if (typeof event.knobs.preset === 'string' && event.knobs.preset in info.presets) updateUrl('preset', event.knobs.preset);
        return;
      case 'checkpoints':
        renderCheckpoints(event.slots);
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
        if (!Object.keys(event.values).length) return; // the demo measures none
        expose('quality', JSON.stringify({ step: event.step, ...event.values }));
        expose('qualityCount', ++qualityCount);
        el('quality').textContent = `at step ${event.step}: ${Object.entries(event.values)
          .map(([k, v]) => `${k} ${Number.isInteger(v) ? v : v.toPrecision(3)}`)
          .join(', ')}`;
        return;
      case 'alive':
        return;
      case 'loaded':
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
  const form = new KnobForm(el('knobs'), info.knobs, info.presets, (knobs) => {
    // Live knobs (e.g. the digit an ACGAN grid shows) do not restart training, so the losses stay.
    const live = onlyLiveKnobsChanged(info.knobs, lastKnobs, knobs);
    lastKnobs = knobs;
    if (!live) {
      chart.reset([]);
      recovery.newRun();
    }
    if (typeof knobs.preset === 'string') updateUrl('preset', knobs.preset);
    connection.send({ type: 'setKnobs', knobs });
  });
  form.set(preset);

  /** Starts a worker: a fresh run, or `resume`'s checkpoint trained on. */
  const start = (resume?: string) => {
    if (!resume) recovery.newRun();
    el('recover').hidden = true;
    status = 'loading';
    expose('status', 'loading');
    expose('step', 0);
    delete body.dataset.losses;
    delete body.dataset.error;
    el('error').hidden = true;
    setButtons();
    chart.reset([]);
    connection.restart();
    measuring = false;
    connection.send({ type: 'init', backend, knobs: form.get(), ...(resume ? { resume } : {}), ...periods, ...qualitySamples });
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

  el('pause').addEventListener('click', () => connection.send({ type: 'pause' }));
  el('resume').addEventListener('click', () => connection.send({ type: 'resume' }));
  el('reset').addEventListener('click', () => {
    chart.reset([]);
    recovery.newRun();
    // After a crash there is no worker to reset: start a new one.
    if (connection.running) connection.send({ type: 'reset' });
    else start();
  });
  el('save').addEventListener('click', () => connection.send({ type: 'save' }));
  el('measure').addEventListener('click', () => {
    measuring = true;
    setButtons();
    connection.send({ type: 'measureQuality' });
  });
  el('export-generator').addEventListener('click', () => connection.send({ type: 'exportGenerator' }));
  el('export-png').addEventListener('click', () => {
    upscaled(samples).toBlob((blob) => {
      if (blob) downloads.offer([{ name: `${info.id}-step${step}.png`, blob }]);
      else showWarning('This browser could not encode the samples as PNG.');
    }, 'image/png');
  });

  if (info.input) {
    // Picked or dropped files go to the worker as File objects (structured clone, no copy here).
    el('input').hidden = false;
    el('input-label').textContent = info.input.label;
    const picker = el<HTMLInputElement>('files');
    picker.accept = info.input.accept;
    const send = (files: FileList | null) => {
      if (files && files.length) connection.send({ type: 'files', files: [...files] });
    };
    picker.addEventListener('change', () => {
      send(picker.files);
      picker.value = '';
    });
    body.addEventListener('dragover', (e) => e.preventDefault());
    body.addEventListener('drop', (e) => {
      e.preventDefault();
      const items = [...(e.dataTransfer?.items ?? [])].map((i) => i.webkitGetAsEntry?.() ?? null);
      // A dropped folder arrives as one entry without contents: walk it for its files.
      if (items.some((entry) => entry?.isDirectory)) {
        droppedFiles(items).then(
          (files) => (files.length ? connection.send({ type: 'files', files }) : showWarning('The dropped folder holds no files.')),
          (err: unknown) => showWarning(`Could not read the dropped folder: ${err instanceof Error ? err.message : String(err)}`),
        );
      } else {
        send(e.dataTransfer?.files ?? null);
      }
    });
  }

  renderCheckpoints([]);
  start();
  return { stop: () => connection.terminate() };
}

function updateUrl(key: string, value: string): void {
  const url = new URL(location.href);
  url.searchParams.set(key, value);
  history.replaceState(null, '', url);
}
