import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The vite CLI a workspace package depends on, run with this Node (no shell, no pnpm needed). */
export function viteBin(packageDir: string): string {
  const require = createRequire(join(packageDir, 'package.json'));
  return join(require.resolve('vite/package.json'), '..', 'bin', 'vite.js');
}

/** `vite build` in `packageDir`; throws with vite's output when it fails. */
export function viteBuild(packageDir: string): void {
  execFileSync(process.execPath, [viteBin(packageDir), 'build', '--logLevel', 'warn'], {
    cwd: packageDir,
    stdio: 'pipe',
  });
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A running `vite preview`; `close()` stops it. */
export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `packageDir`'s built `dist` with `vite preview` on 127.0.0.1 and waits until it answers. */
export async function vitePreview(packageDir: string, timeoutMs = 30_000): Promise<PreviewServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(process.execPath, [viteBin(packageDir), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const close = () => stop(child);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(url)).ok) return { url, close };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await close();
  throw new Error(`vite preview did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
