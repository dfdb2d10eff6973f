import { expect, test } from '@playwright/test';
import { listDemos } from '../../demos/gallery/scripts/demos.mjs';
import { collectErrors, servedDemo } from '../support/demos';

// The gallery's production build (demos/gallery, the index page alone): every
// demo's card shows its committed picture, and the page says which backend the
// demos would train on here, found by the demos' own choice in a worker.
const site = servedDemo('gallery');

/** A card's picture as the browser loaded it. */
interface CardPicture {
  demo: string;
  src: string;
  complete: boolean;
  naturalWidth: number;
  caption: string;
}

test('every card shows its picture and the page names the backend', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(site.url);
  const cards = (): Promise<CardPicture[]> =>
    page.locator('.card').evaluateAll((els) =>
      els.map((card) => {
        const img = card.querySelector('img');
        return {
          demo: (card as HTMLElement).dataset.demo ?? '',
          src: img?.getAttribute('src') ?? '',
          // A card without a picture counts as loaded here; its naturalWidth of 0 fails below.
          complete: img?.complete ?? true,
          naturalWidth: img?.naturalWidth ?? 0,
          caption: card.querySelector('figcaption')?.textContent ?? '',
        };
      }),
    );
  await expect.poll(async () => (await cards()).every((c) => c.complete), { timeout: 15_000 }).toBe(true);
  const shown = await cards();
  expect(shown.map((c) => c.demo)).toEqual(listDemos().map((d) => d.name));
  for (const card of shown) {
    expect.soft(card.naturalWidth, `${card.demo}'s picture ${card.src || '(none)'} did not load`).toBeGreaterThan(0);
    expect.soft(card.caption, `${card.demo}'s caption`).toMatch(/^\S+ preset, [\d,]+ steps \(/);
  }

  // The worker runs the demos' `auto` choice, probe included (SwiftShader compiles shaders for seconds).
  const body = page.locator('body');
  await expect(body).toHaveAttribute('data-backend', /^(webgpu|webgl|wasm|cpu)$/, { timeout: 60_000 });
  await expect(page.locator('#backend')).toHaveText(/^Training here runs on (WebGPU|WebGL|wasm|CPU) \(.+\)\./);
  expect(errors, errors.join('\n')).toEqual([]);
});
