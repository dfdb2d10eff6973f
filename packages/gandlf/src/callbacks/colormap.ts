import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError, ShapeMismatchError } from '../errors';

/** The colour maps `imageGrid` applies to single-channel images, by their matplotlib names. */
export type ColormapName = 'gray' | 'gray_r' | 'viridis' | 'viridis_r';

// matplotlib's viridis (`_cm_listed.py`) as the 256 bytes per channel that
// matplotlib writes to a PNG (`(lut * 255).astype(uint8)`), 'rrggbb' each.
const VIRIDIS =
  '44015444025544035745055845065a45085b46095c460b5e460c5f460e61470f62471163471265471466471567471669' +
  '47186a48196b481a6c481c6e481d6f481e70482071482172482273482374472575472676472777472878472a79472b7a' +
  '472c7b462d7c462f7c46307d46317e45327f45347f453580453681443781443982433a83433b83433c84423d84423e85' +
  '4240854141864142864043874044873f45873f47883e48883e49893d4a893d4b893d4c893c4d8a3c4e8a3b508a3b518a' +
  '3a528b3a538b39548b39558b38568b38578c37588c37598c365a8c365b8c355c8c355d8c345e8d345f8d33608d33618d' +
  '32628d32638d31648d31658d31668d30678d30688d2f698d2f6a8d2e6b8e2e6c8e2e6d8e2d6e8e2d6f8e2c708e2c718e' +
  '2c728e2b738e2b748e2a758e2a768e2a778e29788e29798e287a8e287a8e287b8e277c8e277d8e277e8e267f8e26808e' +
  '26818e25828e25838d24848d24858d24868d23878d23888d23898d22898d228a8d228b8d218c8d218d8c218e8c208f8c' +
  '20908c20918c1f928c1f938b1f948b1f958b1f968b1e978a1e988a1e998a1e998a1e9a891e9b891e9c891e9d881e9e88' +
  '1e9f881ea0871fa1871fa2861fa38620a48520a58521a68521a78422a78423a88323a98224aa8225ab8126ac8127ad80' +
  '28ae7f29af7f2ab07e2bb17d2cb17d2eb27c2fb37b30b47a32b57a33b67935b77836b87738b97639b9763bba753dbb74' +
  '3ebc7340bd7242be7144be7045bf6f47c06e49c16d4bc26c4dc26b4fc36951c46853c56755c66657c66559c7645bc862' +
  '5ec96160c96062ca5f64cb5d67cc5c69cc5b6bcd596dce5870ce5672cf5574d05477d05279d1517cd24f7ed24e81d34c' +
  '83d34b86d44988d5478bd5468dd64490d64392d74195d73f97d83e9ad83c9dd93a9fd938a2da37a5da35a7db33aadb32' +
  'addc30afdc2eb2dd2cb5dd2bb7dd29bade27bdde26bfdf24c2df22c5df21c7e01fcae01ecde01dcfe11cd2e11bd4e11a' +
  'd7e219dae218dce218dfe318e1e318e4e318e7e419e9e419ece41aeee51bf1e51cf3e51ef6e61ff8e621fae622fde724';

function viridisTable(): number[][] {
  return Array.from({ length: 256 }, (_, i) => [0, 2, 4].map((k) => parseInt(VIRIDIS.slice(6 * i + k, 6 * i + k + 2), 16) / 255));
}

const grayTable = (): number[][] => Array.from({ length: 256 }, (_, i) => [i / 255, i / 255, i / 255]);

/** Each map's 256 colours (matplotlib's `N = 256`), each in [0, 1]. */
const TABLES: Record<ColormapName, () => number[][]> = {
  gray: grayTable,
  gray_r: () => grayTable().reverse(),
  viridis: viridisTable,
  viridis_r: () => viridisTable().reverse(),
};

/** The colour map names `applyColormap` takes. */
export function colormapNames(): ColormapName[] {
  return Object.keys(TABLES) as ColormapName[];
}

/** Throws `InvalidArgumentError` unless `cmap` names a colour map here. */
export function assertColormap(cmap: unknown, fn: string, arg = 'cmap'): asserts cmap is ColormapName {
  if (typeof cmap !== 'string' || !Object.hasOwn(TABLES, cmap)) {
    throw new InvalidArgumentError(`Argument '${arg}' passed to '${fn}' must be one of ${colormapNames().join(', ')}. Received: ${arg}=${describe(cmap)}`);
  }
}

/**
 * Maps single-channel values in [0, 1] to RGB as matplotlib's colour map of
 * that name does: 256 colours, the value's bin `min(floor(v · 256), 255)`,
 * values outside [0, 1] clipped to the end colours.
 *
 * @example callbacks.applyColormap(tf.tensor([[0], [0.5], [1]]), 'viridis') // [[0.267, 0.004, 0.329], [0.125, 0.565, 0.549], [0.992, 0.906, 0.141]]
 *
 * @param images Values in [0, 1] with a last axis of 1, e.g. `[n, h, w, 1]`.
 * @param cmap The colour map's name.
 * @returns The same shape with a last axis of 3.
 */
export function applyColormap(images: tf.Tensor, cmap: ColormapName): tf.Tensor {
  const fn = 'applyColormap';
  assertColormap(cmap, fn);
  if (images.rank < 1 || images.shape[images.rank - 1] !== 1) {
    throw new ShapeMismatchError(`Argument 'images' passed to '${fn}' must have a last axis of 1 (one channel). Received: shape [${images.shape.join(',')}]`);
  }
  return tf.tidy(() => {
    const bins = tf
      .clipByValue(tf.floor(tf.mul(images, 256)), 0, 255)
      .toInt()
      .reshape([-1]);
    const colours = tf.gather(tf.tensor2d(TABLES[cmap]()), bins);
    return colours.reshape([...images.shape.slice(0, -1), 3]);
  });
}
