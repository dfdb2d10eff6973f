import { expect, test, type Page } from '@playwright/test';
import { heatmapColour } from '../../demos/shell/src/page/overlays';
import { servedDemo, sharedTrainingPage } from '../support/demos';

// The mixtures demo's overlays (issue 16) on its tiny preset: D's heatmap read
// back from the canvas against D evaluated at the same points, and the overlay
// toggles (live knobs) changing the picture while training goes on. One page
// for both tests, in order: the second resumes the run the first paused.

/** `data-heatmap-probe`: per run, the heatmap's range and a few cells with D evaluated there on its own. */
interface Probe {
  side: number;
  extent: number;
  runs: Record<string, { range: [number, number]; cells: { row: number; col: number; x: number; y: number; heatmap: number; d: number }[] }>;
}
/** The sample canvas's `data-frames`: where each run's panel lies (view.ts). */
type Frames = Record<string, { x0: number; y0: number; size: number; extent: number }>;
/** The colours of a cell's inner pixels, most frequent first (`r,g,b` and count), and how many pixels there are. */
interface CellColours {
  counts: [string, number][];
  pixels: number;
}

/**
 * The realness interval each heatmap colour stands for: heatmapColour rounds
 * every channel, so one colour covers a short run of values. Scanned at 1e-5.
 */
const COLOUR_RANGES = (() => {
  const ranges = new Map<string, [number, number]>();
  for (let i = 0; i <= 100_000; i++) {
    const t = i / 100_000;
    const key = heatmapColour(t).join(',');
    const r = ranges.get(key);
    if (r) r[1] = t;
    else ranges.set(key, [t, t]);
  }
  return ranges;
})();
/**
 * The widest of those intervals: about 0.014, at white (every channel still
 * rounds to 255 for realness 0.489 to 0.503); elsewhere one step of the
 * fastest-changing channel is 1/(2·77) ≈ 0.0065 or less. This is the colour
 * quantisation a pixel can resolve D to.
 */
const WIDEST = Math.max(...[...COLOUR_RANGES.values()].map(([lo, hi]) => hi - lo));
/** Slack beyond a colour's interval: the scan's step plus float32 noise between the grid's pass and the probe's predict, far below one colour step. */
const SLACK = 1e-4;

/** The colours of each cell's inner pixels (half a pixel in from the cell's edges, where nearest-neighbour scaling could round either way). */
function cellColours(page: Page, key: string, side: number, cells: readonly { row: number; col: number }[]): Promise<CellColours[]> {
  return page.locator('canvas.samples').evaluate(
    (canvas: HTMLCanvasElement, { key, side, cells }) => {
      const frame = (JSON.parse(canvas.dataset['frames'] ?? '{}') as Frames)[key];
      if (!frame) throw new Error(`No panel frame for run '${key}' in data-frames=${canvas.dataset['frames']}`);
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const cell = frame.size / side;
      const inner = (start: number) => {
        const out: number[] = [];
        for (let p = Math.floor(start); p < start + cell; p++) if (p + 0.5 >= start + 0.6 && p + 0.5 <= start + cell - 0.6) out.push(p);
        return out;
      };
      return cells.map(({ row, col }) => {
        const counts = new Map<string, number>();
        const xs = inner(frame.x0 + col * cell);
        const ys = inner(frame.y0 + row * cell);
        for (const y of ys)
          for (const x of xs) {
            const i = 4 * (y * canvas.width + x);
            const k = `${data[i]},${data[i + 1]},${data[i + 2]}`;
            counts.set(k, (counts.get(k) ?? 0) + 1);
          }
        return { counts: [...counts].sort((a, b) => b[1] - a[1]), pixels: xs.length * ys.length };
      });
    },
    { key, side, cells },
  );
}

test.describe('mixtures lab: overlays', () => {
  test.describe.configure({ mode: 'serial' });
  const server = servedDemo('mixtures');
  /** A cell the first test saw coloured: the second checks it turns white with the heatmap off. */
  let coloured: { key: string; row: number; col: number; rgb: string } | undefined;

  const lab = sharedTrainingPage(server);

  test("the heatmap's pixels are D at the probe's cells", async ({}, testInfo) => {
    // A few views in, so D has moved off 0.5 and the colours differ.
    await expect.poll(() => lab.state.step(), { timeout: 120_000 }).toBeGreaterThanOrEqual(12);
    // Pausing draws the paused weights' view before it reports 'paused': canvas and probe are of one step.
    await lab.page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => lab.state.get('status')).toBe('paused');
    expect(await lab.state.get('view-step')).toBe(String(await lab.state.step()));

    const probe = await lab.state.json<Probe>('heatmap-probe');
    expect(Object.keys(probe.runs)).toEqual(['simultaneous', 'alternating', 'unrolled']);
    expect(WIDEST).toBeLessThan(0.015);
    let strongest = -1;
    let [largestGap, covered] = [0, 0];
    for (const [key, run] of Object.entries(probe.runs)) {
      const colours = await cellColours(lab.page, key, probe.side, run.cells);
      let read = 0;
      run.cells.forEach((c, i) => {
        const at = `${key} cell (${c.row}, ${c.col}) at (${c.x}, ${c.y}): D=${c.d}, heatmap=${c.heatmap}`;
        // The grid's batched pass and the probe's own predict agree to float32 rounding.
        expect(Math.abs(c.heatmap - c.d), at).toBeLessThanOrEqual(1e-5);
        largestGap = Math.max(largestGap, Math.abs(c.heatmap - c.d));
        // The cell centre is the grid's: row by row from the top-left cell.
        const step = (2 * probe.extent) / probe.side;
        expect(c.x, at).toBeCloseTo(-probe.extent + (c.col + 0.5) * step, 5);
        expect(c.y, at).toBeCloseTo(probe.extent - (c.row + 0.5) * step, 5);
        // The cell's colour: its most frequent heatmap colour. Points, rings and arrows drawn over it
        // have other colours (their anti-aliased edges blend into a few odd ones, one or two pixels each).
        const { counts, pixels } = colours[i]!;
        const found = counts.find(([rgb]) => COLOUR_RANGES.has(rgb));
        const seen = `${at}: inner pixels ${counts.map(([rgb, n]) => `rgb(${rgb}) x${n}`).join(', ')} of ${pixels}`;
        // A cell near the data may lie under the points; the corners, far from the data, never do.
        const corner = (c.row === 0 || c.row === probe.side - 1) && (c.col === 0 || c.col === probe.side - 1);
        if (!found || found[1] < 2) {
          expect(corner, `${seen}: no heatmap colour shows`).toBe(false);
          covered++;
          return;
        }
        read++;
        const [rgb, count] = found;
        const range = COLOUR_RANGES.get(rgb)!;
        // tiny's D is a sigmoid drawn on the fixed scale, real -> 0 (gandlf's targets): realness = 1 - D.
        const [lo, hi] = [1 - range[1], 1 - range[0]];
        expect(c.d, `${seen}: rgb(${rgb}) stands for D in [${lo}, ${hi}]`).toBeGreaterThanOrEqual(lo - SLACK);
        expect(c.d, `${seen}: rgb(${rgb}) stands for D in [${lo}, ${hi}]`).toBeLessThanOrEqual(hi + SLACK);
        const off = Math.abs(c.d - 0.5);
        if (count === pixels && rgb !== '255,255,255' && off > strongest) [strongest, coloured] = [off, { key, row: c.row, col: c.col, rgb }];
      });
      expect(read, `${key}: probed cells whose colour shows`).toBeGreaterThanOrEqual(4);
    }
    testInfo.annotations.push({ type: 'heatmap probe', description: `largest |heatmap - D| ${largestGap}; ${covered} probed cells under points, unread` });
    expect(coloured, 'a probed cell away from D = 0.5, drawn in colour').toBeDefined();
    expect(lab.errors).toEqual([]);
  });

  test('toggling an overlay redraws while training goes on; the heatmap off leaves the plain panel and no probe', async () => {
    // Every step and status the page shows from here: a restart would show 'loading' and step 0.
    await lab.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => seen.push(`${document.body.dataset['status']}@${document.body.dataset['step']}`)).observe(document.body, {
        attributes: true,
        attributeFilter: ['data-status', 'data-step'],
      });
    });
    await lab.page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => lab.state.get('status')).toBe('training');
    const canvas = lab.page.locator('canvas.samples');
    const height = () => canvas.evaluate((c: HTMLCanvasElement) => c.height);
    /** Flips a toggle, then waits for a view with `lines` legend lines and two more steps. */
    const toggle = async (knob: 'heatmap' | 'gradients' | 'manifold', value: 'on' | 'off', lines: number) => {
      const at = await lab.state.step();
      await lab.page.locator(`select[name="${knob}"]`).selectOption(value);
      // One legend line per overlay that is on, under the 22 px captions and 260 px panels.
      await expect.poll(height).toBe(282 + 16 * lines);
      await expect.poll(() => lab.state.step()).toBeGreaterThanOrEqual(at + 2);
    };
    // tiny starts with the defaults: heatmap and gradients on, manifold off.
    expect(await height()).toBe(282 + 16 * 2);
    const tensors = Number(await lab.state.get('tensors'));
    await toggle('gradients', 'off', 1);
    await toggle('manifold', 'on', 2);
    await toggle('heatmap', 'off', 1);
    await expect.poll(() => lab.state.get('heatmap-probe')).toBe('');
    expect(await lab.state.json<Record<string, number>>('modes')).not.toBeNull();
    // Where the heatmap had colour, the panel is plain white again.
    const [after] = await cellColours(lab.page, coloured!.key, 48, [coloured!]);
    expect(after!.counts[0]![0], `cell (${coloured!.row}, ${coloured!.col}) of ${coloured!.key}, rgb(${coloured!.rgb}) with the heatmap on`).toBe('255,255,255');
    await toggle('manifold', 'off', 0);
    // The overlays hold no tensors between views.
    expect(Number(await lab.state.get('tensors'))).toBe(tensors);
    await toggle('heatmap', 'on', 1);
    await expect.poll(() => lab.state.json<Probe>('heatmap-probe').then((p) => Object.keys(p?.runs ?? {}).length)).toBe(3);

    const seen = await lab.page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    const steps = seen.map((s) => Number(s.split('@')[1]));
    expect(
      seen.every((s) => /^(paused|training)@/.test(s)),
      seen.join(' '),
    ).toBe(true);
    expect(
      steps.every((s, i) => i === 0 || s >= steps[i - 1]!),
      seen.join(' '),
    ).toBe(true);
    expect(lab.errors).toEqual([]);
  });
});
