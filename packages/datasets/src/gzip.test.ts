import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipIfNeeded, isGzip } from './gzip';
import { parseIdx } from './idx';
import { idxBytes } from './test-utils/fixtures';

describe('gunzipIfNeeded', () => {
  const raw = idxBytes(0x08, [3], [1, 2, 3]);

  it('decompresses gzip bytes so parseIdx can read them', async () => {
    const gz = new Uint8Array(gzipSync(raw));
    expect(isGzip(gz)).toBe(true);
    expect(Array.from(parseIdx(await gunzipIfNeeded(gz)).data)).toEqual([1, 2, 3]);
  });

  it('returns raw bytes unchanged', async () => {
    expect(isGzip(raw)).toBe(false);
    expect(await gunzipIfNeeded(raw)).toBe(raw);
  });

  it('rejects corrupt gzip data', async () => {
    const gz = new Uint8Array(gzipSync(raw)).slice(0, 12);
    await expect(gunzipIfNeeded(gz)).rejects.toThrow(/gunzipIfNeeded: the gzip data is corrupt or truncated/);
  });

  it('says so when the runtime has no DecompressionStream', async () => {
    const gz = new Uint8Array(gzipSync(raw));
    const none = null as unknown as typeof DecompressionStream;
    await expect(gunzipIfNeeded(gz, { DecompressionStream: none })).rejects.toThrow(/no DecompressionStream/);
  });
});
