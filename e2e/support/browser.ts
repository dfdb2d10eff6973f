import { chromiumLaunchOptions, debianChromium, WEBGPU_ARGS } from './find-chromium.mjs';

// Debian's Chromium. Playwright cannot download its own browser on these machines.
export { DEBIAN_CHROMIUM } from './find-chromium.mjs';

/**
 * The Chromium to drive: Debian's when installed, else Playwright's own (undefined).
 * The same choice as ensure-browser.mjs, which `pnpm test:e2e` runs first to install one.
 */
export const chromiumExecutable: string | undefined = debianChromium();

/** WebGPU on SwiftShader (find-chromium.mjs, plain ESM, so the benchmarks share the flags). */
export const webgpuArgs: readonly string[] = WEBGPU_ARGS;

/** The tfjs backends the e2e projects exercise; each project is named after one. */
export type E2eBackend = 'webgl' | 'webgpu';

/** Playwright `launchOptions` for a backend's project. */
export function launchOptions(backend: E2eBackend): { executablePath?: string; args: string[] } {
  return chromiumLaunchOptions(backend, chromiumExecutable);
}

/** The backend a test runs on, from its project's name (`webgl` unless it is `webgpu`). */
export function projectBackend(projectName: string): E2eBackend {
  return projectName === 'webgpu' ? 'webgpu' : 'webgl';
}
