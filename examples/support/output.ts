// What the examples write: PNG grids where the Python saves images, the history as CSV, and a checkpoint.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { callbacks, type History } from 'gandlf';
import { encodePng } from 'gandlf/node';

/** Writes a `[height, width, channels]` image with values in [0, 1] as a PNG. */
export async function writePng(path: string, image: tf.Tensor3D): Promise<void> {
  const [height, width] = image.shape;
  const rgba = await tf.browser.toPixels(image);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, encodePng(rgba, width, height));
}

/** Tiles a batch of images (`[n, h, w]` or `[n, h, w, c]`) into one grid and writes it as a PNG. */
export async function writeGrid(path: string, images: tf.Tensor, options: callbacks.TileImagesOptions = {}): Promise<void> {
  const grid = tf.tidy(() => callbacks.tileImages(images, options));
  try {
    await writePng(path, grid);
  } finally {
    grid.dispose();
  }
}

/** The per-epoch history as CSV (an `epoch` column, then one column per logged value), as the Python's `pd.DataFrame(history.history).to_csv`. */
export function historyCsv(history: History): string {
  const keys = Object.keys(history.history);
  const rows = history.epoch.map((e, i) => [e, ...keys.map((k) => history.history[k]![i] ?? '')].join(','));
  return [['epoch', ...keys].join(','), ...rows].join('\n') + '\n';
}

export async function writeHistory(dir: string, history: History): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'history.csv'), historyCsv(history));
}

/** Saves the whole run (networks, optimizer states, step, history) where `gandlf/node` reads it back: `Model.load('file://…')`. */
export async function saveCheckpoint(model: { save(url: string): Promise<unknown> }, dir: string): Promise<string> {
  const url = `file://${join(dir, 'checkpoint')}`;
  await model.save(url);
  return url;
}

/** A progress line, unless the run is quiet. */
export function say(verbose: boolean | undefined, line: string): void {
  if (verbose ?? true) console.log(line);
}
