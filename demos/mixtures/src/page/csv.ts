import { parsePointsCsv, pointsCsv } from '@gandlf/datasets';
import type { PageHandle } from '@gandlf/demo-shell/page';
import { panelExtent } from '../data';
import type { MixtureKnobs } from '../knobs';
import { decodePoints } from '../points-code';
import { button, guarded } from './controls';
import { MAX_POINTS } from './stroke';
import { usePoints } from './use-points';

/** The download's name. */
export const CSV_NAME = 'mixtures-data.csv';
/** Files larger than this are not read: 100,000 points of CSV take about 2 MB. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * The points of a CSV file that the panels show: those outside the panel's
 * square (half-side `extent`) are left out and counted. A bad file throws the
 * parser's error; a file of no point inside throws too.
 */
export function pointsInPanel(text: string, extent: number): { points: Float32Array; outside: number } {
  const all = parsePointsCsv(text, { maxPoints: MAX_POINTS });
  const kept: number[] = [];
  for (let i = 0; i < all.length; i += 2) if (Math.abs(all[i]!) <= extent && Math.abs(all[i + 1]!) <= extent) kept.push(all[i]!, all[i + 1]!);
  const outside = all.length / 2 - kept.length / 2;
  if (kept.length === 0) throw new Error(`None of its ${outside} points lies in the panel's square, -${extent} to ${extent} on each axis.`);
  return { points: Float32Array.from(kept), outside };
}

/** What "Download data (CSV)" writes: the `data` knob's points, or, on the mixture, the real points of the latest view (null before one). */
export function downloadPoints(knobs: Partial<Pick<MixtureKnobs, 'data'>>, latestReal: Float32Array | null): Float32Array | null {
  return knobs.data ? decodePoints(knobs.data) : latestReal;
}

/**
 * The file half of "Your data": a CSV of x, y points, picked or dropped on the
 * page, becomes the real data (a bad file is a warning; training goes on on
 * the data it had), and "Download data (CSV)" writes the data trained on.
 */
export function mountCsv(page: PageHandle, section: HTMLElement): void {
  let latestReal: Float32Array | null = null;
  const warn = (message: string) => page.warn(message);
  page.onView((view) => {
    if (view.kind === 'points') latestReal = view.real;
  });

  const picker = document.createElement('input');
  picker.type = 'file';
  picker.accept = '.csv,text/csv,text/plain';
  picker.dataset.role = 'csv';
  picker.addEventListener('change', () => {
    const file = picker.files?.[0];
    // Cleared, so that picking the same file again loads it again.
    picker.value = '';
    if (file) void load(file);
  });
  const label = document.createElement('label');
  label.title = 'A CSV of x, y points (a header line and # comments are fine); drop one on the page too';
  label.append('Load CSV ', picker);

  section.append(
    label,
    button(
      'Download data (CSV)',
      'csv-download',
      guarded(warn, 'Download data (CSV)', () => {
        const points = downloadPoints(page.knobs(), latestReal);
        if (!points) return page.warn('No data to download yet: the first view has not come.');
        page.offer([{ name: CSV_NAME, blob: new Blob([pointsCsv(points)], { type: 'text/csv' }) }]);
      }),
      'The data trained on as x, y points: the drawn or loaded points, or a sample of the mixture',
    ),
  );

  async function load(file: File): Promise<void> {
    if (file.size > MAX_FILE_BYTES) return page.warn(`${file.name} is ${(file.size / 2 ** 20).toFixed(1)} MB; a points CSV is at most ${MAX_FILE_BYTES / 2 ** 20} MB (${MAX_POINTS} points).`);
    try {
      const extent = panelExtent(page.knobs() as Pick<MixtureKnobs, 'mixture'>);
      const { points, outside } = pointsInPanel(await file.text(), extent);
      if (outside > 0) page.warn(`${file.name}: ${outside} of ${outside + points.length / 2} points lie outside the panel's square (-${extent} to ${extent}) and were left out.`);
      usePoints(page, points);
    } catch (e) {
      page.warn(`${file.name}: ${message(e)} Training goes on with the data it had.`);
    }
  }

  // No other drop target on this page (the shell routes files only for demos with `input`).
  const csvOf = (data: DataTransfer | null) => [...(data?.files ?? [])].find((f) => /\.(csv|txt)$/i.test(f.name) || f.type.startsWith('text/'));
  const carriesFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  document.addEventListener('dragover', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    const file = csvOf(e.dataTransfer);
    if (file) void load(file);
    else page.warn('Drop a .csv file of x, y points: this demo trains on no other files.');
  });
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
