import { mixtureQuality, type MixtureQuality } from '@gandlf/datasets';
import type { View } from '@gandlf/demo-shell/protocol';
import { QUALITY_SAMPLES } from '@gandlf/demo-shell/mnist-quality';

/** Quality metrics of a finished run, as written to `metrics.json` (after its `step`). */
export interface ViewMetrics {
  /** What the numbers measure, e.g. 'mixtureQuality (radius 3 std) of 512 generated points per run'. */
  readonly kind: string;
  /** Per run key, e.g. `{ unrolled: { modesCovered: 8, ... } }`. */
  readonly runs: Readonly<Record<string, object>>;
  /** Metrics this view has none of yet, and why. */
  readonly missing?: string;
}

/** What the trainer's own `quality()` measured (the worker's `quality` event), and the runs it trains. */
export interface TrainerQuality {
  /** E.g. `{ frechet, digits, confidence }`; `{}`: the trainer measures none. */
  readonly values: Readonly<Record<string, number>>;
  /** The trainer's run keys. */
  readonly runKeys: readonly string[];
  /** Why the measurement failed, when it did: written as `missing`, and the run's other files are kept. */
  readonly failed?: string;
}

/**
 * Scores a finished run: by the trainer's own `quality()` where it has one
 * (the MNIST demos: exactly what the page shows live), else 2-D mixtures by
 * `mixtureQuality` of each run's generated points against the view's own
 * centres and std (the numbers the page captions show), else none.
 */
export function runMetrics(view: View, quality?: TrainerQuality): ViewMetrics {
  if (quality?.failed) return { kind: 'none', runs: {}, missing: `the trainer's quality() failed: ${quality.failed}` };
  if (quality && Object.keys(quality.values).length) {
    // Only the MNIST trainers have quality(), and each trains one run: one key in all but name.
    return {
      kind: `the trainer's quality() as the page shows it: @gandlf/metrics mnistQuality of ${QUALITY_SAMPLES} generated digits (conditional generators: every digit in turn); frechet: Fréchet distance on the committed classifier's features (not Inception's), digits: classes holding 5% of the samples, confidence: mean top probability`,
      runs: { [quality.runKeys.join('+')]: quality.values },
    };
  }
  if (view.kind === 'points') {
    const runs: Record<string, MixtureQuality & { points: number }> = {};
    for (const panel of view.panels) runs[panel.key] = { ...mixtureQuality(panel.points, view), points: panel.points.length / 2 };
    return { kind: 'mixtureQuality (radius 3 std, minShare 0.01) of the generated points of the last view', runs };
  }
  return { kind: 'none', runs: {}, missing: "no quality metric for this demo: its trainer measures none (@gandlf/metrics' classifier knows only MNIST digits, not procedural shapes or CIFAR-10)" };
}
