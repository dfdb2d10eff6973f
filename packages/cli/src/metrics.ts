import { mixtureQuality, type MixtureQuality } from '@gandlf/datasets';
import type { View } from '@gandlf/demo-shell/protocol';

/** Quality metrics of a run's last sample view, as written to `metrics.json`. */
export interface ViewMetrics {
  /** What the numbers measure, e.g. 'mixtureQuality (radius 3 std) of 512 generated points per run'. */
  readonly kind: string;
  /** Per run key (points views), e.g. `{ unrolled: { modesCovered: 8, ... } }`. */
  readonly runs: Readonly<Record<string, MixtureQuality & { readonly points: number }>>;
  /** Metrics this view has none of yet, and why. */
  readonly missing?: string;
}

/**
 * Scores a view: 2-D mixtures by `mixtureQuality` of each run's generated
 * points against the view's own centres and std (the numbers the page
 * captions show). Image views have no metric here yet (an MNIST classifier
 * and FID are on their way in `@gandlf/metrics`).
 */
export function viewMetrics(view: View): ViewMetrics {
  if (view.kind === 'points') {
    const runs: Record<string, MixtureQuality & { points: number }> = {};
    for (const panel of view.panels) runs[panel.key] = { ...mixtureQuality(panel.points, view), points: panel.points.length / 2 };
    return { kind: 'mixtureQuality (radius 3 std, minShare 0.01) of the generated points of the last view', runs };
  }
  return { kind: 'none', runs: {}, missing: 'image quality metrics (MNIST classifier score, FID) need @gandlf/metrics, which has not landed yet' };
}
