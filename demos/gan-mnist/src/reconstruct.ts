import * as tf from '@tensorflow/tfjs';
import type { ImageView } from '@gandlf/demo-shell/protocol';
import { callbacks, latent } from 'gandlf';
import { toImageView } from './grid-view';

/** Options of {@link reconstructor}. */
export interface ReconstructOptions {
  /** The grid is `side` digits wide; it shows `floor(side / 2)` pairs of rows (at least one). */
  side: number;
  /** Real digits, `[count, pixels]` flat, values in [-1, 1], and their labels. */
  data: { images: Float32Array; labels: Uint8Array; count: number };
  /** The generator's output shape for one image (`[784]` or `[28, 28, 1]`). */
  sampleShape: readonly number[];
  /** Seeds the first search's starting latents. */
  seed: number;
  /** Adam steps of the first search, from random latents. @default 200 */
  firstSteps?: number;
  /** Adam steps of every later search, from the last latents found (G moved little since). @default 50 */
  steps?: number;
}

/** Draws the reconstruction grid; `dispose` frees the latents it keeps between draws. */
export interface Reconstructor {
  draw(generator: tf.LayersModel): Promise<ImageView & { readonly dataset: Readonly<Record<string, string>> }>;
  dispose(): void;
}

/**
 * GAN inversion (gandlf's `latentSearch`, the seed's reversing example): for a
 * fixed set of real digits, gradient descent in latent space finds z* with
 * G(z*) close to each digit, and the grid shows rows of real digits, each above
 * its reconstruction. Digits G cannot draw stay blurry, so the grid shows what
 * the generator has not learnt. Runs on a view only, never in a training step.
 * Conditional generators get each digit's own label. z* is kept and refined on
 * the next draw, so later draws take fewer steps.
 *
 * @example const r = reconstructor({ side: 8, data, sampleShape: [784], seed: 1 }); const view = await r.draw(model.generator);
 */
export function reconstructor({ side, data, sampleShape, seed, firstSteps = 200, steps = 50 }: ReconstructOptions): Reconstructor {
  const pairs = Math.max(1, Math.floor(side / 2));
  const n = Math.min(pairs * side, data.count);
  const pixels = data.images.length / data.count;
  let z: tf.Tensor | undefined;
  return {
    async draw(generator) {
      const target = tf.tensor(data.images.slice(0, n * pixels), [n, ...sampleShape]);
      const labels = tf.tidy(() => tf.oneHot(tf.tensor1d(Array.from(data.labels.subarray(0, n)), 'int32'), 10).toFloat());
      const inputs = generator.inputs.length > 1 ? [labels] : [];
      try {
        const found = await latent.latentSearch(generator, target, { steps: z ? steps : firstSteps, seed, inputs, ...(z ? { z0: z } : {}) });
        z?.dispose();
        z = found.z;
        const grid = tf.tidy(() => {
          const fake = generator.predict([z!, ...inputs]) as tf.Tensor;
          const [h, w, c] = [28, 28, 1];
          // Fewer digits than tiles (a tiny data set): the rest stay black.
          const blank = (t: tf.Tensor) => (n === pairs * side ? t.reshape([n, h, w, c]) : tf.concat([t.reshape([n, h, w, c]), tf.fill([pairs * side - n, h, w, c], -1)]));
          // Row pairs: side real digits, then the same digits as G draws them.
          const rows = tf.stack([blank(target).reshape([pairs, side, h, w, c]), blank(fake).reshape([pairs, side, h, w, c])], 1);
          return callbacks.tileImages(rows.reshape([2 * pairs * side, h, w, c]), { cols: side, padding: 2, background: 0 });
        });
        try {
          const view = await toImageView(grid);
          const loss = found.losses[found.losses.length - 1]!;
          return { ...view, dataset: { 'reconstruction-mse': loss.toFixed(4) } };
        } finally {
          grid.dispose();
        }
      } finally {
        tf.dispose([target, labels]);
      }
    },
    dispose() {
      z?.dispose();
      z = undefined;
    },
  };
}
