// A page the persistence spec drives through `window.harness`: it trains a
// tiny gandlf Model, saves and loads it in IndexedDB, and can make IndexedDB
// writes fail as a full quota would.
import * as tf from '@tensorflow/tfjs';
import { CheckpointSaveError, io, Model } from 'gandlf';

type Backend = 'webgl' | 'webgpu' | 'cpu';

let model: Model | null = null;
let quotaFull = false;

// A full disk: every IndexedDB write throws QuotaExceededError while `quotaFull` is set.
const put = IDBObjectStore.prototype.put;
IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
  if (quotaFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  return put.apply(this, args);
};

function mlp(inDim: number, outDim: number, seed: number, activation: 'linear' | 'sigmoid'): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [inDim], units: 8, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed }) }),
      tf.layers.dense({ units: outDim, activation, kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }),
    ],
  });
}

const harness = {
  async create(): Promise<void> {
    model = new Model({ generator: mlp(4, 2, 1, 'linear'), discriminator: mlp(2, 1, 3, 'sigmoid') });
    model.compile({ optimizer: tf.train.adam(0.01, 0.5, 0.999, 1e-7), loss: 'binaryCrossentropy' });
  },
  async train(steps: number): Promise<number> {
    const x = tf.randomNormal([steps * 8, 2], 1, 0.5, 'float32', 5);
    await model!.fit(['normal', x], ['zeros', 'ones'], { epochs: 1, batchSize: 8, seed: 2 });
    x.dispose();
    return model!.step;
  },
  async save(url: string): Promise<{ ok: boolean; error?: string; name?: string; quotaExceeded?: boolean }> {
    try {
      await model!.save(url);
      return { ok: true };
    } catch (e) {
      const err = e as Error;
      return { ok: false, error: err.message, name: err.name, quotaExceeded: e instanceof CheckpointSaveError && e.quotaExceeded };
    }
  },
  async load(url: string): Promise<number> {
    model = await Model.load(url);
    return model.step;
  },
  /** Saves to the user's downloads folder (model JSON plus weights file). */
  async download(name: string): Promise<void> {
    await model!.save(`downloads://${name}`);
  },
  /** Loads the files chosen in the page's file input, as a user would. */
  async loadFiles(): Promise<number> {
    const input = document.querySelector<HTMLInputElement>('#files')!;
    const files = [...(input.files ?? [])];
    const json = files.find((f) => f.name.endsWith('.json'));
    const weights = files.filter((f) => f !== json);
    model = await Model.load(tf.io.browserFiles([json!, ...weights]));
    return model.step;
  },
  /** Samples of the fixed, seeded latent batch. */
  async samples(): Promise<number[]> {
    const s = model!.sample(['normal'], { numSamples: 6, seed: 7 }) as tf.Tensor;
    const values = Array.from(await s.data());
    s.dispose();
    return values;
  },
  list: (prefix: string) => io.listCheckpoints(prefix),
  remove: (url: string) => io.removeCheckpoint(url),
  setQuotaFull(full: boolean): void {
    quotaFull = full;
  },
};

declare global {
  interface Window {
    harness: typeof harness;
  }
}

async function main(): Promise<void> {
  const backend = (new URLSearchParams(location.search).get('backend') ?? 'webgl') as Backend;
  if (backend === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} is not available`);
  await tf.ready();
  window.harness = harness;
  document.body.dataset.backend = tf.getBackend();
  document.body.dataset.status = 'ready';
}

main().catch((e: unknown) => {
  document.body.dataset.status = 'error';
  document.body.dataset.error = String((e as Error)?.message ?? e);
});
