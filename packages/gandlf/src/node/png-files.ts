import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { GridSink } from '../callbacks/image-grid';
import { optionKeys, requireOptions } from '../options';
import { encodePng } from './png';

/** Options of {@link pngFiles}. */
export interface PngFilesOptions {
  /** The folder to write into; created if missing. */
  dir: string;
  /** File name before the epoch number: `${prefix}0007.png`. @default 'epoch-' */
  prefix?: string;
}

const PNG_FILES_KEYS = optionKeys<PngFilesOptions>()({ dir: true, prefix: true });

/**
 * A grid sink for `imageGrid` in Node: writes each grid as a PNG,
 * `${dir}/${prefix}${epoch}.png` with the epoch zero-padded to 4 digits.
 *
 * @example callbacks.imageGrid({ model, draw: pngFiles({ dir: 'samples' }) })
 */
export function pngFiles(options: PngFilesOptions): GridSink {
  const { dir, prefix = 'epoch-' } = requireOptions(options, PNG_FILES_KEYS, 'pngFiles');
  return async (grid, epoch) => {
    const [height, width] = grid.shape;
    const rgba = await tf.browser.toPixels(grid);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${prefix}${String(epoch).padStart(4, '0')}.png`), encodePng(rgba, width, height));
  };
}
