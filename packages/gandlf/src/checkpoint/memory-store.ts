import * as tf from '@tensorflow/tfjs';
import { registerStoreManager } from './stores';

/**
 * An in-memory model store under its own URL scheme (`memory://name`): a fast
 * place for the checkpoints a page restores from after losing its GPU context,
 * and a store tests can make fail on purpose.
 */
export class MemoryStore {
  protected readonly items = new Map<string, tf.io.ModelArtifacts>();

  constructor(readonly scheme = 'memory') {}

  /** Routes `${scheme}://` URLs in `tf.io` (and gandlf's checkpoint functions) to this store. */
  register(): this {
    const prefix = `${this.scheme}://`;
    // tfjs routers return null for URLs that are not theirs, though its type says otherwise.
    const route = (url: string | string[]) => (typeof url === 'string' && url.startsWith(prefix) ? this.handler(url) : null) as tf.io.IOHandler;
    tf.io.registerSaveRouter(route);
    tf.io.registerLoadRouter(route);
    registerStoreManager(this.scheme, {
      list: async () => [...this.items.keys()],
      remove: async (url) => {
        if (!this.items.delete(url)) throw new Error(`Cannot find model at path '${url}'`);
      },
    });
    return this;
  }

  /** An IOHandler for one URL of this store. */
  handler(url: string): tf.io.IOHandler {
    return {
      save: async (artifacts) => {
        await this.write(url, artifacts);
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
      },
      load: async () => {
        const a = this.items.get(url);
        if (!a) throw new Error(`Cannot find model at path '${url}'`);
        return a;
      },
    };
  }

  /** Stores a copy of the artifacts; subclasses may fail here to simulate a full store. */
  protected async write(url: string, artifacts: tf.io.ModelArtifacts): Promise<void> {
    const data = artifacts.weightData;
    const copy = data instanceof ArrayBuffer ? data.slice(0) : data;
    this.items.set(url, { ...artifacts, ...(copy === undefined ? {} : { weightData: copy }) });
  }
}

/** The default `memory://` store, registered on first use. */
let defaultStore: MemoryStore | null = null;
export function memoryStore(): MemoryStore {
  defaultStore ??= new MemoryStore('memory').register();
  return defaultStore;
}
