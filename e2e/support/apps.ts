import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { viteBuild, vitePreview, type PreviewServer } from './servers';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds a test app that imports the built `gandlf` and serves it. The root
 * `test` script builds the packages first; a spec run on its own in a fresh
 * clone builds gandlf here.
 */
export async function buildAndPreview(appDir: string): Promise<PreviewServer> {
  if (!existsSync(join(repoRoot, 'packages', 'gandlf', 'dist', 'index.js'))) {
    execFileSync('pnpm', ['--filter', 'gandlf', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  }
  viteBuild(appDir);
  return vitePreview(appDir);
}
