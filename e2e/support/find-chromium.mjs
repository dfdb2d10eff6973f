// Which Chromium the e2e tests drive, and how to get one on a fresh machine (types in
// find-chromium.d.mts). Plain ESM, so `node support/ensure-browser.mjs` runs before
// anything is built or transpiled; browser.ts imports the same path and choice.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';

// Debian's package: Playwright cannot download its own browser on the CI machines.
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export function debianChromium(exists = existsSync) {
  return exists(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

// Flags every run gets: no sandbox (root in CI) and no traffic to Google's services.
export const BASE_ARGS = Object.freeze(['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']);

// WebGPU on SwiftShader (no GPU here). Vulkan was faster than the default path.
export const WEBGPU_ARGS = Object.freeze(['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader', '--enable-features=Vulkan']);

export function chromiumLaunchOptions(backend = 'webgl', executablePath = debianChromium()) {
  const args = backend === 'webgpu' ? [...BASE_ARGS, ...WEBGPU_ARGS] : [...BASE_ARGS];
  return executablePath ? { executablePath, args } : { args };
}

const APT_COMMAND = 'apt-get install -y chromium';
const PLAYWRIGHT_COMMAND = 'playwright install chromium';

export function nextStep(facts) {
  const { debianChromium: hasDebian, root, aptGet, apt, playwright } = facts;
  if (hasDebian) {
    const how = apt?.ok ? `installed Debian's Chromium with ${APT_COMMAND}; using` : "using Debian's Chromium at";
    return { kind: 'use', executablePath: DEBIAN_CHROMIUM, message: `ensure-browser: ${how} ${DEBIAN_CHROMIUM}` };
  }
  if (playwright?.ok) return { kind: 'use', executablePath: undefined, message: `ensure-browser: no ${DEBIAN_CHROMIUM}; using Playwright's own Chromium (${PLAYWRIGHT_COMMAND})` };
  if (root && aptGet && !apt) return { kind: 'install', with: 'apt' };
  if (!playwright) return { kind: 'install', with: 'playwright' };
  const aptPart = !aptGet ? 'no apt-get' : !root ? 'not root, so no apt-get' : apt.ok ? `${APT_COMMAND} left no ${DEBIAN_CHROMIUM}` : `${APT_COMMAND} failed (${apt.detail})`;
  return {
    kind: 'fail',
    message:
      `ensure-browser: no Chromium for the e2e tests: no ${DEBIAN_CHROMIUM}, ${aptPart}, and ${PLAYWRIGHT_COMMAND} failed (${playwright.detail}). ` +
      `Install one (as root: ${APT_COMMAND}; or: cd e2e && npx ${PLAYWRIGHT_COMMAND}) and rerun.`,
  };
}

function onPath(name, path = process.env.PATH ?? '') {
  return path.split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export function probeFacts() {
  return { debianChromium: debianChromium() !== undefined, root: process.getuid?.() === 0, aptGet: onPath('apt-get') };
}

// One line of what the child printed, for the verdict (a single line): the last error line
// (apt-get's `E: …`, Node's `Error: …`; the last lines are often a stack or a brace), else the last line.
function oneLine(...texts) {
  const lines = texts.flatMap((t) => t.split('\n').map((l) => l.replace(/\s+/g, ' ').trim())).filter(Boolean);
  const line = lines.findLast((l) => /^(E:|\w*Error\b)/.test(l)) ?? lines.at(-1) ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

// Output is captured, not shown, so that the script prints its one line only; a failure quotes the last line.
function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 20 * 60_000 });
  if (result.error) return { ok: false, detail: `${command}: ${oneLine(result.error.message)}` };
  if (result.status === 0) return { ok: true, detail: '' };
  const why = oneLine(result.stdout, result.stderr);
  return { ok: false, detail: `exit ${result.status ?? result.signal}${why ? `: ${why}` : ''}` };
}

export function install(what) {
  if (what === 'apt') {
    // Non-interactive: CI has no stdin; `update` first, as a fresh image has no package lists.
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = run('apt-get', ['update'], env);
    return update.ok ? run('apt-get', ['install', '-y', 'chromium'], env) : { ok: false, detail: `apt-get update: ${update.detail}` };
  }
  let cli;
  try {
    cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  } catch {
    return { ok: false, detail: '@playwright/test is not installed (run pnpm install)' };
  }
  return run(process.execPath, [cli, 'install', 'chromium']);
}

export function ensureBrowser(io = {}) {
  const { probe = probeFacts, install: installOne = install } = io;
  let facts = probe();
  for (;;) {
    const step = nextStep(facts);
    if (step.kind !== 'install') return step;
    const attempt = installOne(step.with);
    // Probe again after each install: apt-get may have put Debian's Chromium in place.
    facts = { ...probe(), apt: facts.apt, playwright: facts.playwright, [step.with]: attempt };
  }
}
