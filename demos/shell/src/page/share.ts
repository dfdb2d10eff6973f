// A run as a link: the knobs in force, deflated into the URL's `#run=` hash.
import type { Knobs } from '../protocol';

/** The hash parameter that carries a shared run. */
export const RUN_PARAM = 'run';
/** How much of a bad link an error message echoes. */
const ECHO_CHARS = 120;

/** The knobs as `#run=` text: base64url of the deflate-raw of their JSON (a drawn distribution shrinks well). */
export async function encodeRun(knobs: Readonly<Knobs>): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(knobs));
  return toBase64Url(await transform(json, new CompressionStream('deflate-raw')));
}

/**
 * The knobs a `#run=` code holds, over the named preset's: a JSON object whose
 * keys are all the preset's keys and whose values have the preset's types (a
 * link from before a knob was added still opens). Throws `Bad #run= link: …`,
 * echoing what it received.
 */
export async function decodeRun(code: string, preset: Readonly<Knobs>, presetName: string): Promise<Knobs> {
  const bad = (why: string, received: string): Error => new Error(`Bad #run= link: ${why}. Received: ${echo(received)}`);
  if (!/^[A-Za-z0-9_-]+$/.test(code) || code.length % 4 === 1) throw bad('expected base64url text (A-Z, a-z, 0-9, - and _)', code);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await transform(fromBase64Url(code), new DecompressionStream('deflate-raw')));
  } catch {
    throw bad('it does not inflate to text (was it cut short?)', code);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw bad('expected the JSON of a knobs object', text);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('expected a JSON object of knobs', text);
  const knobs: Knobs = { ...preset };
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const expected = preset[key];
    if (expected === undefined) throw bad(`'${key}' is not a knob of preset '${presetName}' (expected some of ${Object.keys(preset).join(', ')})`, text);
    if (typeof v !== typeof expected) throw bad(`knob '${key}' should be a ${typeof expected}, as in preset '${presetName}'`, text);
    knobs[key] = v as string | number;
  }
  return knobs;
}

/** The `#run=` code in a location hash (`#run=…`, with or without other hash parameters), or null. */
export function runCode(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get(RUN_PARAM);
}

/** `href` with its query string kept and its hash replaced by `#run=<code>`. */
export function runLink(href: string, code: string): string {
  const url = new URL(href);
  url.hash = `${RUN_PARAM}=${code}`;
  return url.href;
}

/** `href` without a `#run=` hash (other hashes are left alone). */
export function withoutRun(href: string): string {
  const url = new URL(href);
  if (runCode(url.hash) !== null) url.hash = '';
  return url.href;
}

/** Writes `text` to the clipboard; false when there is none (an insecure page) or the browser refused. */
export async function copyText(clipboard: Pick<Clipboard, 'writeText'> | undefined, text: string): Promise<boolean> {
  if (!clipboard) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

async function transform(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // In chunks: spreading a large array into one call overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(code: string): Uint8Array<ArrayBuffer> {
  const binary = atob(
    code
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(code.length / 4) * 4, '='),
  );
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function echo(text: string): string {
  return text.length > ECHO_CHARS ? `${text.slice(0, ECHO_CHARS)}… (${text.length} characters)` : text;
}

/** The elements of the share control (see LAYOUT). */
export interface ShareElements {
  readonly button: HTMLButtonElement;
  /** Says whether the link is in the clipboard. */
  readonly note: HTMLElement;
  /** Shows the link, selected when it could not be copied. */
  readonly field: HTMLInputElement;
}

/**
 * 'Copy link to this run': the page's URL, query string kept, with
 * `#run=<knobs()>`; copied when the clipboard allows, always shown in the
 * field, and passed to `shared` (the page exposes it as `data-share-url`).
 */
export function shareControl({ button, note, field }: ShareElements, knobs: () => Knobs, shared: (url: string) => void, warn: (message: string) => void): void {
  button.addEventListener('click', () => {
    note.textContent = '';
    const copy = async () => {
      const url = runLink(location.href, await encodeRun(knobs()));
      field.value = url;
      field.hidden = false;
      shared(url);
      // navigator.clipboard is absent on an insecure page, and a browser may refuse it.
      if (await copyText(navigator.clipboard as Clipboard | undefined, url)) {
        note.textContent = 'Copied.';
      } else {
        note.textContent = 'Copy it from the field below.';
        field.focus();
        field.select();
      }
    };
    // The button stays enabled: a clipboard prompt left open must not block a second try.
    copy().catch((e: unknown) => warn(`Could not make a link to this run: ${e instanceof Error ? e.message : String(e)}`));
  });
}
