/** The demos/ folder. */
export declare const demosRoot: string;
/** Where the gallery's pictures live (served as /pictures/), written by scripts/pictures.mjs. */
export declare const picturesDir: string;
/** What made each picture (pictures.json in picturesDir). */
export declare const picturesFile: string;
/** A demo's picture and the run that drew it. */
export interface Picture {
  /** File name in picturesDir, e.g. `gan-mnist.png`. */
  file: string;
  preset: string;
  steps: number;
  seed: number;
  backend: string;
  width: number;
  height: number;
  /** Colour channels rounded to multiples of this to keep the file small; absent when lossless. */
  posterize?: number;
}
/** pictures.json: each demo's picture, by demo name ({} before the first run). */
export declare function readPictures(): Record<string, Picture>;
/** Every demo package with a `gandlf.title`, in order. */
export declare function listDemos(): { name: string; dir: string; title: string; description: string; order: number; presets: string[] }[];
