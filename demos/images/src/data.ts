import { imagesToTensorData, parseCifar10Batch, type ImageLike } from '@gandlf/datasets';

/** The images the GAN trains on: `[count, 32, 32, 3]` in [-1, 1] (the generator ends in tanh). */
export interface ImageSet {
  images: Float32Array;
  count: number;
  /** What the page shows on `<body data-training-data>`: `shapes`, `cifar-10` or `images`. */
  kind: 'shapes' | 'cifar-10' | 'images';
  /** A line for the status bar. */
  description: string;
}

export const SIDE = 32;
const PIXELS = SIDE * SIDE * 3;

/**
 * Coloured discs and squares on coloured backgrounds, made from `seed`: what
 * the GAN learns until the user gives it images. Deterministic, so a saved
 * run shows the same real images after a reload.
 */
export function shapes(count: number, seed: number): ImageSet {
  let s = seed >>> 0 || 1;
  const rand = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const images = new Float32Array(count * PIXELS);
  for (let i = 0; i < count; i++) {
    const bg = [rand(), rand(), rand()].map((v) => v * 0.6 - 1);
    const fg = [rand(), rand(), rand()].map((v) => v * 1.2 - 0.2);
    const [cx, cy, r] = [8 + rand() * 16, 8 + rand() * 16, 4 + rand() * 6];
    const disc = rand() < 0.5;
    for (let y = 0; y < SIDE; y++) {
      for (let x = 0; x < SIDE; x++) {
        const inside = disc ? (x - cx) ** 2 + (y - cy) ** 2 < r * r : Math.abs(x - cx) < r && Math.abs(y - cy) < r;
        const c = inside ? fg : bg;
        images.set(c, i * PIXELS + (y * SIDE + x) * 3);
      }
    }
  }
  return { images, count, kind: 'shapes', description: `Training on ${count} generated shapes; drop CIFAR-10 .bin files or images to train on yours.` };
}

/** Decodes one picture file in the worker: createImageBitmap, then an OffscreenCanvas. */
async function decodeImage(file: File): Promise<ImageLike> {
  const bitmap = await createImageBitmap(file);
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2-D context for an OffscreenCanvas');
    ctx.drawImage(bitmap, 0, 0);
    return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

const isCifar = (f: File) => /\.bin$/i.test(f.name);

/**
 * The images in the files a user dropped or picked: CIFAR-10 binary batches
 * (`.bin`, every record 1 label byte + 3072 pixel bytes) and pictures, which
 * are centre-cropped and resized to 32x32. A bad CIFAR file fails the whole
 * set with the parser's message; pictures the browser cannot decode are
 * skipped and named, and fail the set only when none is left.
 */
export async function fromFiles(files: readonly File[]): Promise<ImageSet> {
  if (files.length === 0) throw new Error('No files were dropped.');
  const cifar = files.filter(isCifar);
  const pictures = files.filter((f) => !isCifar(f));
  const parts: Float32Array[] = [];
  let count = 0;
  for (const file of cifar) {
    let data;
    try {
      data = parseCifar10Batch(await file.arrayBuffer(), { range: [-1, 1] });
    } catch (e) {
      throw new Error(`${file.name} is not a CIFAR-10 batch file: ${e instanceof Error ? e.message : String(e)}`);
    }
    parts.push(data.images);
    count += data.count;
  }
  const decoded: ImageLike[] = [];
  const skipped: string[] = [];
  for (const file of pictures) {
    try {
      decoded.push(await decodeImage(file));
    } catch {
      skipped.push(file.name);
    }
  }
  if (count === 0 && decoded.length === 0) {
    throw new Error(`${skipped.join(', ')}: not an image this browser can decode, nor a CIFAR-10 .bin file. Drop CIFAR-10 batch files (.bin) or pictures (PNG, JPEG, GIF, WebP, BMP).`);
  }
  if (decoded.length) {
    const t = imagesToTensorData(decoded, { size: SIDE, channels: 3, resize: 'area', range: [-1, 1] });
    parts.push(t.data);
    count += t.count;
  }
  const images = new Float32Array(count * PIXELS);
  let offset = 0;
  for (const p of parts) {
    images.set(p, offset);
    offset += p.length;
  }
  const what = [cifar.length && `${cifar.length} CIFAR-10 file${cifar.length > 1 ? 's' : ''}`, decoded.length && `${decoded.length} picture${decoded.length > 1 ? 's' : ''}`]
    .filter((w) => w)
    .join(' and ');
  const skip = skipped.length ? ` Skipped ${skipped.join(', ')}: not images.` : '';
  return { images, count, kind: cifar.length ? 'cifar-10' : 'images', description: `Training on ${count} images from ${what}.${skip}` };
}

/** The data in use, kept across knob changes and resets (a new trainer keeps the user's images). */
let current: ImageSet | null = null;

export function currentData(seed: number): ImageSet {
  return (current ??= shapes(512, seed));
}

export function setData(set: ImageSet): void {
  current = set;
}
