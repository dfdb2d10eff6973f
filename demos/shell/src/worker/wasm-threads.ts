// The untouched Emscripten glue of tfjs's threaded build, served as a file of its own.
import threadedGlue from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js?url';

/** What a pthread worker is told when it starts: Emscripten's `load` command. */
interface LoadCommand {
  readonly cmd: 'load';
  readonly urlOrBlob: unknown;
}

function isLoadCommand(message: unknown): message is LoadCommand {
  return typeof message === 'object' && message !== null && (message as { cmd?: unknown }).cmd === 'load' && 'urlOrBlob' in message;
}

/**
 * Runs `start` (the wasm backend's start) so that it gets `threads` threads
 * and its pthreads can load.
 *
 * tfjs sizes its pool when the module starts, at `hardwareConcurrency / 2`
 * (it assumes two hyperthreads a core), and caps `setThreadsCount` there too:
 * 1 thread on a 2-core machine. While `start` runs, the worker's navigator
 * reports `2 * threads`.
 *
 * tfjs sends each pthread its threaded factory's own text (`factory.toString()`)
 * to run. Once a bundler has wrapped and minified that factory, the text names
 * variables only the bundle defines, and every pthread dies ("e is not
 * defined"). Here the pthreads get the glue file as published instead: the
 * same factory, whole. Workers created while `start` runs are the pthread pool
 * (Emscripten spawns it during init); the global `Worker` is restored after.
 */
export async function withThreads<T>(threads: number, start: () => Promise<T>): Promise<T> {
  const Original = globalThis.Worker;
  const glue = new URL(threadedGlue, globalThis.location.href).href;
  class PthreadWorker extends Original {
    override postMessage(message: unknown, options?: StructuredSerializeOptions | Transferable[]): void {
      const sent = isLoadCommand(message) ? { ...message, urlOrBlob: glue } : message;
      if (Array.isArray(options)) super.postMessage(sent, options);
      else super.postMessage(sent, options);
    }
  }
  globalThis.Worker = PthreadWorker;
  Object.defineProperty(navigator, 'hardwareConcurrency', { value: 2 * threads, configurable: true });
  try {
    return await start();
  } finally {
    globalThis.Worker = Original;
    // The own property goes; the prototype's real getter shows through again.
    delete (navigator as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}
