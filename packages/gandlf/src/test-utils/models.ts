import * as tf from '@tensorflow/tfjs';

/** A small MLP generator `z -> x` for tests. */
export function mlpGenerator(latentDim: number, outDim: number, hidden = 16, name = 'generator'): tf.LayersModel {
  const z = tf.input({ shape: [latentDim] });
  const h = tf.layers.dense({ units: hidden, activation: 'relu' }).apply(z) as tf.SymbolicTensor;
  const x = tf.layers.dense({ units: outDim }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: z, outputs: x, name });
}

/** A small MLP discriminator `x -> p` (sigmoid) for tests. */
export function mlpDiscriminator(inDim: number, hidden = 16, name = 'discriminator'): tf.LayersModel {
  const x = tf.input({ shape: [inDim] });
  const h = tf.layers.dense({ units: hidden, activation: 'relu' }).apply(x) as tf.SymbolicTensor;
  const p = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: x, outputs: p, name });
}

/** Copies of every registered variable's values, by name. */
export function snapshotVariables(): Map<string, Float32Array> {
  const vars = tf.engine().state.registeredVariables;
  return new Map(Object.entries(vars).map(([name, v]) => [name, v.dataSync().slice() as Float32Array]));
}

/** Names of variables whose values differ from a snapshot. */
export function changedVariables(before: Map<string, Float32Array>): string[] {
  const vars = tf.engine().state.registeredVariables;
  return Object.entries(vars)
    .filter(([name, v]) => {
      const old = before.get(name);
      if (!old) return false;
      const now = v.dataSync();
      return now.some((x, i) => x !== old[i]);
    })
    .map(([name]) => name);
}
