import type * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError } from '../errors';
import { playerIndex, type AdversarialOptimizer, type StepContext } from './adversarial-optimizer';
import { registerAdversarialOptimizer } from './registry';
import { onePlayerStep } from './solo';

/**
 * Batch `i` trains only player `schedule[i % schedule.length]`; the others
 * are evaluated for the logs but not updated. Players are given by index or
 * name. The position is the model's step counter, so it survives a resume.
 *
 * @example new Scheduled(['discriminator', 'discriminator', 'generator'])
 */
export class Scheduled implements AdversarialOptimizer {
  static {
    registerAdversarialOptimizer('Scheduled', (c) => new Scheduled(c.schedule as (string | number)[]));
  }

  readonly className: string = 'Scheduled';
  readonly schedule: ReadonlyArray<number | string>;
  private indices: number[] = [];

  constructor(schedule: ReadonlyArray<number | string>) {
    if (!Array.isArray(schedule) || schedule.length === 0) {
      throw new InvalidArgumentError(`Argument 'schedule' passed to 'Scheduled' must be a non-empty array of player indices or names. Received: schedule=${describe(schedule)}`);
    }
    this.schedule = [...schedule];
  }

  bind(playerNames: readonly string[]): void {
    this.indices = this.schedule.map((id, k) => playerIndex(id, playerNames, `Scheduled: schedule[${k}]`));
  }

  /** The player index that trains on step `step`. */
  playerAt(step: number): number {
    return this.indices[step % this.indices.length]!;
  }

  async step(ctx: StepContext): Promise<tf.Tensor1D[]> {
    return onePlayerStep(ctx, this.playerAt(ctx.step));
  }

  getConfig(): Record<string, unknown> {
    return { schedule: [...this.schedule] };
  }
}
