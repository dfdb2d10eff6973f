// Types of find-chromium.mjs (plain ESM so that Node runs it before any build).

/** Debian's Chromium, the browser the e2e tests prefer. */
export declare const DEBIAN_CHROMIUM: '/usr/bin/chromium';

/**
 * The Chromium to drive: Debian's when installed, else `undefined` (Playwright's own).
 * @param exists replaceable in tests. @default fs.existsSync
 */
export declare function debianChromium(exists?: (path: string) => boolean): string | undefined;

/** Flags every run gets: no sandbox (root in CI) and no traffic to Google's services. */
export declare const BASE_ARGS: readonly string[];

/** WebGPU on SwiftShader (no GPU here). Vulkan was faster than the default path. */
export declare const WEBGPU_ARGS: readonly string[];

/**
 * Playwright `launchOptions` for a backend, shared by the e2e projects, the CLI and the
 * benchmarks: `BASE_ARGS` (and `WEBGPU_ARGS` for webgpu), on Debian's Chromium when installed.
 * @param backend @default 'webgl'
 * @param executablePath @default debianChromium()
 */
export declare function chromiumLaunchOptions(backend?: 'webgl' | 'webgpu', executablePath?: string): { executablePath?: string; args: string[] };

/** How one install went. */
export interface Attempt {
  readonly ok: boolean;
  /** Why it failed, on one line (the exit code and the last line of output); '' when it worked. */
  readonly detail: string;
}

/** What `ensureBrowser` knows about this machine, and which installs it has tried. */
export interface BrowserFacts {
  /** `DEBIAN_CHROMIUM` exists. */
  readonly debianChromium: boolean;
  /** This process runs as root, which apt-get needs. */
  readonly root: boolean;
  /** `apt-get` is on PATH. */
  readonly aptGet: boolean;
  /** `apt-get update && apt-get install -y chromium`, once tried. */
  readonly apt?: Attempt;
  /** `playwright install chromium`, once tried. */
  readonly playwright?: Attempt;
}

/** An install `nextStep` asks for. */
export type Install = 'apt' | 'playwright';

/** What to do next: drive a browser (`executablePath` undefined: Playwright's own), install one, or give up. */
export type BrowserStep =
  | { readonly kind: 'use'; readonly executablePath: string | undefined; readonly message: string }
  | { readonly kind: 'install'; readonly with: Install }
  | { readonly kind: 'fail'; readonly message: string };

/**
 * The decision, as a pure function of the facts: Debian's Chromium when it is there; else
 * apt-get's, when root with apt-get and not tried yet; else Playwright's own, tried once;
 * else a one-line failure saying what was tried.
 */
export declare function nextStep(facts: BrowserFacts): BrowserStep;

/** The facts of this machine, no install tried. */
export declare function probeFacts(): BrowserFacts;

/** Runs one install, its output captured. */
export declare function install(what: Install): Attempt;

/**
 * Probes, installs what `nextStep` asks for (each at most once) and returns the verdict.
 * @param io replaceable in tests. @default { probe: probeFacts, install }
 */
export declare function ensureBrowser(io?: { probe?: () => BrowserFacts; install?: (what: Install) => Attempt }): Extract<BrowserStep, { kind: 'use' | 'fail' }>;
