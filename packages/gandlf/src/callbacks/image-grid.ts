import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError } from '../errors';
import type { ModelInputs, SampleArgs } from '../model/model';
import type { Callback } from '../training/callbacks';
import { optionKeys, requireOptions } from '../options';
import { applyColormap, assertColormap, type ColormapName } from './colormap';
import { tileImages, type TileImagesOptions } from './tile-images';

/** Where a grid goes: called with the grid (values in [0, 1], `[height, width, channels]`) and the epoch; the callback frees the grid afterwards. */
export type GridSink = (grid: tf.Tensor3D, epoch: number) => void | Promise<void>;

/**
 * What `generator` returns: images `[n, h, w]` or `[n, h, w, c]`, or
 * keras_adversarial's grid `[rows, cols, h, w, c]`; of a list, the first.
 */
export type ImageSource = () => tf.Tensor | tf.Tensor[];

/** Options of {@link imageGrid}. Give exactly one of `model` and `generator`. */
export interface ImageGridOptions extends Omit<TileImagesOptions, 'rows' | 'cols'> {
  /** The gandlf `Model` to sample; with `ema`, its moving average draws. @default none: give `generator` */
  model?: { sample(inputs: ModelInputs, args?: SampleArgs): tf.Tensor | tf.Tensor[] };
  /**
   * Makes the images itself, for any model, e.g. an `AdversarialModel`'s
   * generator: `() => generator.predict(z)` (keras_adversarial's
   * `ImageGridCallback(path, generator)`). It runs inside `tf.tidy`.
   * @default none: give `model`
   */
  generator?: ImageSource;
  /** Where each grid goes: `toCanvas(canvas)` in the browser, `pngFiles({ dir })` from `gandlf/node` in Node. */
  draw: GridSink;
  /** Generator inputs, e.g. `['normal', labels]` for a conditional generator (tensors need `rows · cols` rows); with `model` only. @default ['normal'] */
  inputs?: ModelInputs;
  /** Grid rows. @default 4 with `model`; with `generator`, the grid's rows or as `tileImages` lays the images out */
  rows?: number;
  /** Grid columns. @default 4 with `model`; with `generator`, the grid's columns or as `tileImages` lays the images out */
  cols?: number;
  /** Seeds the latent batch, which is the same every epoch so the grids show training progress; with `model` only. @default 0 */
  seed?: number;
  /** Draw after every this many epochs. @default 1 */
  every?: number;
  /**
   * A matplotlib colour map for single-channel images (`'gray'`, `'gray_r'`,
   * `'viridis'`, `'viridis_r'`), which makes the grid RGB. Images with 3 or 4
   * channels are drawn as they are, as matplotlib's `imshow` draws them.
   * @default none: a single-channel grid stays single-channel, which `toPixels` and PNGs show in gray, as keras_adversarial's default `'gray'` does
   */
  cmap?: ColormapName;
}

const IMAGE_GRID_KEYS = optionKeys<ImageGridOptions>()({
  model: true,
  generator: true,
  draw: true,
  inputs: true,
  rows: true,
  cols: true,
  seed: true,
  every: true,
  range: true,
  padding: true,
  background: true,
  cmap: true,
});

/**
 * gandlf's image grid callback (keras_adversarial's `ImageGridCallback`):
 * after every `every` epochs, takes `rows · cols` images, from `model` (one
 * fixed latent batch) or from `generator`, tiles them (see `tileImages`),
 * colours them with `cmap`, and hands the grid to `draw`. Drawing stays out
 * of the core: `toCanvas` draws with `tf.browser.toPixels` (which, unlike
 * `tf.browser.draw`, works on WebGL), `pngFiles` writes PNGs in Node (the
 * Python's `'epoch-{:03d}.png'` path pattern).
 *
 * matplotlib scales each tile to its own minimum and maximum; here every tile
 * maps the same `range`, so tiles compare and epochs compare.
 *
 * @example
 * await model.fit(['normal', x], ['zeros', 'ones'], { callbacks: [callbacks.imageGrid({ model, draw: callbacks.toCanvas(canvas) })] });
 * // An AdversarialModel: any function of its generator network, here on a fixed latent batch.
 * const zFixed = tf.randomNormal([16, 100]);
 * await gan.fit([z, x], helpers.ganTargets(n), { callbacks: [callbacks.imageGrid({ generator: () => generator.predict(zFixed) as tf.Tensor, cmap: 'gray', draw })] });
 */
export function imageGrid(options: ImageGridOptions): Callback {
  const fn = 'imageGrid';
  const { model, generator, draw, inputs, rows, cols, seed, every = 1, cmap, ...tile } = requireOptions(options, IMAGE_GRID_KEYS, fn);
  if ((model === undefined) === (generator === undefined)) {
    throw new InvalidArgumentError(`'${fn}' needs exactly one of 'model' and 'generator'. Received: ${model === undefined ? 'neither' : 'both'}`);
  }
  if (generator !== undefined && typeof generator !== 'function') {
    throw new InvalidArgumentError(`Option 'generator' passed to '${fn}' must be a function () => Tensor. Received: generator=${describe(generator)}`);
  }
  if (generator !== undefined && (inputs !== undefined || seed !== undefined)) {
    throw new InvalidArgumentError(`Options 'inputs' and 'seed' passed to '${fn}' apply to 'model'; 'generator' draws its own images. Received: ${inputs !== undefined ? 'inputs' : 'seed'}`);
  }
  if (typeof draw !== 'function') throw new InvalidArgumentError(`Option 'draw' passed to '${fn}' must be a function (grid, epoch) => void. Received: draw=${describe(draw)}`);
  if (!Number.isInteger(every) || every < 1) throw new InvalidArgumentError(`Option 'every' passed to '${fn}' must be a positive integer. Received: every=${describe(every)}`);
  if (cmap !== undefined) assertColormap(cmap, fn);
  const images = (): { images: tf.Tensor; rows?: number; cols?: number } => {
    if (model) {
      const out = model.sample(inputs ?? ['normal'], { numSamples: (rows ?? 4) * (cols ?? 4), seed: seed ?? 0 });
      return { images: Array.isArray(out) ? out[0]! : out, rows: rows ?? 4, cols: cols ?? 4 };
    }
    const out = generator!();
    return fromGrid(Array.isArray(out) ? out[0]! : out, rows, cols, fn);
  };
  return {
    async onEpochEnd(epoch: number) {
      if ((epoch + 1) % every !== 0) return;
      const grid = tf.tidy(() => {
        const made = images();
        let x = made.images;
        let range = tile.range;
        const gray = x.rank === 3 || (x.rank === 4 && x.shape[3] === 1);
        if (cmap !== undefined && gray) {
          const [lo, hi] = range ?? [-1, 1]; // tileImages's default
          const unit = tf.clipByValue(tf.div(tf.sub(x, lo), hi - lo), 0, 1);
          x = applyColormap(x.rank === 3 ? unit.expandDims(-1) : unit, cmap);
          range = [0, 1];
        }
        return tileImages(x, { ...tile, ...(range ? { range } : {}), ...(made.rows ? { rows: made.rows } : {}), ...(made.cols ? { cols: made.cols } : {}) });
      });
      try {
        await draw(grid, epoch);
      } finally {
        grid.dispose();
      }
    },
  };
}

/** Images as `tileImages` takes them; a `[rows, cols, h, w, c]` grid gives its own rows and columns. */
function fromGrid(x: tf.Tensor, rows: number | undefined, cols: number | undefined, fn: string): { images: tf.Tensor; rows?: number; cols?: number } {
  if (!(x instanceof tf.Tensor)) throw new InvalidArgumentError(`Option 'generator' passed to '${fn}' must return a tensor. Received: ${describe(x)}`);
  if (x.rank !== 5) return { images: x, ...(rows !== undefined ? { rows } : {}), ...(cols !== undefined ? { cols } : {}) };
  const [r, c, h, w, ch] = x.shape as number[];
  if ((rows !== undefined && rows !== r) || (cols !== undefined && cols !== c)) {
    throw new InvalidArgumentError(`'${fn}': the generator returned a ${r}x${c} grid [${x.shape.join(',')}], but rows=${rows} and cols=${cols} were given. Received: rows=${rows}, cols=${cols}`);
  }
  return { images: x.reshape([r! * c!, h!, w!, ch!]), rows: r!, cols: c! };
}

/**
 * A sink that draws grids on a canvas with `tf.browser.toPixels`, resizing it
 * to the grid.
 *
 * @example callbacks.imageGrid({ model, draw: callbacks.toCanvas(document.querySelector('canvas')!) })
 */
export function toCanvas(canvas: HTMLCanvasElement | OffscreenCanvas): GridSink {
  return async (grid) => {
    await tf.browser.toPixels(grid, canvas as HTMLCanvasElement);
  };
}
