import * as tf from '@tensorflow/tfjs';

/** A linear critic `D(x) = w·x + b` named 'src', with the given weights. */
export function linearCritic(w: number[], b = 0): tf.LayersModel {
  const x = tf.input({ shape: [w.length] });
  const d = tf.layers.dense({ units: 1, name: 'src' });
  const model = tf.model({ inputs: x, outputs: d.apply(x) as tf.SymbolicTensor });
  model.setWeights([tf.tensor2d(w, [w.length, 1]), tf.tensor1d([b])]);
  return model;
}

/** A linear generator `G(z) = z A` with the given matrix `[latent, out]`. */
export function linearGenerator(a: number[][]): tf.LayersModel {
  const z = tf.input({ shape: [a.length] });
  const g = tf.layers.dense({ units: a[0]!.length, useBias: false });
  const model = tf.model({ inputs: z, outputs: g.apply(z) as tf.SymbolicTensor });
  model.setWeights([tf.tensor2d(a)]);
  return model;
}
