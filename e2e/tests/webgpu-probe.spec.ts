import { expect, test } from '@playwright/test';
import { webgpuArgs } from '../support/browser';
import { collectErrors, DemoState, openTraining, servedDemo } from '../support/demos';

// Issue 18: WebGPU on a software adapter (SwiftShader, as this project's browser
// has it) is a CPU in disguise, where a DCGAN step took about 70 s. The default
// `auto` backend times it against wasm with a short probe, keeps the faster,
// and says so, as it does for WebGL on a software renderer.
test.skip(({ launchOptions }) => !webgpuArgs.every((a) => launchOptions.args?.includes(a)), 'needs a browser with SwiftShader WebGPU (the webgpu project)');

const server = servedDemo('mixtures');

const PROBED = /^WebGPU: runs on a software adapter \(SwiftShader\); (?:wasm measured faster|kept WebGPU, which measured faster than wasm) \(([\d.]+) ms vs ([\d.]+) ms per probe step\)$/;

test('auto probes a SwiftShader WebGPU adapter against wasm, trains on the faster, and says which won', async ({ page }, testInfo) => {
  const errors = collectErrors(page);
  const state = new DemoState(page);
  // No ?backend=: the default, auto.
  await openTraining(page, server.url, state, 'preset=tiny');
  const notes = await state.get('backend-notes');
  testInfo.annotations.push({ type: 'backend notes', description: notes });
  const probed = PROBED.exec(notes);
  expect(probed, `data-backend-notes=${notes}`).not.toBeNull();
  const [winnerMs, loserMs] = [Number(probed![1]), Number(probed![2])];
  expect(winnerMs).toBeLessThanOrEqual(loserMs);
  const winner = notes.includes('wasm measured faster') ? 'wasm' : 'webgpu';
  expect(await state.get('backend')).toBe(winner);
  expect(await state.get('backend-detail')).toMatch(winner === 'wasm' ? /^XNNPACK, SIMD, \d+ threads?$/ : /swiftshader/i);
  // The page says it too, not only its data-* state.
  await expect(page.locator('[data-role="notes"]')).toContainText('software adapter (SwiftShader)');
  await expect.poll(() => state.step(), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  expect(errors).toEqual([]);
});
