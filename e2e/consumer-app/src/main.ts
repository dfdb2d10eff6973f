import * as tf from '@tensorflow/tfjs';
import { Model } from 'gandlf';

// A user's smallest GAN, built against the published gandlf package. The page
// reports what happened on <body> for the e2e spec to read:
//   data-status   'loading' | 'running' | 'done' | 'error'
//   data-backend  tf.getBackend() once chosen
//   data-loss     the last epoch's `loss`
//   data-error    the message when status is 'error'
// `?backend=webgl|webgpu|cpu` picks the backend (default webgl).

type BackendName = 'webgl' | 'webgpu' | 'cpu';

const body = document.body;
const log = document.getElementById('log')!;

function report(key: string, value: string): void {
  body.dataset[key] = value;
  log.textContent = Object.entries(body.dataset)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}

function requestedBackend(): BackendName {
  const name = new URLSearchParams(location.search).get('backend') ?? 'webgl';
  if (name === 'webgl' || name === 'webgpu' || name === 'cpu') return name;
  throw new Error(`Unknown backend in ?backend=. Expected webgl, webgpu or cpu. Received: ${name}`);
}

async function useBackend(name: BackendName): Promise<void> {
  // Only the webgpu page loads (and so registers) the webgpu backend.
  if (name === 'webgpu') {
    if (!('gpu' in navigator)) throw new Error('WebGPU unavailable: navigator.gpu is undefined');
    await import('@tensorflow/tfjs-backend-webgpu');
  }
  // setBackend resolves false (it does not throw) when the backend cannot start.
  if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend('${name}') returned false`);
  await tf.ready();
  report('backend', tf.getBackend());
}

async function main(): Promise<void> {
  report('status', 'running');
  await useBackend(requestedBackend());

  const generator = tf.sequential({
    layers: [tf.layers.dense({ inputShape: [4], units: 8 })],
  });
  const discriminator = tf.sequential({
    layers: [tf.layers.dense({ inputShape: [8], units: 1, activation: 'sigmoid' })],
  });
  const realData = tf.randomNormal([16, 8]);

  const model = new Model({ generator, discriminator });
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
  const history = await model.fit(['normal', realData], ['zeros', 'ones'], { epochs: 1, batchSize: 8 });
  realData.dispose();

  const losses = history.history.loss ?? [];
  report('loss', String(losses[losses.length - 1]));
  report('status', 'done');
}

main().catch((e: unknown) => {
  console.error(e);
  report('error', e instanceof Error ? e.message : String(e));
  report('status', 'error');
});
