/** A decoded PNG: `channels` bytes a pixel (1 grey, 2 grey+alpha, 3 RGB, 4 RGBA), row by row. */
export interface DecodedPng {
  width: number;
  height: number;
  channels: number;
  pixels: Uint8Array;
}
/** An 8-bit, non-interlaced PNG to its pixels. */
export declare function decodePng(png: Buffer): DecodedPng;
/** Options of `compactPng`. */
export interface CompactPngOptions {
  /** Round colour channels to multiples of 2, 4, … 32 until the file fits in this many bytes. @default Infinity (lossless) */
  maxBytes?: number;
}
/**
 * The same picture as `png`, usually smaller (grey or RGB when it allows, half size when drawn at 2x
 * zoom, filtered rows, deflate 9); `png` itself when not. `posterize`: the multiple colours were
 * rounded to (1: lossless).
 */
export declare function compactPng(png: Buffer, options?: CompactPngOptions): { png: Buffer; posterize: number };
