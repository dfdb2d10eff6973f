// A module worker that makes the demos' own backend choice (`auto`: WebGPU,
// then WebGL, then wasm, then CPU, with the probe against wasm on software
// devices), posts it once to the gallery page and closes.
import { pickBackend } from '@gandlf/demo-shell/worker';
import type { BackendReport } from './backend';

async function report(): Promise<BackendReport> {
  try {
    const { backend, notes, detail } = await pickBackend('auto');
    return { backend, notes, detail };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

self.postMessage(await report());
self.close();
