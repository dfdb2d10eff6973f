import * as tf from '@tensorflow/tfjs';
import type { Player } from './player';
import { checkOptions, optionKeys } from '../options';

/** Options of the divergence guard (`fit({ divergence })`). */
export interface DivergenceOptions {
  /**
   * Steps between checks. A check is one small read-back; in between, the
   * first bad step of every metric is tracked on the device, so the step
   * reported is exact however rare the checks.
   * @default 20
   */
  checkEvery?: number;
  /** Also check every player's weights at each check. @default true */
  checkWeights?: boolean;
  /**
   * Instead of stopping, roll back to the last good snapshot (taken in memory)
   * and go on with every learning rate multiplied by `learningRateFactor`.
   * @default undefined: stop with TrainingDivergedError
   */
  rollback?: {
    /** Rollbacks allowed in one `fit` before giving up. @default 3 */
    maxRetries?: number;
    /** Multiplies every player's learning rate at each rollback. @default 0.5 */
    learningRateFactor?: number;
    /** Steps between snapshots (each copies every weight and optimizer slot). @default 100 */
    snapshotEvery?: number;
  };
}

const DIVERGENCE_KEYS = optionKeys<DivergenceOptions>()({ checkEvery: true, checkWeights: true, rollback: true });
const ROLLBACK_KEYS = optionKeys<NonNullable<DivergenceOptions['rollback']>>()({ maxRetries: true, learningRateFactor: true, snapshotEvery: true });

/** Checks the keys of `fit({ divergence })` and of its `rollback`; `false` turns the guard off. */
export function checkDivergenceOptions(divergence: DivergenceOptions | false | undefined, fn: string): void {
  if (divergence === false) return;
  const { rollback } = checkOptions(divergence, DIVERGENCE_KEYS, fn, 'divergence');
  checkOptions(rollback, ROLLBACK_KEYS, fn, 'divergence.rollback');
}

/** Where training first went non-finite. */
export interface Divergence {
  readonly step: number;
  /** The logged metric (`discriminator_yReal_loss`) or the weight's variable name. */
  readonly what: string;
  readonly player: string | undefined;
  /** The output of a loss, or the weight's name. */
  readonly output: string | undefined;
  readonly kind: 'loss' | 'weight';
}

/**
 * Watches losses (and weights) for NaN and Infinity with one read-back every
 * `checkEvery` steps.
 */
export class DivergenceGuard {
  readonly checkEvery: number;
  private readonly checkWeights: boolean;
  /** Per metric, the first step it was non-finite, or -1. */
  private firstBad: tf.Tensor1D | null = null;

  constructor(
    private readonly metricNames: readonly string[],
    private readonly players: readonly Player[],
    { checkEvery = 20, checkWeights = true }: DivergenceOptions = {},
  ) {
    this.checkEvery = checkEvery;
    this.checkWeights = checkWeights;
  }

  /** Records which of this step's values are non-finite (device-side, no sync). */
  observe(values: tf.Tensor1D, step: number): void {
    const prev = this.firstBad;
    this.firstBad = tf.tidy(() => {
      const bad = tf.logicalNot(tf.isFinite(values));
      const before = prev ?? tf.fill([values.shape[0]], -1);
      return tf.where(tf.logicalAnd(bad, tf.less(before, 0)), tf.fill([values.shape[0]], step), before) as tf.Tensor1D;
    });
    prev?.dispose();
  }

  /** Reads the tracked state back; returns the earliest problem, if any. */
  async check(step: number): Promise<Divergence | null> {
    const weightsOk = this.checkWeights ? tf.tidy(() => tf.stack(this.players.flatMap((p) => p.variables.map((v) => tf.all(tf.isFinite(v)))))) : null;
    const [bad, ok] = await Promise.all([this.firstBad?.data() ?? Promise.resolve(new Float32Array()), weightsOk?.data()]);
    weightsOk?.dispose();
    let best: Divergence | null = null;
    bad.forEach((s, k) => {
      // Ties go to the later, more specific metric (an output's loss over a player's total).
      if (s >= 0 && (best === null || s <= best.step)) best = this.describeMetric(k, s);
    });
    if (best) return best;
    if (ok) {
      let k = 0;
      for (const p of this.players) {
        for (const v of p.variables) {
          if (!ok[k++]) return { step, what: v.name, player: p.name, output: v.name, kind: 'weight' };
        }
      }
    }
    return null;
  }

  /** Forgets what was seen (after a rollback). */
  reset(): void {
    this.firstBad?.dispose();
    this.firstBad = null;
  }

  dispose(): void {
    this.reset();
  }

  private describeMetric(k: number, step: number): Divergence {
    const what = this.metricNames[k] ?? `metric ${k}`;
    const player = this.players.find((p) => what.startsWith(`${p.name}_`));
    const rest = player ? what.slice(player.name.length + 1) : undefined;
    const output = player?.outputs.find((o) => rest === `${o.name}_loss` || rest?.startsWith(`${o.name}_`))?.name;
    return { step, what, player: player?.name, output, kind: 'loss' };
  }
}

/** The message of a TrainingDivergedError for a divergence. */
export function divergenceMessage(d: Divergence, rollbacks: number): string {
  const where =
    d.kind === 'loss'
      ? `${d.what} became NaN or Infinity (player '${d.player ?? 'all'}'${d.output ? `, output '${d.output}'` : ''})`
      : `weight '${d.what}' of player '${d.player}' became NaN or Infinity`;
  const tried = rollbacks > 0 ? ` after ${rollbacks} rollback(s) with lowered learning rates` : '';
  return `Training diverged at step ${d.step}: ${where}${tried}. Lower the learning rates, or pass fit({ divergence: { rollback: {} } }) to roll back and retry.`;
}
