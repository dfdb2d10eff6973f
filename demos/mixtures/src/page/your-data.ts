import type { PageHandle } from '@gandlf/demo-shell/page';
import { decodePoints, pointsJson } from '../points-code';
import { mountCsv } from './csv';
import { mountDraw } from './draw';

/**
 * The "Your data" section: draw points on the panels, or load a CSV, and the
 * three GANs train on them (the `data` knob); "Back to the mixture" undoes it.
 * Exposes `data-drawn`: the points of the `data` knob in force, `[[x, y], ...]`.
 *
 * @example mountDemo({ info, createWorker, tools: [yourData] })
 */
export function yourData(page: PageHandle): void {
  const section = page.section('Your data');
  section.dataset.role = 'your-data';
  mountDraw(page, section);
  mountCsv(page, section);
  // The knobs in force after a load or a shared link: their points, as the tools expose theirs.
  page.onKnobs((knobs) => {
    if (typeof knobs.data === 'string' && knobs.data) page.expose('drawn', pointsJson(decodePoints(knobs.data)));
  });
}
