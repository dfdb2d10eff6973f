// The worker's global scope as the shell sees it, and two helpers of serve.ts's loop.

/** The parts of a dedicated worker's global scope the shell uses (replaceable in tests). */
export interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  addEventListener(type: 'error' | 'unhandledrejection', listener: (e: Event) => void): void;
}

/** Yields a macrotask (without setTimeout's 4 ms clamp), so queued messages get handled. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** An error's message for the page (its name when it has none). */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}
