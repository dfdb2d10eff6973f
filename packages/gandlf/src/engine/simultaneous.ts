import * as tf from '@tensorflow/tfjs';
import type { PlayerEval } from './player';
import type { AdversarialOptimizer, StepContext } from './adversarial-optimizer';
import { registerAdversarialOptimizer } from './registry';

/**
 * Every player takes its gradient at the same parameters on the same batch;
 * then all gradients are applied. (gandlf's `Model` runs it as the GAN step
 * in `gan/simultaneous.ts`, which runs its generator once for both players.)
 *
 * @example gan.compile({ adversarialOptimizer: new Simultaneous(), ... })
 */
export class Simultaneous implements AdversarialOptimizer {
  static {
    registerAdversarialOptimizer('Simultaneous', () => new Simultaneous());
  }

  readonly className: string = 'Simultaneous';

  bind(): void {}

  async step({ players, batch }: StepContext): Promise<tf.Tensor1D[]> {
    const evals: PlayerEval[] = [];
    try {
      for (const p of players) evals.push(p.gradients(batch));
    } catch (e) {
      // Nothing applied yet: free what was computed and leave the model untouched.
      for (const ev of evals) tf.dispose([ev.values, ...(ev.grads ?? [])]);
      throw e;
    }
    players.forEach((p, i) => p.apply((evals[i] as PlayerEval).grads as tf.Tensor[]));
    return evals.map((ev) => ev.values);
  }

  getConfig(): Record<string, unknown> {
    return {};
  }
}
