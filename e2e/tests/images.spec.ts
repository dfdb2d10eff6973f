import { expect, test, type Page } from '@playwright/test';
import { projectBackend } from '../support/browser';
import { demoSuite } from '../support/demo-suite';
import { collectErrors, DemoState, openTraining, servedDemo } from '../support/demos';

// The images demo (demos/images) on its tiny preset: an MLP GAN on 32x32 RGB
// images, which trains on generated shapes until files are dropped. CIFAR-10
// cannot be downloaded here: the files below are made in the CIFAR-10 binary
// format (records of 1 label byte + 3072 pixel bytes, R, G, B planes).
demoSuite({ name: 'images', minSteps: 8, generatorFiles: 2 });

const RECORD = 1 + 3 * 32 * 32;

/** `count` CIFAR-10 records: label i % 10, a gradient whose colour depends on the label. */
function cifarBatch(count: number): Buffer {
  const b = Buffer.alloc(count * RECORD);
  for (let r = 0; r < count; r++) {
    const label = r % 10;
    b[r * RECORD] = label;
    for (let c = 0; c < 3; c++) {
      for (let p = 0; p < 1024; p++) b[r * RECORD + 1 + c * 1024 + p] = (p * (c + 1) + label * 25) % 256;
    }
  }
  return b;
}

/** Drops one file on the page, as a user dragging it from their file manager would. */
async function drop(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.evaluate(
    ([fileName, b64]) => {
      const raw = atob(b64);
      const data = Uint8Array.from(raw, (ch) => ch.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], fileName, { type: 'application/octet-stream' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    [name, bytes.toString('base64')] as const,
  );
}

/** A small PNG drawn by the page's own canvas. */
async function png(page: Page, colour: string): Promise<Buffer> {
  const b64 = await page.evaluate((fill) => {
    const c = document.createElement('canvas');
    [c.width, c.height] = [48, 40];
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#202020';
    ctx.fillRect(0, 0, 48, 40);
    ctx.fillStyle = fill;
    ctx.beginPath();
    ctx.arc(24, 20, 12, 0, 2 * Math.PI);
    ctx.fill();
    return c.toDataURL('image/png').split(',')[1]!;
  }, colour);
  return Buffer.from(b64, 'base64');
}

test.describe('images: files', () => {
  const server = servedDemo('images');

  test('trains on CIFAR-10 batch files and pictures; a corrupt file or a non-image shows a clear message and training goes on', async ({ page }, testInfo) => {
    const backend = projectBackend(testInfo.project.name);
    // Files are parsed and decoded in the worker, the same on every backend; the
    // suite above already trains this demo on webgpu, so this runs on webgl only.
    test.skip(backend === 'webgpu', 'file handling does not depend on the backend');
    const errors = collectErrors(page);
    const state = new DemoState(page);
    const files = page.locator('input[data-role="files"]');
    const stepsOn = async (n = 3) => {
      const from = await state.step();
      await expect.poll(() => state.step()).toBeGreaterThanOrEqual(from + n);
      expect(await state.get('status'), await state.error()).toBe('training');
    };
    await openTraining(page, server.url, state, `preset=tiny&backend=${backend}`);
    expect(await state.get('training-data')).toBe('shapes');
    await stepsOn(2);

    // 20 CIFAR-10 records, dropped on the page: training goes on, on them.
    await drop(page, 'data_batch_1.bin', cifarBatch(20));
    await expect.poll(() => state.get('training-data')).toBe('cifar-10');
    expect(await state.get('training-count')).toBe('20');
    await stepsOn();

    // A truncated batch, picked with the file input: the parser's message, and training keeps its data.
    await files.setInputFiles({ name: 'corrupt.bin', mimeType: 'application/octet-stream', buffer: cifarBatch(20).subarray(0, 20 * RECORD - 100) });
    await expect.poll(() => state.get('warning')).toMatch(/corrupt\.bin is not a CIFAR-10 batch file: .*multiple of 3073/);
    await expect(page.getByRole('status').filter({ hasText: 'corrupt.bin' })).toBeVisible();
    expect(await state.get('training-count')).toBe('20');
    await stepsOn();

    // Not an image.
    await files.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture\n') });
    await expect.poll(() => state.get('warning')).toMatch(/notes\.txt: not an image/);
    expect(await state.get('training-data')).toBe('cifar-10');
    await stepsOn();

    // Two pictures (decoded in the worker, cropped and resized to 32x32).
    await files.setInputFiles([
      { name: 'red.png', mimeType: 'image/png', buffer: await png(page, '#e03030') },
      { name: 'green.png', mimeType: 'image/png', buffer: await png(page, '#30e030') },
    ]);
    await expect.poll(() => state.get('training-data')).toBe('images');
    expect(await state.get('training-count')).toBe('2');
    await stepsOn();
    const path = testInfo.outputPath(`images-${backend}-files.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach('images-files', { path, contentType: 'image/png' });
    expect(errors).toEqual([]);
  });
});
