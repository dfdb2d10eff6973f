import * as tf from '@tensorflow/tfjs';
import { Alternating, Simultaneous, Unrolled, type AdversarialOptimizer, type ModelTargets } from 'gandlf';
import type { AdversarialOptimizerName, GanLossName } from '../knobs';

// Turns the shared GAN knobs (see ../knobs.ts) into gandlf objects.

/**
 * Adam with epsilon set explicitly: left unset, tfjs takes the backend's
 * epsilon, which is 1e-4 on WebGL and 1e-7 elsewhere (tfjs issue 6980).
 */
export function adam(learningRate: number, beta1 = 0.5): tf.Optimizer {
  return tf.train.adam(learningRate, beta1, 0.999, 1e-7);
}

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

/** What a loss knob fixes: the discriminator's last activation and the `fit` targets. */
export interface GanLoss {
  readonly loss: GanLossName;
  /** `sigmoid` for cross-entropy; hinge and least squares score with a linear head. */
  readonly activation: 'sigmoid' | 'linear';
  /** gandlf targets `[gen and real, fake]`: D learns real -> first, fake -> second; G learns fake -> first. */
  readonly targets: ModelTargets;
}

/** The head and targets that go with a loss knob. */
export function ganLoss(name: GanLossName | string): GanLoss {
  switch (name) {
    case 'binaryCrossentropy':
      return { loss: name, activation: 'sigmoid', targets: ['zeros', 'ones'] };
    case 'hinge':
      return { loss: name, activation: 'linear', targets: [-1, 1] };
    case 'meanSquaredError':
      return { loss: name, activation: 'linear', targets: ['zeros', 'ones'] };
    default:
      throw new Error(`Unknown loss. Expected binaryCrossentropy, hinge or meanSquaredError. Received: ${name}`);
  }
}
