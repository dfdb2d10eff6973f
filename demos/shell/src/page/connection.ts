import type { Command, WorkerEvent } from '../protocol';

/** Callbacks of a {@link WorkerConnection}. */
export interface ConnectionHandlers {
  /** Every message the worker posts. */
  onEvent(event: WorkerEvent): void;
  /**
   * The worker failed outside the protocol: its script did not load, an error
   * escaped it, or it is gone (closed, or killed by the browser, e.g. out of
   * memory). It will post nothing more.
   */
  onCrash(message: string): void;
}

/**
 * A training worker with a typed protocol. `restart()` replaces it with a
 * fresh one (e.g. to change backend: tfjs backends cannot be swapped cleanly
 * mid-run), dropping messages from the old one.
 */
export class WorkerConnection {
  private worker: Worker | null = null;

  constructor(
    private readonly create: () => Worker,
    private readonly handlers: ConnectionHandlers,
  ) {}

  /** Starts (or restarts) the worker. */
  restart(): void {
    this.worker?.terminate();
    const worker = this.create();
    this.worker = worker;
    worker.addEventListener('message', (e: MessageEvent<WorkerEvent>) => {
      if (worker !== this.worker) return;
      if (e.data.type === 'alive' && e.data.lock) this.watch(worker, e.data.lock);
      this.handlers.onEvent(e.data);
    });
    worker.addEventListener('error', (e: ErrorEvent) => {
      // Handled here, so the browser does not report it as uncaught.
      e.preventDefault();
      if (worker === this.worker) this.handlers.onCrash(e.message || 'The training worker failed to start (its script could not be loaded).');
    });
    worker.addEventListener('messageerror', () => {
      if (worker === this.worker) this.handlers.onCrash('A message from the training worker could not be read.');
    });
  }

  /**
   * A closed or killed worker fires no event, but the Web Lock it held is
   * released: being granted it means the worker is gone. Ours are ignored
   * (restart and terminate drop the worker first).
   */
  private watch(worker: Worker, lock: string): void {
    void navigator.locks.request(lock, () => {
      if (worker === this.worker) {
        this.worker = null;
        this.handlers.onCrash('The training worker stopped: it was closed, or the browser ended it (out of memory, or a crash).');
      }
    });
  }

  /** Whether a worker is running (false after a crash or `terminate()`). */
  get running(): boolean {
    return this.worker !== null;
  }

  send(command: Command): void {
    if (!this.worker) throw new Error(`The training worker is not running; cannot send '${command.type}'.`);
    this.worker.postMessage(command);
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
