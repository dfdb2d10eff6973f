import * as tf from '@tensorflow/tfjs';

/** Centres of three classes of 2-D points, 120° apart on a circle of radius 2. */
export const CENTRES: readonly (readonly [number, number])[] = [0, 1, 2].map((k) => [2 * Math.cos((2 * Math.PI * k) / 3), 2 * Math.sin((2 * Math.PI * k) / 3)] as const);

/** n seeded points, each near the centre of its class (std 0.1), with one-hot labels. */
export function classPoints(n: number, seed: number): { x: tf.Tensor2D; labels: tf.Tensor2D } {
  return tf.tidy(() => {
    const k = tf.randomUniform([n], 0, 3, 'int32', seed);
    const labels = tf.oneHot(k, 3).toFloat() as tf.Tensor2D;
    const x = tf.matMul(labels, tf.tensor2d(CENTRES.flat(), [3, 2])).add(tf.randomNormal([n, 2], 0, 0.1, 'float32', seed + 1)) as tf.Tensor2D;
    return { x, labels };
  });
}

/** `n` one-hot rows of class `k`. */
export function oneHotRows(n: number, k: number): tf.Tensor2D {
  return tf.tidy(() => tf.oneHot(tf.fill([n], k, 'int32') as tf.Tensor1D, 3).toFloat() as tf.Tensor2D);
}

/** Share of points whose nearest class centre is `k`. */
export async function shareNearest(points: tf.Tensor, k: number): Promise<number> {
  const xy = await points.data();
  let hits = 0;
  for (let i = 0; i < xy.length; i += 2) {
    const d = CENTRES.map(([cx, cy]) => Math.hypot(xy[i]! - cx, xy[i + 1]! - cy));
    if (d.indexOf(Math.min(...d)) === k) hits++;
  }
  return hits / (xy.length / 2);
}
