import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, viteBin, type PreviewServer } from '../../../e2e/support/servers';

/** The repository's `demos/` folder, found from this file's place in sources or in the build. */
export function demosDir(from = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return join(dir, 'demos');
  }
  throw new Error(`Could not find the gandlf repository (pnpm-workspace.yaml) above ${from}.`);
}

/**
 * Builds a demo for production into `outDir` (its own folder, so a `dist/`
 * another job is serving is never rebuilt under it) and serves it with
 * `vite preview` on 127.0.0.1, as the e2e suite does.
 */
export async function serveDemo(dir: string, outDir: string, timeoutMs = 30_000): Promise<PreviewServer> {
  const cwd = join(demosDir(), dir);
  const vite = viteBin(cwd);
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], { cwd, stdio: 'pipe' });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(process.execPath, [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
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
