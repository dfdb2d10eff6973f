/**
 * Holds a Web Lock for as long as this worker lives and resolves to its name
 * once held. A worker that is closed, terminated or killed posts nothing, but
 * its locks are released: the page asks for the same lock and is granted it
 * exactly when the worker is gone (see page/connection.ts). Resolves to null
 * where Web Locks are missing.
 */
export function holdLifeline(): Promise<string | null> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return Promise.resolve(null);
  const name = `gandlf-worker-${crypto.randomUUID()}`;
  return new Promise((resolve) => {
    void locks.request(name, () => {
      resolve(name);
      // Never settles: the lock goes only with the worker.
      return new Promise<never>(() => {});
    });
  });
}
