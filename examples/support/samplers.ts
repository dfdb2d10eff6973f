// The image samplers of keras_adversarial's BiGAN and AAE examples (`generator_sampler`,
// `autoencoder_sampler`), for `callbacks.imageGrid({ generator })`, and a sink that
// writes each grid where the Python's `ImageGridCallback` does.
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { helpers, type callbacks, type Random } from 'gandlf';
import { writePng } from './output';

/** Images `[n, h, w]` or `[n, h, w, c]` as keras_adversarial's grid `[rows, cols, h, w, c]`. */
function asGrid(x: tf.Tensor, rows: number, cols: number): tf.Tensor {
  const [h, w, c = 1] = x.shape.slice(1) as number[];
  return x.reshape([rows, cols, h!, w!, c]);
}

/** example_gan.py's `generator_sampler`: the generator on the fixed `zsamples` (100 of them), as a 10x10 grid. */
export function fixedSampler(generator: tf.LayersModel, zSamples: tf.Tensor): () => tf.Tensor {
  return () => asGrid(generator.predict(zSamples) as tf.Tensor, 10, 10);
}

/** `generator_sampler`: the generator on 100 fresh `N(0, 1)` draws, as a 10x10 grid. Seeded from `random`. */
export function generatorSampler(generator: tf.LayersModel, latentDim: number, random: Random): () => tf.Tensor {
  return () => asGrid(generator.predict(tf.randomNormal([100, latentDim], 0, 1, 'float32', random.nextSeed())) as tf.Tensor, 10, 10);
}

/**
 * `autoencoder_sampler`: 10 test images picked at random (`n_choice`), each
 * followed by 9 reconstructions of it (they differ: the encoder samples its code).
 */
export function autoencoderSampler(autoencoder: tf.LayersModel, xtest: tf.Tensor, random: Random): () => tf.Tensor {
  return () => {
    const xs = helpers.nChoice(xtest, 10, random);
    const reps = Array.from({ length: xs.rank + 1 }, (_, k) => (k === 1 ? 9 : 1));
    const xrep = tf.tile(xs.expandDims(1), reps).reshape([90, ...xs.shape.slice(1)]);
    const xgen = (autoencoder.predict(xrep) as tf.Tensor).reshape([10, 9, ...xs.shape.slice(1)]);
    return asGrid(tf.concat([xs.expandDims(1), xgen], 1).reshape([100, ...xs.shape.slice(1)]), 10, 10);
  };
}

/**
 * A grid sink writing `${dir}/${prefix}-epoch-NNN.png`, the Python's `'{prefix}-epoch-{:03d}.png'`
 * (`epoch-NNN.png` when `prefix` is empty, `digits` wide); records each path in `files`.
 */
export function epochPngs(dir: string, prefix: string, files: string[], digits = 3): callbacks.GridSink {
  return async (grid, epoch) => {
    const path = join(dir, `${prefix ? `${prefix}-` : ''}epoch-${String(epoch).padStart(digits, '0')}.png`);
    await writePng(path, grid);
    files.push(path);
  };
}
