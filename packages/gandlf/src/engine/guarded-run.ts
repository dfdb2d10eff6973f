import type * as tf from '@tensorflow/tfjs';
import { TrainingDivergedError } from '../errors';
import { DivergenceGuard, divergenceMessage, type DivergenceOptions } from './divergence';
import { setLearningRate } from '../optim/weight-clipping';
import type { Player } from './player';
import { takeSnapshot, type Snapshot } from './snapshot';

/** What the guard needs of the model it watches. */
interface Watched {
  readonly playerModels: readonly tf.LayersModel[];
  readonly metricsNames: string[];
  step: number;
  /** Where rollbacks are recorded. */
  readonly rollbacks: RollbackEvent[];
}

/** A rollback the divergence guard made. */
export interface RollbackEvent {
  /** The step at which training went non-finite. */
  readonly step: number;
  /** The metric or weight that did. */
  readonly what: string;
  /** The step of the snapshot training went back to. */
  readonly restoredStep: number;
}

/**
 * The divergence guard of one `fit`: checks every `checkEvery` steps and,
 * with `rollback`, keeps a snapshot to go back to with lower learning rates.
 */
export class GuardedRun {
  private readonly guard: DivergenceGuard;
  private snapshot: Snapshot | null = null;
  private rollbacks = 0;

  constructor(
    private readonly model: Watched,
    private readonly players: readonly Player[],
    private readonly options: DivergenceOptions,
  ) {
    this.guard = new DivergenceGuard(model.metricsNames, players, options);
  }

  async start(): Promise<void> {
    if (this.options.rollback) this.snapshot = await takeSnapshot(this.model.playerModels, this.players, this.model.step);
  }

  /** Call after each step with its logged values (the step counter already advanced). */
  async afterStep(values: tf.Tensor1D): Promise<void> {
    const step = this.model.step - 1;
    this.guard.observe(values, step);
    if (this.model.step % this.guard.checkEvery !== 0) return;
    const bad = await this.guard.check(step);
    if (!bad) {
      await this.maybeSnapshot();
      return;
    }
    const { maxRetries = 3, learningRateFactor = 0.5 } = this.options.rollback ?? {};
    if (!this.snapshot || this.rollbacks >= maxRetries) {
      throw new TrainingDivergedError(divergenceMessage(bad, this.rollbacks), bad.player, bad.output, bad.step);
    }
    await this.snapshot.restore();
    this.rollbacks++;
    this.model.rollbacks.push({ step: bad.step, what: bad.what, restoredStep: this.snapshot.step });
    this.model.step = this.snapshot.step;
    // Through setLearningRate: SGD and momentum step with a cached tensor, not the field.
    for (const p of this.players) {
      const rate = (p.optimizer as unknown as { learningRate: number }).learningRate;
      setLearningRate(p.optimizer, rate * learningRateFactor, 'fit');
    }
    this.guard.reset();
  }

  private async maybeSnapshot(): Promise<void> {
    const every = this.options.rollback?.snapshotEvery ?? 100;
    if (!this.snapshot || this.model.step - this.snapshot.step < every) return;
    const next = await takeSnapshot(this.model.playerModels, this.players, this.model.step);
    this.snapshot.dispose();
    this.snapshot = next;
  }

  dispose(): void {
    this.guard.dispose();
    this.snapshot?.dispose();
  }
}
