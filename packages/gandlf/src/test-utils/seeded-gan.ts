import * as tf from '@tensorflow/tfjs';
import { AdversarialModel } from '../engine/adversarial-model';
import { buildGan } from '../helpers/builders';
import { ganTargets } from '../helpers/targets';
import type { AdversarialOptimizer } from '../engine/adversarial-optimizer';
import type { Random } from '../random';

const LATENT = 3;
const DIM = 2;

function seededDense(units: number, seed: number, activation?: 'relu' | 'sigmoid') {
  return tf.layers.dense({ units, kernelInitializer: tf.initializers.glorotUniform({ seed }), ...(activation ? { activation } : {}) });
}

/** A small GAN whose weights depend only on `seed`, so two copies start equal. */
export function seededGan(adversarialOptimizer: AdversarialOptimizer, seed = 1): AdversarialModel {
  const z = tf.input({ shape: [LATENT] });
  const g = tf.model({ inputs: z, outputs: seededDense(DIM, seed + 1).apply(seededDense(8, seed, 'relu').apply(z)) as tf.SymbolicTensor, name: 'generator' });
  const x = tf.input({ shape: [DIM] });
  const d = tf.model({ inputs: x, outputs: seededDense(1, seed + 3, 'sigmoid').apply(seededDense(8, seed + 2, 'relu').apply(x)) as tf.SymbolicTensor, name: 'discriminator' });
  const gan = new AdversarialModel({ baseModel: buildGan(g, d), playerParams: [g.trainableWeights, d.trainableWeights], playerNames: ['generator', 'discriminator'] });
  gan.compile({ adversarialOptimizer, playerOptimizers: ['adam', tf.train.adam(0.01, 0.5, 0.999, 1e-7)], loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return gan;
}

/** Seeded data for `seededGan`: latent draws from the model's random stream, fixed real points. */
export function seededData(n = 48) {
  const x = tf.randomNormal([n, DIM], 1, 0.5, 'float32', 42);
  const z = (b: number, r: Random) => tf.randomNormal([b, LATENT], 0, 1, 'float32', r.nextSeed());
  const y = ganTargets(n);
  return { inputs: [z, x] as const, y, dispose: () => tf.dispose([x, ...y]) };
}

/** Every weight of a model, flattened, in order. */
export function allWeights(model: tf.LayersModel): number[] {
  return model.getWeights().flatMap((w) => Array.from(w.dataSync()));
}
