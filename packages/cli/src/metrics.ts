import { mixtureQuality, type MixtureQuality } from '@gandlf/datasets';
import type { View } from '@gandlf/demo-shell/protocol';

/** Quality metrics of a run's last sample view, as written to `metrics.json`. */
export interface ViewMetrics {
  /** What the numbers measure, e.g. 'mixtureQuality (radius 3 std) of 512 generated points per run'. */
  readonly kind: string;
  /** Per run key, e.g. `{ unrolled: { modesCovered: 8, ... } }`. */
  readonly runs: Readonly<Record<string, object>>;
  /** Metrics this view has none of yet, and why. */
  readonly missing?: string;
}

/**
 * Scores a view: 2-D mixtures by `mixtureQuality` of each run's generated
 * points against the view's own centres and std (the numbers the page
 * captions show). Image views get none here: the GAN MNIST demo is scored
 * from its checkpoint instead (mnist-metrics.ts).
 */
export function viewMetrics(view: View): ViewMetrics {
  if (view.kind === 'points') {
    const runs: Record<string, MixtureQuality & { points: number }> = {};
    for (const panel of view.panels) runs[panel.key] = { ...mixtureQuality(panel.points, view), points: panel.points.length / 2 };
    return { kind: 'mixtureQuality (radius 3 std, minShare 0.01) of the generated points of the last view', runs };
  }
  return { kind: 'none', runs: {}, missing: 'no quality metric for this demo yet (the MNIST classifier scores only gan-mnist runs: other generators take more than noise or make codes)' };
}
