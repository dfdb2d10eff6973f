import { debianChromium } from './find-chromium.mjs';

// Debian's Chromium. Playwright cannot download its own browser on these machines.
export { DEBIAN_CHROMIUM } from './find-chromium.mjs';

/**
 * The Chromium to drive: Debian's when installed, else Playwright's own (undefined).
 * The same choice as ensure-browser.mjs, which `pnpm test:e2e` runs first to install one.
 */
export const chromiumExecutable: string | undefined = debianChromium();

/** Flags every run gets: no sandbox (root in CI) and no traffic to Google's services. */
export const baseArgs: readonly string[] = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** WebGPU on SwiftShader (no GPU here). Vulkan was faster than the default path. */
export const webgpuArgs: readonly string[] = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader', '--enable-features=Vulkan'];

/** The tfjs backends the e2e projects exercise; each project is named after one. */
export type E2eBackend = 'webgl' | 'webgpu';

/** Playwright `launchOptions` for a backend's project. */
export function launchOptions(backend: E2eBackend): { executablePath?: string; args: string[] } {
  const args = backend === 'webgpu' ? [...baseArgs, ...webgpuArgs] : [...baseArgs];
  return chromiumExecutable ? { executablePath: chromiumExecutable, args } : { args };
}

/** The backend a test runs on, from its project's name (`webgl` unless it is `webgpu`). */
export function projectBackend(projectName: string): E2eBackend {
  return projectName === 'webgpu' ? 'webgpu' : 'webgl';
}
