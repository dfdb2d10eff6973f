import * as tf from '@tensorflow/tfjs';

// GPU contexts die under users: a driver reset, the OS reclaiming memory, too
// many tabs. Their tensors are gone with them, so the shell restores the run
// from its latest checkpoint in a fresh worker (see page/recovery.ts).

interface GpuDeviceLike {
  readonly lost: Promise<{ reason?: string; message?: string }>;
  destroy(): void;
}

/** The WebGL context tfjs draws on, when the active backend is webgl. */
function webglContext(): WebGL2RenderingContext | null {
  return (tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } }).gpgpu?.gl ?? null;
}

/** The WebGPU device tfjs computes on, when the active backend is webgpu. */
function webgpuDevice(): GpuDeviceLike | null {
  return (tf.backend() as unknown as { device?: GpuDeviceLike }).device ?? null;
}

/**
 * Calls `onLost` once, with a sentence for the user, when the active backend's
 * WebGL context or WebGPU device is lost. Other backends cannot lose one.
 */
export function watchDeviceLoss(onLost: (message: string) => void): void {
  let fired = false;
  const once = (message: string) => {
    if (!fired) onLost(message);
    fired = true;
  };
  const backend = tf.getBackend();
  if (backend === 'webgl') {
    webglContext()?.canvas.addEventListener('webglcontextlost', () => once('The WebGL context was lost'));
  } else if (backend === 'webgpu') {
    void webgpuDevice()?.lost.then((info) => once(`The WebGPU device was lost (${[info.reason, info.message].filter((v) => v).join(': ') || 'no reason given'})`));
  }
}

/**
 * Loses the active backend's context the way a driver reset would
 * (`WEBGL_lose_context`, `GPUDevice.destroy()`): the e2e tests' fault
 * injection, exposed on the worker as `self.gandlfShell.loseDevice()`.
 * Resolves to what it did.
 */
export function loseDevice(): string {
  const backend = tf.getBackend();
  if (backend === 'webgl') {
    const ext = webglContext()?.getExtension('WEBGL_lose_context');
    if (!ext) return 'webgl: WEBGL_lose_context is not available';
    ext.loseContext();
    return 'webgl: context lost';
  }
  if (backend === 'webgpu') {
    const device = webgpuDevice();
    if (!device) return 'webgpu: no device';
    device.destroy();
    return 'webgpu: device destroyed';
  }
  return `${backend}: has no GPU context to lose`;
}
