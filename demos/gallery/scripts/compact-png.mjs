// Re-encodes a PNG smaller, with the same picture: grey (or RGB) instead of RGBA
// when the image allows, half the size when it was drawn at 2x zoom (every 2x2
// block one colour, as the CLI draws image panels), the best of PNG's five row
// filters per row, deflate level 9; colours rounded only when asked to fit a
// size. The CLI writes its grids as RGBA with no filter, which for MNIST digits
// is four bytes where one does.
import { crc32, deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
const CHANNELS = { 0: 1, 2: 3, 4: 2, 6: 4 };

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The predictor of filter `type` for byte i of a row (`bpp` bytes a pixel), given the row above. */
function predict(type, row, above, i, bpp) {
  const a = i >= bpp ? row[i - bpp] : 0;
  const b = above[i];
  const c = i >= bpp ? above[i - bpp] : 0;
  return [0, a, b, (a + b) >> 1, paeth(a, b, c)][type];
}

/** An 8-bit, non-interlaced PNG (a Buffer) to `{ width, height, channels, pixels }`, pixels row by row. */
export function decodePng(png) {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('decodePng expected a PNG file. Received: no PNG signature');
  let header;
  const idat = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), depth: data[8], color: data[9], interlace: data[12] };
    else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const { width, height, depth, color, interlace } = header;
  const channels = CHANNELS[color];
  if (depth !== 8 || !channels || interlace) throw new Error(`decodePng expected an 8-bit grey, RGB or RGBA PNG without interlacing. Received: depth=${depth}, color=${color}, interlace=${interlace}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  let above = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const type = raw[y * (stride + 1)];
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) row[i] = (src[i] + predict(type, row, above, i, channels)) & 255;
    above = row;
  }
  return { width, height, channels, pixels };
}

/** The fewest channels that keep every pixel: 1 (grey), 3 (RGB) or the input's. */
function narrow({ width, height, channels, pixels }) {
  if (channels !== 4) return { width, height, channels, pixels };
  let grey = true;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3] !== 255) return { width, height, channels, pixels };
    grey &&= pixels[i] === pixels[i + 1] && pixels[i] === pixels[i + 2];
  }
  const keep = grey ? 1 : 3;
  const out = new Uint8Array(width * height * keep);
  for (let p = 0; p < width * height; p++) for (let k = 0; k < keep; k++) out[p * keep + k] = pixels[p * 4 + k];
  return { width, height, channels: keep, pixels: out };
}

/** The picture at half size when every 2x2 block of it is one colour (a 2x zoom), else itself. */
function unzoom(image) {
  const { width, height, channels, pixels } = image;
  if (width % 2 || height % 2) return image;
  const stride = width * channels;
  for (let y = 0; y < height; y += 2) {
    for (let i = 0; i < stride; i += 2 * channels) {
      for (let k = 0; k < channels; k++) {
        const v = pixels[y * stride + i + k];
        if (pixels[y * stride + i + channels + k] !== v || pixels[(y + 1) * stride + i + k] !== v || pixels[(y + 1) * stride + i + channels + k] !== v) return image;
      }
    }
  }
  const half = new Uint8Array((width / 2) * (height / 2) * channels);
  for (let y = 0; y < height / 2; y++) {
    for (let x = 0; x < width / 2; x++) half.set(pixels.subarray(2 * y * stride + 2 * x * channels, 2 * y * stride + (2 * x + 1) * channels), (y * (width / 2) + x) * channels);
  }
  return { width: width / 2, height: height / 2, channels, pixels: half };
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

function encode({ width, height, channels, pixels }) {
  const stride = width * channels;
  const raw = Buffer.alloc(height * (stride + 1));
  let above = new Uint8Array(stride);
  const candidate = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    let best = Infinity;
    for (let type = 0; type < 5; type++) {
      let cost = 0;
      for (let i = 0; i < stride; i++) {
        candidate[i] = (row[i] - predict(type, row, above, i, channels)) & 255;
        cost += candidate[i] < 128 ? candidate[i] : 256 - candidate[i];
      }
      if (cost < best) {
        best = cost;
        raw[y * (stride + 1)] = type;
        raw.set(candidate, y * (stride + 1) + 1);
      }
    }
    above = row;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, { 1: 0, 3: 2, 2: 4, 4: 6 }[channels], 0, 0, 0], 8);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Every channel value rounded to a multiple of `step` (255 at most). */
function posterize(image, step) {
  return { ...image, pixels: image.pixels.map((v) => Math.min(255, Math.round(v / step) * step)) };
}

/**
 * The same picture as `png` (a Buffer holding an 8-bit PNG), usually smaller
 * (and at half the size when it was drawn at 2x zoom). Lossless unless that is
 * over `maxBytes`: then channel values are rounded to multiples of 2, 4, … 32
 * until it fits, and `posterize` says the multiple (1 when lossless).
 *
 * @param {Buffer} png
 * @param {{ maxBytes?: number }} [options] `maxBytes`: the size to fit in by rounding colours. @default Infinity (lossless)
 * @returns {{ png: Buffer, posterize: number }} `png` itself when the re-encoding is not smaller
 */
export function compactPng(png, options = {}) {
  const { maxBytes = Infinity } = options;
  const image = unzoom(narrow(decodePng(png)));
  let out = encode(image);
  let step = 1;
  while (out.length > maxBytes && step < 32) {
    step *= 2;
    out = encode(posterize(image, step));
  }
  return out.length < png.length ? { png: out, posterize: step } : { png, posterize: 1 };
}
