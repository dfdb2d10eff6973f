import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError, ShapeMismatchError } from '../errors';
import { checkOptions, optionKeys } from '../options';
import { Random } from '../random';

/** The transforms of DiffAugment, applied in this order. */
export const AUGMENTATIONS = ['color', 'translation', 'cutout'] as const;
export type Augmentation = (typeof AUGMENTATIONS)[number];

/** A stream of uniform numbers in [0, 1), such as `Random`. */
export interface UniformStream {
  next(): number;
}

/** Options of {@link diffAugment}. */
export interface DiffAugmentOptions {
  /** Comma-separated transforms among `color`, `translation`, `cutout`. @default 'color,translation,cutout' */
  policy?: string;
  /** Where the random draws come from; seed it for repeatable augmentations. @default a new unseeded `Random` */
  random?: UniformStream;
  /** Largest shift, as a fraction of the image side. @default 0.125, as in the paper */
  translationRatio?: number;
  /** Side of the cut-out square, as a fraction of the image side. @default 0.5, as in the paper */
  cutoutRatio?: number;
}

const DIFF_AUGMENT_KEYS = optionKeys<DiffAugmentOptions>()({ policy: true, random: true, translationRatio: true, cutoutRatio: true });

/**
 * DiffAugment (Zhao et al. 2020): random, differentiable augmentations of
 * images `[batch, height, width, channels]`, drawn per sample. Apply it to
 * every image the discriminator sees, real and generated, in both players'
 * steps; gradients flow through it to the generator. With little data this
 * keeps the discriminator from memorising the training set.
 *
 * - `color`: brightness `+ (r - 0.5)`, saturation `× 2r` around the channel
 *   mean, contrast `× (r + 0.5)` around the image mean.
 * - `translation`: a shift by up to `translationRatio` of the side, filled with zeros.
 * - `cutout`: a square of side `cutoutRatio` set to zero.
 *
 * Draws are taken from `random` in JavaScript, so a seeded stream gives the
 * same augmentation on every backend. Not public: users reach it through the
 * `layers.DiffAugment` layer, or `Model({ augment })`.
 *
 * @example
 * const xAug = diffAugment(x, { policy: 'color,translation,cutout', random: new Random(1) });
 *
 * @param x Images, channels last.
 * @param policy The transforms to apply.
 * @param random The stream of draws.
 */
export function diffAugment(x: tf.Tensor, options: DiffAugmentOptions = {}): tf.Tensor4D {
  const fn = 'diffAugment';
  const { policy = 'color,translation,cutout', random = new Random(), translationRatio = 0.125, cutoutRatio = 0.5 } = checkOptions(options, DIFF_AUGMENT_KEYS, fn);
  const steps = parsePolicy(policy, fn);
  if (x.rank !== 4) {
    throw new ShapeMismatchError(`Argument 'x' passed to '${fn}' must be images [batch, height, width, channels]. Received: shape [${x.shape.join(',')}]`);
  }
  return tf.tidy(() => {
    let y = x as tf.Tensor4D;
    for (const step of steps) {
      if (step === 'color') y = color(y, random);
      else if (step === 'translation') y = translation(y, random, translationRatio);
      else y = cutout(y, random, cutoutRatio);
    }
    return y === x ? (tf.clone(y) as tf.Tensor4D) : y;
  });
}

/** Splits and checks a policy string. */
export function parsePolicy(policy: string, fn: string): Augmentation[] {
  const steps =
    typeof policy === 'string'
      ? policy
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '')
      : [];
  const bad = steps.filter((s) => !(AUGMENTATIONS as readonly string[]).includes(s));
  if (typeof policy !== 'string' || bad.length) {
    throw new InvalidArgumentError(`Option 'policy' passed to '${fn}' must list transforms among ${AUGMENTATIONS.join(', ')}, separated by commas. Received: policy=${describe(policy)}`);
  }
  return steps as Augmentation[];
}

/** One draw per sample, shaped to broadcast over an image. */
function perSample(b: number, random: UniformStream, f: (r: number) => number): tf.Tensor4D {
  return tf.tensor4d(
    Float32Array.from({ length: b }, () => f(random.next())),
    [b, 1, 1, 1],
  );
}

function color(x: tf.Tensor4D, random: UniformStream): tf.Tensor4D {
  const b = x.shape[0];
  const bright = tf.add(
    x,
    perSample(b, random, (r) => r - 0.5),
  );
  const channelMean = tf.mean(bright, 3, true);
  const saturated = tf.add(
    tf.mul(
      tf.sub(bright, channelMean),
      perSample(b, random, (r) => 2 * r),
    ),
    channelMean,
  );
  const imageMean = tf.mean(saturated, [1, 2, 3], true);
  return tf.add(
    tf.mul(
      tf.sub(saturated, imageMean),
      perSample(b, random, (r) => r + 0.5),
    ),
    imageMean,
  ) as tf.Tensor4D;
}

/** `randint(low, high)`: an integer in [low, high). */
function randint(random: UniformStream, low: number, high: number): number {
  return low + Math.floor(random.next() * (high - low));
}

function translation(x: tf.Tensor4D, random: UniformStream, ratio: number): tf.Tensor4D {
  const [b, h, w, c] = x.shape;
  const sh = Math.floor(h * ratio + 0.5);
  const sw = Math.floor(w * ratio + 0.5);
  const ty = Array.from({ length: b }, () => randint(random, -sh, sh + 1));
  const tx = Array.from({ length: b }, () => randint(random, -sw, sw + 1));
  // out[i, j] = x[i + ty, j + tx], or 0 outside: index a zero border of width 1.
  const [hp, wp] = [h + 2, w + 2];
  const idx = new Int32Array(b * h * w);
  for (let n = 0, k = 0; n < b; n++) {
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < w; j++, k++) {
        const si = Math.min(Math.max(i + ty[n]! + 1, 0), h + 1);
        const sj = Math.min(Math.max(j + tx[n]! + 1, 0), w + 1);
        idx[k] = (n * hp + si) * wp + sj;
      }
    }
  }
  const padded = tf.reshape(
    tf.pad(x, [
      [0, 0],
      [1, 1],
      [1, 1],
      [0, 0],
    ]),
    [-1, c],
  );
  return tf.reshape(tf.gather(padded, tf.tensor1d(idx, 'int32')), [b, h, w, c]);
}

function cutout(x: tf.Tensor4D, random: UniformStream, ratio: number): tf.Tensor4D {
  const [b, h, w] = x.shape;
  const sh = Math.floor(h * ratio + 0.5);
  const sw = Math.floor(w * ratio + 0.5);
  const oy = Array.from({ length: b }, () => randint(random, 0, h + (1 - (sh % 2))));
  const ox = Array.from({ length: b }, () => randint(random, 0, w + (1 - (sw % 2))));
  const mask = new Float32Array(b * h * w).fill(1);
  for (let n = 0; n < b; n++) {
    const [i0, j0] = [oy[n]! - Math.floor(sh / 2), ox[n]! - Math.floor(sw / 2)];
    for (let i = Math.max(i0, 0); i < Math.min(i0 + sh, h); i++) {
      for (let j = Math.max(j0, 0); j < Math.min(j0 + sw, w); j++) mask[(n * h + i) * w + j] = 0;
    }
  }
  return tf.mul(x, tf.tensor4d(mask, [b, h, w, 1]));
}
