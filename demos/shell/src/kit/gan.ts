import type * as tf from '@tensorflow/tfjs';
import { Alternating, helpers, Simultaneous, train, Unrolled, type AdversarialOptimizer, type ModelTargets } from 'gandlf';
import type { AdversarialOptimizerName, GanKnobs, GanLossName } from '../knobs';

// Turns the shared GAN knobs (see ../knobs.ts) into gandlf objects.

/** A fresh adversarial optimizer by knob name. */
export function adversarialOptimizer(name: AdversarialOptimizerName | string, unrollDepth = 5): AdversarialOptimizer {
  switch (name) {
    case 'simultaneous':
      return new Simultaneous();
    case 'alternating':
      return new Alternating();
    case 'unrolled':
      return new Unrolled({ depth: unrollDepth });
    default:
      throw new Error(`Unknown adversarial optimizer. Expected simultaneous, alternating or unrolled. Received: ${name}`);
  }
}

/** The players' optimizers and the adversarial optimizer the knobs name. */
export interface GanTraining {
  /** Adam (lrD, beta1) for the discriminator, then Adam (lrG, beta1) for the generator: `Model.compile`'s order. */
  readonly optimizer: [tf.Optimizer, tf.Optimizer];
  readonly adversarialOptimizer: AdversarialOptimizer;
}

/**
 * What the shared knobs set for `compile`, made on call: tfjs optimizers hold
 * variables from their construction, so only build them for a model.
 *
 * @example model.compile({ ...ganTraining(knobs), loss });
 */
export function ganTraining(knobs: Pick<GanKnobs, 'lrD' | 'lrG' | 'beta1' | 'adversarialOptimizer' | 'unrollDepth'>): GanTraining {
  const adam = (learningRate: number) => train.adamOptimizer({ learningRate, beta1: knobs.beta1 });
  return { optimizer: [adam(knobs.lrD), adam(knobs.lrG)], adversarialOptimizer: adversarialOptimizer(knobs.adversarialOptimizer, knobs.unrollDepth) };
}

/** What a loss knob fixes: the discriminator's last activation and the `fit` targets. */
export interface GanLoss {
  readonly loss: GanLossName;
  /** `sigmoid` for cross-entropy; hinge and least squares score with a linear head. */
  readonly activation: 'sigmoid' | 'linear';
  /** gandlf targets `[gen and real, fake]`: D learns real -> first, fake -> second; G learns fake -> first. */
  readonly targets: ModelTargets;
  /**
   * keras_adversarial's `gan_targets(n)` for the loss, for an `AdversarialModel`
   * game: `[G: yfake, yreal; D: yfake, yreal]`, real 1 and fake 0 (hinge: -1).
   */
  playerTargets(n: number): tf.Tensor2D[];
}

/** The head and targets that go with a loss knob. */
export function ganLoss(name: GanLossName | string): GanLoss {
  switch (name) {
    case 'binaryCrossentropy':
      return { loss: name, activation: 'sigmoid', targets: ['zeros', 'ones'], playerTargets: helpers.ganTargets };
    case 'hinge':
      return { loss: name, activation: 'linear', targets: [-1, 1], playerTargets: helpers.ganTargetsHinge };
    case 'meanSquaredError':
      return { loss: name, activation: 'linear', targets: ['zeros', 'ones'], playerTargets: helpers.ganTargets };
    default:
      throw new Error(`Unknown loss. Expected binaryCrossentropy, hinge or meanSquaredError. Received: ${name}`);
  }
}
