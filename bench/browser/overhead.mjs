// @ts-check
// gandlf against the hand-written tfjs loop, alternated in this page (overhead.mjs drives it).
// Query: ?backend=webgl|webgpu&arch=mlp|dcgan|small&trainers=alternating,simultaneous,hand&warmup=1&steps=3&rounds=3.
// Exposes the result as window.__bench and body[data-status] ('done' or 'error').
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { alternate, gandlfTrainer, handTrainer } from '../overhead-models.mjs';

const q = new URLSearchParams(location.search);
const status = (/** @type {string} */ s) => (document.body.dataset.status = s);

async function main() {
  const backend = q.get('backend') ?? 'webgl';
  if (!(await tf.setBackend(backend))) throw new Error(`could not set backend ${backend}`);
  await tf.ready();
  const arch = /** @type {import('../overhead-models.mjs').Arch} */ (q.get('arch') ?? 'mlp');
  const names = (q.get('trainers') ?? 'alternating,simultaneous,hand').split(',');
  /** @type {Record<string, import('../overhead-models.mjs').Trainer>} */
  const trainers = {};
  for (const n of names) trainers[n] = n === 'hand' ? handTrainer(arch) : gandlfTrainer(arch, /** @type {'alternating' | 'simultaneous'} */ (n));
  const counts = { warmup: Number(q.get('warmup') ?? 1), steps: Number(q.get('steps') ?? 3), rounds: Number(q.get('rounds') ?? 3) };
  const { perStep } = await alternate(trainers, counts);
  for (const t of Object.values(trainers)) t.dispose();
  const result = { perStep, ...counts, backend: tf.getBackend(), device: device(backend), userAgent: navigator.userAgent };
  Object.assign(window, { __bench: result });
  /** @type {HTMLElement} */ (document.getElementById('out')).textContent = JSON.stringify(result, null, 2);
  status('done');
}

/** What renders: SwiftShader here, a GPU's name elsewhere. @param {string} backend */
function device(backend) {
  if (backend !== 'webgl') return '';
  const gl = /** @type {{ gpgpu?: { gl?: WebGLRenderingContext } }} */ (/** @type {unknown} */ (tf.backend())).gpgpu?.gl;
  const ext = gl?.getExtension('WEBGL_debug_renderer_info');
  return gl ? String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : '';
}

main().catch((e) => {
  Object.assign(window, { __bench: { error: String(e?.stack ?? e) } });
  status('error');
});
