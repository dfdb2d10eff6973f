import type { PageHandle } from '@gandlf/demo-shell/page';
import { encodePoints, pointsJson } from '../points-code';

/**
 * Trains on `points`: sets the `data` knob to their code (the worker restarts
 * on them) and exposes them as `data-drawn`, as the knob holds them (3
 * decimals). The same points as the knob's already: nothing restarts.
 * Returns whether the knob changed.
 */
export function usePoints(page: Pick<PageHandle, 'knobs' | 'setKnobs' | 'expose'>, points: Float32Array): boolean {
  const data = encodePoints(points);
  page.expose('drawn', pointsJson(points));
  if (page.knobs().data === data) return false;
  page.setKnobs({ data });
  return true;
}
