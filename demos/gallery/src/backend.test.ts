import { describe, expect, it } from 'vitest';
import { describeBackend, showBackend, type BackendReport } from './backend';

/** A worker that answers with `report`, and notes whether it was terminated. */
function fakeWorker(report: BackendReport) {
  const worker = {
    terminated: false,
    onmessage: null as ((e: MessageEvent<BackendReport>) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
    terminate() {
      this.terminated = true;
    },
  };
  queueMicrotask(() => worker.onmessage?.({ data: report } as MessageEvent<BackendReport>));
  return worker;
}

describe('describeBackend', () => {
  it('names the backend, the device and why faster ones were skipped', () => {
    expect(
      describeBackend({
        backend: 'wasm',
        notes: ['WebGPU: no adapter', 'WebGL: runs on SwiftShader (no GPU); wasm measured faster (4.0 ms vs 9.0 ms per probe step)'],
        detail: 'XNNPACK, SIMD, 1 thread',
      }),
    ).toBe('Training here runs on wasm (WebGPU: no adapter; WebGL: runs on SwiftShader (no GPU); wasm measured faster (4.0 ms vs 9.0 ms per probe step)). Device: XNNPACK, SIMD, 1 thread.');
    expect(describeBackend({ backend: 'webgpu', notes: [], detail: '' })).toBe('Training here runs on WebGPU (the first backend the demos try).');
  });

  it('says when nothing can train', () => {
    expect(describeBackend({ error: 'No tfjs backend could start.' })).toMatch(/^No tfjs backend can start in this browser/);
  });
});

describe('showBackend', () => {
  it("writes the line and the body's data-backend, then ends the worker", async () => {
    const line = { textContent: '' } as HTMLElement;
    const body = { dataset: {} } as HTMLElement;
    const worker = fakeWorker({ backend: 'webgl', notes: ['WebGPU: navigator.gpu is missing (this browser has WebGPU off)'], detail: 'ANGLE (NVIDIA)' });
    const { done } = showBackend(line, { createWorker: () => worker as unknown as Worker, body });
    expect(line.textContent).toMatch(/^Finding/);
    await done;
    expect(line.textContent).toBe('Training here runs on WebGL (WebGPU: navigator.gpu is missing (this browser has WebGPU off)). Device: ANGLE (NVIDIA).');
    expect(body.dataset).toEqual({ backend: 'webgl', backendNotes: 'WebGPU: navigator.gpu is missing (this browser has WebGPU off)', backendDetail: 'ANGLE (NVIDIA)' });
    expect(worker.terminated).toBe(true);
  });

  it("sets data-backend to 'none' when no backend starts", async () => {
    const body = { dataset: {} } as HTMLElement;
    await showBackend({ textContent: '' } as HTMLElement, { createWorker: () => fakeWorker({ error: 'boom' }) as unknown as Worker, body }).done;
    expect(body.dataset).toMatchObject({ backend: 'none', backendNotes: 'boom' });
  });
});
