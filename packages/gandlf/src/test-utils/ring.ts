import * as tf from '@tensorflow/tfjs';

/** n points from the ring of 8 Gaussians (radius 2, std 0.02), seeded. */
export function ringData(n: number, seed: number): tf.Tensor2D {
  return tf.tidy(() => {
    const k = tf.randomUniform([n], 0, 8, 'int32', seed).toFloat();
    const a = k.mul(Math.PI / 4);
    const centres = tf.stack([tf.cos(a), tf.sin(a)], 1).mul(2);
    return centres.add(tf.randomNormal([n, 2], 0, 0.02, 'float32', seed + 1)) as tf.Tensor2D;
  });
}

/** A seeded 2-hidden-layer MLP. */
export function seededMlp(inDim: number, outDim: number, seed: number, activation?: 'sigmoid'): tf.LayersModel {
  const dense = (units: number, k: number, act?: 'relu' | 'sigmoid') =>
    tf.layers.dense({ units, kernelInitializer: tf.initializers.glorotUniform({ seed: seed + k }), ...(act ? { activation: act } : {}) });
  const i = tf.input({ shape: [inDim] });
  const h1 = dense(64, 0, 'relu').apply(i) as tf.SymbolicTensor;
  const h2 = dense(64, 1, 'relu').apply(h1) as tf.SymbolicTensor;
  const o = dense(outDim, 2, activation).apply(h2) as tf.SymbolicTensor;
  return tf.model({ inputs: i, outputs: o });
}

/** Share of points within `tol` of radius 2, and how many of the 8 angles they reach. */
export async function ringScore(samples: tf.Tensor, tol = 0.3): Promise<{ near: number; modes: number }> {
  const xy = (await samples.data()) as Float32Array;
  let near = 0;
  const modes = new Set<number>();
  for (let i = 0; i < xy.length; i += 2) {
    const [x, y] = [xy[i]!, xy[i + 1]!];
    if (Math.abs(Math.hypot(x, y) - 2) < tol) {
      near++;
      modes.add(((Math.round(Math.atan2(y, x) / (Math.PI / 4)) % 8) + 8) % 8);
    }
  }
  return { near: near / (xy.length / 2), modes: modes.size };
}
