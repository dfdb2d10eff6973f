import { describe, expect, it } from 'vitest';
import { copyText, decodeRun, encodeRun, runCode, runLink, withoutRun } from './share';

const preset = { preset: 'ring', seed: 1, lrD: 1e-3, loss: 'binaryCrossentropy', data: '' };

describe('share: a run as a #run= link', () => {
  it('round-trips the knobs, a long drawn distribution and non-ASCII text included', async () => {
    const data = Array.from({ length: 2000 }, (_, i) => `${(Math.sin(i) * 2).toFixed(3)},${(Math.cos(i * 0.7) * 2).toFixed(3)}`).join(';');
    const knobs = { preset: 'ring', seed: 42, lrD: 2.5e-4, loss: 'hinge', data: `${data} · drawn ✎` };
    const code = await encodeRun(knobs);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    // Deflate keeps links short: the 28 kB of points take far less.
    expect(code.length).toBeLessThan(JSON.stringify(knobs).length / 1.5);
    expect(await decodeRun(code, preset, 'ring')).toEqual(knobs);
  });

  it("fills the knobs a link lacks from the named preset's", async () => {
    expect(await decodeRun(await encodeRun({ seed: 7 }), preset, 'ring')).toEqual({ ...preset, seed: 7 });
  });

  it('rejects a link that is not base64url, does not inflate, or is cut short', async () => {
    await expect(decodeRun('abc$def', preset, 'ring')).rejects.toThrow('Bad #run= link: expected base64url text (A-Z, a-z, 0-9, - and _). Received: abc$def');
    await expect(decodeRun('AAAAAAAA', preset, 'ring')).rejects.toThrow('Bad #run= link: it does not inflate to text (was it cut short?). Received: AAAAAAAA');
    const code = await encodeRun({ ...preset, data: 'x'.repeat(500) });
    await expect(decodeRun(code.slice(0, code.length - 4), preset, 'ring')).rejects.toThrow(/^Bad #run= link: /);
  });

  it("rejects what is not an object of the preset's knobs with the preset's types, echoing it", async () => {
    const encodeText = async (text: string) => encodeRun(JSON.parse(text) as Record<string, string>);
    await expect(decodeRun(await encodeText('[1,2]'), preset, 'ring')).rejects.toThrow('Bad #run= link: expected a JSON object of knobs. Received: [1,2]');
    await expect(decodeRun(await encodeText('null'), preset, 'ring')).rejects.toThrow('Bad #run= link: expected a JSON object of knobs. Received: null');
    await expect(decodeRun(await encodeRun({ seed: 1, width: 64 }), preset, 'ring')).rejects.toThrow(
      `Bad #run= link: 'width' is not a knob of preset 'ring' (expected some of preset, seed, lrD, loss, data). Received: {"seed":1,"width":64}`,
    );
    await expect(decodeRun(await encodeRun({ seed: '1' }), preset, 'ring')).rejects.toThrow(`Bad #run= link: knob 'seed' should be a number, as in preset 'ring'. Received: {"seed":"1"}`);
    await expect(decodeRun(await encodeText('{"seed":{"a":1}}'), preset, 'ring')).rejects.toThrow("knob 'seed' should be a number");
  });

  it('shortens a long echo', async () => {
    const error = await decodeRun(await encodeRun({ nope: 'y'.repeat(1000) }), preset, 'ring').catch((e: unknown) => e as Error);
    expect((error as Error).message).toMatch(/… \(1011 characters\)$/);
  });

  it('puts the code in the hash and keeps the query string', () => {
    const link = runLink('https://x.dev/demos/mixtures/?preset=tiny&backend=wasm&pauseAt=40#old', 'AbC-_9');
    expect(link).toBe('https://x.dev/demos/mixtures/?preset=tiny&backend=wasm&pauseAt=40#run=AbC-_9');
    expect(runCode(new URL(link).hash)).toBe('AbC-_9');
    expect(runCode('')).toBeNull();
    expect(runCode('#other=1')).toBeNull();
    expect(withoutRun(link)).toBe('https://x.dev/demos/mixtures/?preset=tiny&backend=wasm&pauseAt=40');
    expect(withoutRun('https://x.dev/?a=1#section')).toBe('https://x.dev/?a=1#section');
  });

  it('copies when the clipboard lets it, and says so otherwise', async () => {
    const copied: string[] = [];
    expect(await copyText({ writeText: async (t) => void copied.push(t) }, 'link')).toBe(true);
    expect(copied).toEqual(['link']);
    expect(await copyText(undefined, 'link')).toBe(false);
    expect(await copyText({ writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }, 'link')).toBe(false);
  });
});
