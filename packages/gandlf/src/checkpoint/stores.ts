import * as tf from '@tensorflow/tfjs';

/**
 * Lists and removes saved artifacts for one URL scheme. tfjs manages
 * `indexeddb://` and `localstorage://` itself but keeps its registry private,
 * so gandlf's own stores (`memory://`, Node's `file://`) register here.
 */
export interface StoreManager {
  /** Saved URLs of this scheme, at least all those starting with `prefix`. */
  list(prefix: string): Promise<string[]>;
  remove(url: string): Promise<void>;
  /**
   * The handler gandlf's checkpoints use for a URL of this scheme, before any
   * tf.io router: another library may route the same scheme (tfjs-node routes
   * `file://` too), and two routers for one URL would leave tf.io undecided.
   * @default the one handler tf.io's routers give
   */
  handler?(url: string): tf.io.IOHandler;
}

const managers = new Map<string, StoreManager>();

const tfjsManager = (scheme: string): StoreManager => ({
  async list() {
    try {
      return Object.keys(await tf.io.listModels()).filter((u) => u.startsWith(`${scheme}://`));
    } catch {
      return []; // the store does not exist in this environment (e.g. IndexedDB in Node)
    }
  },
  async remove(url) {
    await tf.io.removeModel(url);
  },
});
managers.set('indexeddb', tfjsManager('indexeddb'));
managers.set('localstorage', tfjsManager('localstorage'));

/** Makes a scheme's saves listable and removable by `listCheckpoints` and `removeCheckpoint`. */
export function registerStoreManager(scheme: string, manager: StoreManager): void {
  managers.set(scheme, manager);
}

/** The scheme of a URL (`indexeddb` for `indexeddb://x`), or undefined. */
export function schemeOf(url: string): string | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  return m?.[1]?.toLowerCase();
}

/** The manager for a URL's scheme, if the scheme is a store gandlf can list. */
export function managerFor(url: string): StoreManager | undefined {
  const scheme = schemeOf(url);
  return scheme ? managers.get(scheme) : undefined;
}
