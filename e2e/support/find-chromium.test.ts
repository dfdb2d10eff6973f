import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BASE_ARGS, chromiumLaunchOptions, DEBIAN_CHROMIUM, debianChromium, ensureBrowser, nextStep, WEBGPU_ARGS, type Attempt, type BrowserFacts, type Install } from './find-chromium.mjs';

const ok: Attempt = { ok: true, detail: '' };
const failed = (detail: string): Attempt => ({ ok: false, detail });
/** A fresh machine: no Chromium, root with apt-get, nothing tried. */
const fresh: BrowserFacts = { debianChromium: false, root: true, aptGet: true };

describe('nextStep', () => {
  it("uses Debian's Chromium when it is there, whatever else is true", () => {
    for (const facts of [
      { ...fresh, debianChromium: true },
      { debianChromium: true, root: false, aptGet: false },
    ]) {
      expect(nextStep(facts)).toEqual({ kind: 'use', executablePath: DEBIAN_CHROMIUM, message: `ensure-browser: using Debian's Chromium at ${DEBIAN_CHROMIUM}` });
    }
  });

  it('says so when apt-get has just installed it', () => {
    const step = nextStep({ ...fresh, debianChromium: true, apt: ok });
    expect(step).toMatchObject({ kind: 'use', executablePath: DEBIAN_CHROMIUM });
    expect(step.kind === 'use' && step.message).toBe(`ensure-browser: installed Debian's Chromium with apt-get install -y chromium; using ${DEBIAN_CHROMIUM}`);
  });

  it('installs with apt-get first when root with apt-get', () => {
    expect(nextStep(fresh)).toEqual({ kind: 'install', with: 'apt' });
  });

  it("falls back to Playwright's install when apt-get failed, left no binary, is missing, or needs root", () => {
    for (const facts of [
      { ...fresh, apt: failed('exit 100') },
      { ...fresh, apt: ok },
      { ...fresh, aptGet: false },
      { ...fresh, root: false },
    ]) {
      expect(nextStep(facts), JSON.stringify(facts)).toEqual({ kind: 'install', with: 'playwright' });
    }
  });

  it("uses Playwright's own Chromium (no executablePath) once its install worked", () => {
    expect(nextStep({ ...fresh, root: false, playwright: ok })).toEqual({
      kind: 'use',
      executablePath: undefined,
      message: `ensure-browser: no ${DEBIAN_CHROMIUM}; using Playwright's own Chromium (playwright install chromium)`,
    });
  });

  it('fails with one line naming every way it tried', () => {
    const cases: [BrowserFacts, string][] = [
      [
        { ...fresh, apt: failed('exit 100: E: Unable to locate package chromium'), playwright: failed('exit 1: getaddrinfo ENOTFOUND') },
        'apt-get install -y chromium failed (exit 100: E: Unable to locate package chromium)',
      ],
      [{ ...fresh, apt: ok, playwright: failed('exit 1') }, `apt-get install -y chromium left no ${DEBIAN_CHROMIUM}`],
      [{ ...fresh, root: false, playwright: failed('exit 1') }, 'not root, so no apt-get'],
      [{ ...fresh, aptGet: false, playwright: failed('exit 1') }, 'no apt-get'],
    ];
    for (const [facts, aptPart] of cases) {
      const step = nextStep(facts);
      expect(step.kind).toBe('fail');
      const message = step.kind === 'fail' ? step.message : '';
      expect(message).not.toContain('\n');
      expect(message).toContain(`no ${DEBIAN_CHROMIUM}, ${aptPart}, and playwright install chromium failed (${facts.playwright!.detail})`);
      expect(message).toMatch(/^ensure-browser: no Chromium for the e2e tests: .* and rerun\.$/);
    }
  });
});

describe('ensureBrowser', () => {
  /** A machine whose installs go as `results` says; an apt-get that works puts Debian's Chromium in place. */
  function machine(start: BrowserFacts, results: Record<Install, Attempt>) {
    let facts = start;
    const installs: Install[] = [];
    const probe = () => ({ debianChromium: facts.debianChromium, root: facts.root, aptGet: facts.aptGet });
    const install = (what: Install) => {
      installs.push(what);
      if (what === 'apt' && results.apt.ok) facts = { ...facts, debianChromium: true };
      return results[what];
    };
    return { io: { probe, install }, installs };
  }

  it("installs Debian's Chromium with apt-get and uses it", () => {
    const { io, installs } = machine(fresh, { apt: ok, playwright: failed('unused') });
    expect(ensureBrowser(io)).toMatchObject({ kind: 'use', executablePath: DEBIAN_CHROMIUM });
    expect(installs).toEqual(['apt']);
  });

  it("tries Playwright's after apt-get fails, each install once, then gives up", () => {
    const { io, installs } = machine(fresh, { apt: failed('exit 100'), playwright: failed('exit 1') });
    expect(ensureBrowser(io).kind).toBe('fail');
    expect(installs).toEqual(['apt', 'playwright']);
  });

  it("installs nothing when Debian's Chromium is there", () => {
    const { io, installs } = machine({ ...fresh, debianChromium: true }, { apt: ok, playwright: ok });
    expect(ensureBrowser(io).kind).toBe('use');
    expect(installs).toEqual([]);
  });
});

describe('ensure-browser.mjs', () => {
  it('browser.ts and the script make the same choice', () => {
    expect(debianChromium(() => true)).toBe(DEBIAN_CHROMIUM);
    expect(debianChromium(() => false)).toBeUndefined();
  });

  // Elsewhere the script would install a browser, which a unit test must not do.
  it.skipIf(!existsSync(DEBIAN_CHROMIUM))(`run for real: finds ${DEBIAN_CHROMIUM}, prints one line and exits 0`, async () => {
    const script = fileURLToPath(new URL('./ensure-browser.mjs', import.meta.url));
    // execFile rejects on a non-zero exit code, so resolving is the exit-0 check.
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script]);
    expect(stdout).toBe(`ensure-browser: using Debian's Chromium at ${DEBIAN_CHROMIUM}\n`);
    expect(stderr).toBe('');
  });
});

describe('chromiumLaunchOptions', () => {
  it('gives every run the base flags, webgpu the SwiftShader ones too, on the Chromium found', () => {
    expect(chromiumLaunchOptions('webgl', DEBIAN_CHROMIUM)).toEqual({ executablePath: DEBIAN_CHROMIUM, args: [...BASE_ARGS] });
    expect(chromiumLaunchOptions('webgpu', DEBIAN_CHROMIUM)).toEqual({ executablePath: DEBIAN_CHROMIUM, args: [...BASE_ARGS, ...WEBGPU_ARGS] });
    expect(BASE_ARGS).toContain('--no-sandbox');
    expect(WEBGPU_ARGS).toContain('--use-webgpu-adapter=swiftshader');
  });

  it("defaults to webgl on debianChromium(), with no executablePath where that is none (Playwright's own)", () => {
    expect(chromiumLaunchOptions(undefined, undefined)).toEqual(debianChromium() ? { executablePath: debianChromium(), args: [...BASE_ARGS] } : { args: [...BASE_ARGS] });
  });

  it('hands out a fresh args array each call, so a caller that adds flags changes no one else', () => {
    const a = chromiumLaunchOptions('webgl', DEBIAN_CHROMIUM);
    a.args.push('--extra');
    expect(chromiumLaunchOptions('webgl', DEBIAN_CHROMIUM).args).toEqual([...BASE_ARGS]);
  });
});
