import * as tf from '@tensorflow/tfjs';
// Registers the webgpu backend (only where navigator.gpu exists); choosing it is up to us.
import '@tensorflow/tfjs-backend-webgpu';
import type { BackendChoice } from '../protocol';

/** The backend in use and, for each backend tried before it, why it was skipped. */
export interface BackendPick {
  readonly backend: string;
  readonly notes: string[];
}

const LABELS: Record<Exclude<BackendChoice, 'auto'>, string> = { webgpu: 'WebGPU', webgl: 'WebGL', cpu: 'CPU' };
const AUTO_ORDER = ['webgpu', 'webgl', 'cpu'] as const;

interface GpuLike {
  requestAdapter(): Promise<unknown>;
}

/** Why a backend cannot start here, or null when it started (and is now the active one). */
async function tryBackend(name: Exclude<BackendChoice, 'auto'>): Promise<string | null> {
  if (name === 'webgpu') {
    const gpu = (navigator as unknown as { gpu?: GpuLike }).gpu;
    if (!gpu) return 'navigator.gpu is missing (this browser has WebGPU off)';
    // tfjs would throw on a null adapter and log a warning; ask first for a clear reason.
    let adapter: unknown;
    try {
      adapter = await gpu.requestAdapter();
    } catch (e) {
      return `requestAdapter failed: ${(e as Error)?.message ?? String(e)}`;
    }
    if (!adapter) return 'no adapter';
  }
  try {
    // setBackend resolves false (it does not throw) when the backend cannot start.
    if (!(await tf.setBackend(name))) return name === 'webgl' ? 'not available' : 'tf.setBackend returned false';
  } catch (e) {
    return `failed to start: ${(e as Error)?.message ?? String(e)}`;
  }
  await tf.ready();
  return null;
}

/**
 * Starts a tfjs backend. `auto` tries webgpu, webgl, then cpu and notes why each
 * skipped one failed ("WebGPU: no adapter"). A named backend must start, or
 * this throws: a test that asked for webgpu must not pass on webgl.
 */
export async function pickBackend(choice: BackendChoice): Promise<BackendPick> {
  const notes: string[] = [];
  const order = choice === 'auto' ? AUTO_ORDER : [choice];
  for (const name of order) {
    const why = await tryBackend(name);
    if (why === null) return { backend: tf.getBackend(), notes };
    notes.push(`${LABELS[name]}: ${why}`);
  }
  if (choice === 'auto') throw new Error(`No tfjs backend could start. ${notes.join('; ')}`);
  throw new Error(`${notes.join('; ')}. It was requested with ?backend=${choice}; choose 'auto' to fall back to another backend.`);
}
