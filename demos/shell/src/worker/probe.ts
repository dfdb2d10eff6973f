import * as tf from '@tensorflow/tfjs';

/**
 * Device names that are a CPU in disguise: Google's SwiftShader, Mesa's
 * llvmpipe, lavapipe and softpipe, Microsoft's Basic Render Driver. A GPU
 * backend on one is no faster than wasm, and often far slower.
 */
export const SOFTWARE_DEVICE = /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render/i;

/** What a WebGPU adapter says about itself: `GPUAdapter.info`, or `requestAdapterInfo()` on Chromium before 127. */
export interface AdapterInfoLike {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly device?: string;
  readonly description?: string;
  /** `GPUAdapterInfo.isFallbackAdapter` (`GPUAdapter.isFallbackAdapter` in older Chromium): the browser's software adapter. */
  readonly isFallbackAdapter?: boolean;
}

const SOFTWARE_NAMES: Record<string, string> = { swiftshader: 'SwiftShader', 'basic render': 'Basic Render Driver' };

/**
 * Names the software a WebGPU adapter runs on, or null when it looks like a GPU.
 *
 * @example
 * softwareAdapter({ vendor: 'google', architecture: 'swiftshader' }); // 'SwiftShader'
 * softwareAdapter({ vendor: 'nvidia', architecture: 'ada' }); // null
 *
 * @param info the adapter's info; `isFallbackAdapter` alone is enough.
 */
export function softwareAdapter(info: AdapterInfoLike): string | null {
  const named = [info.vendor, info.architecture, info.device, info.description].filter((v) => v).join(' ');
  const match = SOFTWARE_DEVICE.exec(named)?.[0].toLowerCase();
  if (match) return SOFTWARE_NAMES[match] ?? match;
  return info.isFallbackAdapter ? 'a fallback adapter' : null;
}

/**
 * Times a small conv + dense forward and backward pass, like one step of a
 * demo's networks, on the active backend: the median of 3 runs after a warm-up
 * (which compiles shaders on WebGL and WebGPU). Resolves to milliseconds per run.
 */
export async function probeBackend(): Promise<number> {
  const x = tf.randomNormal([16, 28, 28, 1], 0, 1, 'float32', 1);
  const w1 = tf.randomNormal([3, 3, 1, 32], 0, 0.1, 'float32', 2);
  const w2 = tf.randomNormal([14 * 14 * 32, 1], 0, 0.01, 'float32', 3);
  const run = async () => {
    const [g1, g2] = tf.tidy(() =>
      tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.matMul(tf.relu(tf.conv2d(x as tf.Tensor4D, a as tf.Tensor4D, 2, 'same')).reshape([16, -1]), b as tf.Tensor2D).mean())([w1, w2]),
    );
    // Reading the result waits for the GPU, so the time is the work, not its queueing.
    await Promise.all([g1!.data(), g2!.data()]);
    tf.dispose([g1!, g2!]);
  };
  try {
    await run();
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[1]!;
  } finally {
    tf.dispose([x, w1, w2]);
  }
}
