import * as tf from '@tensorflow/tfjs';
// Registers the webgpu backend (only where navigator.gpu exists); choosing it is up to us.
import '@tensorflow/tfjs-backend-webgpu';
import { BACKEND_LABELS, type BackendChoice } from '../protocol';
import { probeBackend, SOFTWARE_DEVICE, softwareAdapter, type AdapterInfoLike } from './probe';
import { startWasm } from './wasm';

/** The backend in use and, for each backend tried before it, why it was skipped. */
export interface BackendPick {
  readonly backend: string;
  readonly notes: string[];
  /** What runs it, when the browser says: e.g. 'google swiftshader' (a CPU: expect it to be slow). */
  readonly detail: string;
}

const AUTO_ORDER = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

interface AdapterLike {
  info?: AdapterInfoLike;
  /** Where older Chromium kept it (now in `info`). */
  isFallbackAdapter?: boolean;
  /** Chromium before 127, which has no `info`. */
  requestAdapterInfo?(): Promise<AdapterInfoLike>;
}
interface GpuLike {
  requestAdapter(): Promise<AdapterLike | null>;
}

let adapterDetail = '';
/** The software WebGPU's adapter runs on ('SwiftShader'), or null on a GPU. */
let adapterSoftware: string | null = null;
let wasmDetail = '';

/** The adapter's info, wherever this Chromium keeps it ({} when it will not say). */
async function adapterInfo(adapter: AdapterLike): Promise<AdapterInfoLike> {
  let info = adapter.info;
  try {
    info ??= await adapter.requestAdapterInfo?.();
  } catch {
    // purely informative
  }
  // GPUAdapterInfo's fields are getters on its prototype: copy them by name.
  const { vendor, architecture, device, description } = info ?? {};
  return { vendor, architecture, device, description, isFallbackAdapter: info?.isFallbackAdapter ?? adapter.isFallbackAdapter };
}

/** The device behind the active backend, as the browser names it ('' when it will not say). */
function describeDevice(name: string): string {
  try {
    if (name === 'webgpu') return adapterDetail;
    if (name === 'wasm') return wasmDetail;
    if (name === 'webgl') {
      const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl;
      if (!gl) return '';
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    }
  } catch {
    // purely informative
  }
  return '';
}

/** Why a backend cannot start here, or null when it started (and is now the active one). `threads`: wasm's (see startWasm). */
async function tryBackend(name: Exclude<BackendChoice, 'auto'>, threads?: number): Promise<string | null> {
  if (name === 'webgpu') {
    const gpu = (navigator as unknown as { gpu?: GpuLike }).gpu;
    if (!gpu) return 'navigator.gpu is missing (this browser has WebGPU off)';
    // tfjs would throw on a null adapter and log a warning; ask first for a clear reason.
    let adapter: AdapterLike | null;
    try {
      adapter = await gpu.requestAdapter();
    } catch (e) {
      return `requestAdapter failed: ${(e as Error)?.message ?? String(e)}`;
    }
    if (!adapter) return 'no adapter';
    const info = await adapterInfo(adapter);
    adapterDetail = [info.vendor, info.architecture, info.device, info.description].filter((v) => v).join(' ');
    adapterSoftware = softwareAdapter(info);
  }
  try {
    if (name === 'wasm') {
      const started = await startWasm(threads);
      if (typeof started === 'string') return started;
      wasmDetail = started.detail;
      return null;
    }
    // setBackend resolves false (it does not throw) when the backend cannot start.
    if (!(await tf.setBackend(name))) return name === 'webgl' ? 'not available' : 'tf.setBackend returned false';
  } catch (e) {
    return `failed to start: ${(e as Error)?.message ?? String(e)}`;
  }
  await tf.ready();
  return null;
}

/** Why a started GPU backend is a CPU in disguise ('runs on a software adapter (SwiftShader)'), or null. */
function onSoftware(name: 'webgpu' | 'webgl'): string | null {
  if (name === 'webgpu') return adapterSoftware === null ? null : `runs on a software adapter (${adapterSoftware})`;
  const renderer = describeDevice('webgl');
  return SOFTWARE_DEVICE.test(renderer) ? `runs on ${renderer} (no GPU)` : null;
}

/**
 * A GPU backend on a software device (no GPU): leaves whichever of it and wasm
 * runs the probe faster active. Resolves to a note saying which won and why,
 * or null (and probes nothing) when the device is a GPU.
 */
async function probeAgainstWasm(name: 'webgpu' | 'webgl', threads?: number): Promise<string | null> {
  const software = onSoftware(name);
  if (software === null) return null;
  const gpuMs = await probeBackend();
  const wasmStart = await tryBackend('wasm', threads);
  if (wasmStart !== null) {
    await tf.setBackend(name);
    return `${software}; wasm could not start to compare (${wasmStart})`;
  }
  const wasmMs = await probeBackend();
  if (wasmMs < gpuMs) return `${software}; wasm measured faster (${fmt(wasmMs)} vs ${fmt(gpuMs)} per probe step)`;
  await tf.setBackend(name);
  return `${software}; kept ${BACKEND_LABELS[name]}, which measured faster than wasm (${fmt(gpuMs)} vs ${fmt(wasmMs)} per probe step)`;
}

const fmt = (ms: number) => `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;

/**
 * Starts a tfjs backend. `auto` tries webgpu, webgl, wasm, then cpu and notes
 * why each skipped one failed ("WebGPU: no adapter"); WebGPU or WebGL on a
 * software device (SwiftShader) gives way to wasm when wasm measures faster,
 * and the notes say which won. A named backend must start, or this throws: a
 * test that asked for webgpu must not pass on webgl. `threads`: wasm's, if it
 * starts (default: every core).
 */
export async function pickBackend(choice: BackendChoice, threads?: number): Promise<BackendPick> {
  const notes: string[] = [];
  const order = choice === 'auto' ? AUTO_ORDER : [choice];
  for (const name of order) {
    const why = await tryBackend(name, threads);
    if (why === null) {
      const probed = choice === 'auto' && (name === 'webgpu' || name === 'webgl') ? await probeAgainstWasm(name, threads) : null;
      if (probed !== null) notes.push(`${BACKEND_LABELS[name]}: ${probed}`);
      const backend = tf.getBackend();
      return { backend, notes, detail: describeDevice(backend) };
    }
    notes.push(`${BACKEND_LABELS[name]}: ${why}`);
  }
  if (choice === 'auto') throw new Error(`No tfjs backend could start. ${notes.join('; ')}`);
  throw new Error(`${notes.join('; ')}. It was requested with ?backend=${choice}; choose 'auto' to fall back to another backend.`);
}
