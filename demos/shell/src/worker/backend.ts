import * as tf from '@tensorflow/tfjs';
// Registers the webgpu backend (only where navigator.gpu exists); choosing it is up to us.
import '@tensorflow/tfjs-backend-webgpu';
import type { BackendChoice } from '../protocol';
import { probeBackend } from './probe';
import { startWasm } from './wasm';

/** The backend in use and, for each backend tried before it, why it was skipped. */
export interface BackendPick {
  readonly backend: string;
  readonly notes: string[];
  /** What runs it, when the browser says: e.g. 'google swiftshader' (a CPU: expect it to be slow). */
  readonly detail: string;
}

const LABELS: Record<Exclude<BackendChoice, 'auto'>, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'wasm', cpu: 'CPU' };
const AUTO_ORDER = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

/** Renderers that are a CPU in disguise: WebGL on them is no faster than wasm, often far slower. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

interface AdapterLike {
  info?: { vendor?: string; architecture?: string; device?: string; description?: string };
}
interface GpuLike {
  requestAdapter(): Promise<AdapterLike | null>;
}

let adapterDetail = '';
let wasmDetail = '';

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

/** Why a backend cannot start here, or null when it started (and is now the active one). */
async function tryBackend(name: Exclude<BackendChoice, 'auto'>): Promise<string | null> {
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
    const info = adapter.info ?? {};
    adapterDetail = [info.vendor, info.architecture, info.device, info.description].filter((v) => v).join(' ');
  }
  try {
    if (name === 'wasm') {
      const started = await startWasm();
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

/**
 * WebGL on a software renderer (no GPU): keeps whichever of webgl and wasm
 * runs the probe faster, and says why. Resolves to the note for a skipped
 * WebGL, or null when WebGL stays.
 */
async function preferWasmOverSoftwareGl(): Promise<string | null> {
  const renderer = describeDevice('webgl');
  if (!SOFTWARE_RENDERER.test(renderer)) return null;
  const glMs = await probeBackend();
  const wasmStart = await tryBackend('wasm');
  if (wasmStart !== null) {
    await tf.setBackend('webgl');
    return null;
  }
  const wasmMs = await probeBackend();
  if (wasmMs < glMs) return `runs on ${renderer} (no GPU); wasm measured faster (${fmt(wasmMs)} vs ${fmt(glMs)} per probe step)`;
  await tf.setBackend('webgl');
  return null;
}

const fmt = (ms: number) => `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;

/**
 * Starts a tfjs backend. `auto` tries webgpu, webgl, wasm, then cpu and notes
 * why each skipped one failed ("WebGPU: no adapter"); WebGL on a software
 * renderer gives way to wasm when wasm measures faster. A named backend must
 * start, or this throws: a test that asked for webgpu must not pass on webgl.
 */
export async function pickBackend(choice: BackendChoice): Promise<BackendPick> {
  const notes: string[] = [];
  const order = choice === 'auto' ? AUTO_ORDER : [choice];
  for (const name of order) {
    const why = await tryBackend(name);
    if (why === null) {
      const skipGl = choice === 'auto' && name === 'webgl' ? await preferWasmOverSoftwareGl() : null;
      if (skipGl !== null) {
        notes.push(`${LABELS.webgl}: ${skipGl}`);
        return { backend: tf.getBackend(), notes, detail: describeDevice('wasm') };
      }
      return { backend: tf.getBackend(), notes, detail: describeDevice(name) };
    }
    notes.push(`${LABELS[name]}: ${why}`);
  }
  if (choice === 'auto') throw new Error(`No tfjs backend could start. ${notes.join('; ')}`);
  throw new Error(`${notes.join('; ')}. It was requested with ?backend=${choice}; choose 'auto' to fall back to another backend.`);
}
